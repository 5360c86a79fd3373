package io.linia.quality.web;

import io.linia.quality.MeasureTickets;
import io.linia.quality.WeekMeasures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The measures' tables as CSV files Russian Excel opens as they are (as analytics' and pay's): UTF-8 with a byte-order
 * mark, {@code ;} between fields, CRLF line ends, fractions with a decimal comma; the same rows and columns as the
 * page's table, times in minutes.
 */
final class MeasureCsv {

    private static final CSVFormat FORMAT = CSVFormat.Builder.create(CSVFormat.EXCEL).setDelimiter(';').setRecordSeparator("\r\n").build();
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private MeasureCsv() {
    }

    private interface Body {
        void write(CSVPrinter csv) throws IOException;
    }

    private static byte[] csv(Body body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8); CSVPrinter csv = new CSVPrinter(writer, FORMAT)) {
            writer.write('\uFEFF');
            body.write(csv);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A measures table: the row's name, its key, every column, the escalation flag. */
    static byte[] table(String firstHeader, List<MeasureRow> rows, MeasureLabels labels) {
        return csv(csv -> {
            List<Object> head = new ArrayList<>();
            head.add(firstHeader);
            head.add(labels.text("quality.pages.key"));
            for (MeasureColumn c : MeasureColumn.ALL) {
                head.add(header(c, labels));
            }
            head.add(labels.text("quality.pages.col.escalationFlag"));
            csv.printRecord(head);
            for (MeasureRow r : rows) {
                List<Object> row = new ArrayList<>();
                row.add(r.label());
                row.add(r.key());
                for (MeasureColumn c : MeasureColumn.ALL) {
                    row.add(value(c.kind(), c.of(r.m())));
                }
                row.add(labels.text("quality.pages.flag." + r.m().escalationFlag()));
                csv.printRecord(row);
            }
        });
    }

    /** A trend: per week, each charted measure of each side (agent and group, or the group alone). */
    static byte[] trend(List<MeasureColumn> metrics, List<String> sides, List<List<WeekMeasures>> weeks, MeasureLabels labels) {
        return csv(csv -> {
            List<Object> head = new ArrayList<>();
            head.add(labels.text("quality.pages.week"));
            for (MeasureColumn c : metrics) {
                for (String side : sides) {
                    head.add(header(c, labels) + " — " + side);
                }
            }
            csv.printRecord(head);
            for (int i = 0; i < weeks.get(0).size(); i++) {
                List<Object> row = new ArrayList<>();
                row.add(weeks.get(0).get(i).week());
                for (MeasureColumn c : metrics) {
                    for (List<WeekMeasures> side : weeks) {
                        row.add(value(c.kind(), c.of(side.get(i).measures())));
                    }
                }
                csv.printRecord(row);
            }
        });
    }

    /** A drill-down list: one row per fact, as on the page. */
    static byte[] tickets(MeasureTickets t, MeasureLabels labels, ZoneId zone) {
        return csv(csv -> {
            List<Object> head = new ArrayList<>();
            for (String k : TicketColumns.HEADERS) {
                head.add(labels.text(k));
            }
            csv.printRecord(head);
            for (MeasureTickets.Row r : t.rows()) {
                csv.printRecord(r.number(), r.subject(), labels.agent(r.agentId()), labels.line(r.line()), labels.group(r.groupId()),
                        labels.category(r.categoryId()), MOMENT.format(r.at().atZone(zone)), r.counts(),
                        minutes(r.handlingMs()), minutes(r.firstResponseMs()),
                        r.slaTargets() == 0 ? "" : r.slaMet() + "/" + r.slaTargets(), TicketColumns.outcome(r, labels),
                        TicketColumns.rating(r, labels), decimal(r.reviewAverage()));
            }
        });
    }

    static String header(MeasureColumn c, MeasureLabels labels) {
        String h = labels.text("quality.pages.col." + c.id());
        return c.kind() == MeasureColumn.Kind.DURATION ? h + ", " + labels.text("quality.pages.minutes") : h;
    }

    static Object value(MeasureColumn.Kind kind, Object v) {
        if (v == null) {
            return "";
        }
        return switch (kind) {
            case COUNT -> v;
            case DURATION -> minutes((Long) v);
            case PERCENT, DECIMAL -> decimal((BigDecimal) v);
        };
    }

    /** Milliseconds as minutes, two decimals at most, decimal comma; nothing for none. */
    static String minutes(Long ms) {
        return ms == null ? "" : decimal(TrendCharts.minutes(ms));
    }

    static String decimal(BigDecimal v) {
        return v == null ? "" : v.stripTrailingZeros().toPlainString().replace('.', ',');
    }
}
