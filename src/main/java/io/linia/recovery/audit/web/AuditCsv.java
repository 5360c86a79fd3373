package io.linia.recovery.audit.web;

import io.linia.recovery.audit.AuditEntry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The audit log as a CSV file Russian Excel opens as it is (like the pay export): UTF-8 with a byte-order mark,
 * {@code ;} between fields, CRLF line ends. Times are instants in UTC (ISO 8601, microseconds). Text that a
 * spreadsheet would take for a formula ({@code =}, {@code +}, {@code -}, {@code @} first) gets a leading
 * apostrophe: details and names come from users.
 */
final class AuditCsv implements AutoCloseable {

    static final List<String> COLUMNS = List.of("at", "actorId", "actor", "action", "request", "ticket", "mailbox", "detail");

    private static final CSVFormat FORMAT = CSVFormat.Builder.create(CSVFormat.EXCEL).setDelimiter(';').setRecordSeparator("\r\n").build();

    private final Writer writer;
    private final CSVPrinter csv;
    private final Function<String, String> text;

    /** @param text the viewer's text for a message key */
    AuditCsv(OutputStream out, Function<String, String> text) throws IOException {
        this.writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        this.csv = new CSVPrinter(writer, FORMAT);
        this.text = text;
        writer.write('\uFEFF');
        csv.printRecord(COLUMNS.stream().map(c -> text.apply("recovery.audit.csv." + c)).toList());
    }

    void write(AuditEntry e) throws IOException {
        csv.printRecord(e.at().toString(), e.actorId(), safe(e.actorName()), text.apply("recovery.audit.action." + e.action()),
                e.requestId() == null ? "" : e.requestId(), e.ticketId() == null ? "" : e.ticketId(), safe(e.mailbox()),
                safe(e.detail()));
    }

    static String safe(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r' ? "'" + value : value;
    }

    @Override
    public void close() throws IOException {
        csv.close(true);
    }
}
