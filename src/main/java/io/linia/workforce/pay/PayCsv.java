package io.linia.workforce.pay;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The month's pay as a CSV file Russian Excel opens as it is: UTF-8 with a byte-order mark, {@code ;}
 * between fields, CRLF line ends, and amounts written from their {@code BigDecimal} with a decimal
 * comma and no thousands separator ({@code 47000,00}), never through a floating-point number. An agent
 * without a contract, or with contracts in mixed currencies, has empty amounts and the status says why.
 */
public final class PayCsv {

    /** The columns, as message keys under {@code wfpay.csv.}. */
    static final List<String> COLUMNS = List.of("login", "name", "month", "status", "worked", "included", "covered", "extra", "shortfall",
            "withoutContract", "salary", "extraAmount", "total", "currency");

    private static final CSVFormat FORMAT = CSVFormat.Builder.create(CSVFormat.EXCEL).setDelimiter(';').setRecordSeparator("\r\n").build();

    private PayCsv() {
    }

    /**
     * @param text the viewer's text for a message key ({@code wfpay.csv.name}, {@code wfpay.status.OK}, …)
     */
    public static byte[] write(List<PaySheet> sheets, Function<String, String> text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8); CSVPrinter csv = new CSVPrinter(writer, FORMAT)) {
            writer.write('\uFEFF');
            csv.printRecord(COLUMNS.stream().map(c -> text.apply("wfpay.csv." + c)).toList());
            for (PaySheet s : sheets) {
                MonthlyPay p = s.pay();
                boolean paid = p != null && p.salary() != null;
                csv.printRecord(s.login(), s.name(), s.month().toString(), text.apply("wfpay.status." + s.status()),
                        p == null ? "" : p.shiftsWorked(), p == null ? "" : p.includedShifts(), p == null ? "" : p.coveredBySalary(),
                        p == null ? "" : p.extraShifts(), p == null ? "" : p.shortfall(), p == null ? "" : p.withoutContract(),
                        paid ? decimal(p.salary().amount()) : "", paid ? decimal(p.extraAmount().amount()) : "",
                        paid ? decimal(p.total().amount()) : "", String.join(" ", s.currencies()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** {@code 47000.00} → {@code 47000,00}: the amount's own digits, with the comma Russian Excel reads. */
    static String decimal(BigDecimal amount) {
        return amount.toPlainString().replace('.', ',');
    }
}
