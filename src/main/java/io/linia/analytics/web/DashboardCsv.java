package io.linia.analytics.web;

import io.linia.analytics.api.AnalyticsSeries;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A dashboard chart's table as a CSV file Russian Excel opens as it is (as the pay CSV): UTF-8 with a byte-order
 * mark, {@code ;} between fields, CRLF line ends, fractions with a decimal comma; the same numbers as the page's table.
 */
final class DashboardCsv {

    private static final CSVFormat FORMAT = CSVFormat.Builder.create(CSVFormat.EXCEL).setDelimiter(';').setRecordSeparator("\r\n").build();

    private DashboardCsv() {
    }

    /** @param text the viewer's text for a message key */
    static byte[] write(String chart, DashboardView v, Function<String, String> text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8); CSVPrinter csv = new CSVPrinter(writer, FORMAT)) {
            writer.write('\uFEFF');
            switch (chart) {
                case "inflow-channel" -> stacked(csv, v.inflowByChannel(), text, true);
                case "inflow-category" -> stacked(csv, v.inflowByCategory(), text, false);
                case "backlog-line" -> stacked(csv, v.backlogByLine(), text, false);
                case "backlog-group" -> stacked(csv, v.backlogByGroup(), text, false);
                case "first-line-wait" -> {
                    csv.printRecord(text.apply("analytics.dash.day"), text.apply("analytics.dash.wait.count"),
                            text.apply("analytics.dash.wait.average"), text.apply("analytics.dash.wait.median"),
                            text.apply("analytics.dash.wait.p90"), text.apply("analytics.dash.wait.within"),
                            text.apply("analytics.dash.wait.target"));
                    for (AnalyticsSeries.WaitDay d : v.firstLineWait().days()) {
                        csv.printRecord(d.day(), d.count(), decimal(d.averageMinutes()), decimal(d.medianMinutes()),
                                decimal(d.p90Minutes()), decimal(DashboardPages.percent(d.withinTargetShare())), v.firstLineWait().targetMinutes());
                    }
                }
                case "escalation-share" -> {
                    csv.printRecord(text.apply("analytics.dash.day"), text.apply("analytics.dash.share.created"),
                            text.apply("analytics.dash.share.escalated"), text.apply("analytics.dash.share.share"),
                            text.apply("analytics.dash.share.usual"));
                    for (AnalyticsSeries.ShareDay d : v.share().days()) {
                        csv.printRecord(d.day(), d.created(), d.escalated(), decimal(DashboardPages.percent(d.share())),
                                decimal(DashboardPages.percent(v.share().usualShare())));
                    }
                }
                case "solved" -> {
                    csv.printRecord(text.apply("analytics.dash.day"), text.apply("analytics.dash.solved.solved"),
                            text.apply("analytics.dash.solved.reopened"), text.apply("analytics.dash.solved.returned"));
                    for (AnalyticsSeries.SolvedDay d : v.solved().days()) {
                        csv.printRecord(d.day(), d.solved(), d.reopened(), d.returned());
                    }
                }
                case "top-categories" -> {
                    csv.printRecord(text.apply("analytics.dash.top.category"), text.apply("analytics.dash.top.count"),
                            text.apply("analytics.dash.top.previous"), text.apply("analytics.dash.top.change"),
                            text.apply("analytics.dash.top.changePercent"));
                    for (AnalyticsSeries.TopCategory c : v.top().categories()) {
                        csv.printRecord(c.label(), c.count(), c.previousCount(), c.change(), decimal(c.changePercent()));
                    }
                }
                case "sla-met" -> {
                    List<Object> head = new ArrayList<>();
                    head.add(text.apply("analytics.dash.step." + v.slaMet().interval()));
                    for (io.linia.analytics.api.SlaMetSeries.TargetSeries t : v.slaMet().targets()) {
                        String name = text.apply("sla.target." + t.target());
                        head.add(name + " — " + text.apply("analytics.sla.finished"));
                        head.add(name + " — " + text.apply("analytics.sla.met"));
                        head.add(name + " — " + text.apply("analytics.sla.percent"));
                    }
                    csv.printRecord(head);
                    for (int i = 0; i < v.slaMet().buckets().size(); i++) {
                        List<Object> row = new ArrayList<>();
                        row.add(v.slaMet().buckets().get(i));
                        for (io.linia.analytics.api.SlaMetSeries.TargetSeries t : v.slaMet().targets()) {
                            row.add(t.finished().get(i));
                            row.add(t.met().get(i));
                            row.add(decimal(t.percent().get(i)));
                        }
                        csv.printRecord(row);
                    }
                }
                default -> throw new IllegalArgumentException(chart);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void stacked(CSVPrinter csv, AnalyticsSeries.Stacked s, Function<String, String> text, boolean channels)
            throws IOException {
        List<Object> head = new ArrayList<>();
        head.add(text.apply("analytics.dash.step." + s.interval()));
        for (AnalyticsSeries.Series x : s.series()) {
            head.add(channels ? text.apply("analytics.dash.channel." + x.key()) : x.label());
        }
        head.add(text.apply("analytics.dash.total"));
        if (s.usual() != null) {
            head.add(text.apply("analytics.history.usual"));
        }
        csv.printRecord(head);
        for (int i = 0; i < s.buckets().size(); i++) {
            List<Object> row = new ArrayList<>();
            row.add(s.buckets().get(i));
            for (AnalyticsSeries.Series x : s.series()) {
                row.add(x.values().get(i));
            }
            row.add(s.totals().get(i));
            if (s.usual() != null) {
                row.add(decimal(s.usual().get(i)));
            }
            csv.printRecord(row);
        }
    }

    /** {@code 12.5} → {@code 12,5}; nothing for no value. */
    static String decimal(Double v) {
        return v == null ? "" : BigDecimal.valueOf(v).stripTrailingZeros().toPlainString().replace('.', ',');
    }
}
