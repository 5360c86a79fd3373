package io.linia.quality.web;

import io.linia.accounts.UserDirectory;
import io.linia.quality.GroupComparison;
import io.linia.quality.QualityProperties;
import io.linia.quality.WeekMeasures;
import io.linia.routing.RoutingDirectory;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.util.UriComponentsBuilder;

/** What the measures pages (and "my quality") share: the period from the URL, names, the trend's charts and table. */
@Component
class MeasureViews {

    private final UserDirectory users;
    private final RoutingDirectory routing;
    private final MessageSource messages;
    private final Clock clock;
    private final ZoneId zone;

    MeasureViews(UserDirectory users, RoutingDirectory routing, MessageSource messages, Clock clock, QualityProperties properties) {
        this.users = users;
        this.routing = routing;
        this.messages = messages;
        this.clock = clock;
        this.zone = ZoneId.of(properties.zone());
    }

    ZoneId zone() {
        return zone;
    }

    MeasurePeriod period(String days, String from, String to) {
        return MeasurePeriod.parse(days, from, to, LocalDate.now(clock.withZone(zone)), zone);
    }

    MeasureLabels labels(Locale locale) {
        return new MeasureLabels(users, routing, messages, locale);
    }

    /** The period picker: its presets' links (keeping {@code keep}), the form's values and errors (as texts). */
    void picker(Model model, String path, MeasurePeriod period, Map<String, String> keep, MeasureLabels labels) {
        Map<Integer, String> presets = new LinkedHashMap<>();
        for (int d : MeasurePeriod.PRESETS) {
            UriComponentsBuilder b = UriComponentsBuilder.fromPath(path);
            keep.forEach((k, v) -> {
                if (v != null && !v.isBlank()) {
                    b.queryParam(k, v);
                }
            });
            presets.put(d, b.queryParam("days", d).build().encode().toUriString());
        }
        Map<String, String> keptParams = new LinkedHashMap<>();
        keep.forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                keptParams.put(k, v);
            }
        });
        Map<String, String> errors = new LinkedHashMap<>();
        period.errors().forEach((field, key) -> errors.put(field, labels.text(key, MeasurePeriod.MAX_DAYS)));
        model.addAttribute("period", period);
        model.addAttribute("presets", presets);
        model.addAttribute("keep", keptParams);
        model.addAttribute("pickerPath", path);
        model.addAttribute("errors", errors);
    }

    /**
     * The model of a trend: its sides' names, weeks, charts and the metrics charted, and per side and week the link to
     * the tickets handled (the week cut to the period).
     */
    void trend(Model model, List<String> sides, List<List<WeekMeasures>> weeks, List<Long> groupIds, MeasurePeriod period,
               boolean allSidesDrill) {
        List<List<String>> links = new ArrayList<>();
        for (int s = 0; s < weeks.size(); s++) {
            List<String> side = new ArrayList<>();
            for (WeekMeasures w : weeks.get(s)) {
                LocalDate a = w.week().isBefore(period.first()) ? period.first() : w.week();
                LocalDate b = w.week().plusDays(6).isAfter(period.last()) ? period.last() : w.week().plusDays(6);
                Map<String, String> dates = new LinkedHashMap<>();
                dates.put("from", a.toString());
                dates.put("to", b.toString());
                side.add(s > 0 && !allSidesDrill ? null : MeasureRow.ticketsLink(w.measures().by(), w.measures().key(), groupIds.get(s),
                        io.linia.quality.Measure.HANDLED, dates));
            }
            links.add(side);
        }
        model.addAttribute("trendLinks", links);
        model.addAttribute("trendSides", sides);
        model.addAttribute("trendWeeks", weeks);
        model.addAttribute("trendMetrics", TrendCharts.METRICS);
        model.addAttribute("trendCharts", TrendCharts.configs(sides, weeks));
    }

    /**
     * The comparison of an agent with their group: both weekly trends, the labels and the period table's two rows.
     *
     * @param groupDrills whether the viewer may open the group's drill-downs (a reviewer)
     */
    void comparison(Model model, GroupComparison c, MeasureLabels labels, MeasurePeriod period, boolean groupDrills) {
        List<String> sides = List.of(labels.agent(c.agentId()), labels.group(c.groupId()));
        java.util.ArrayList<Long> none = new java.util.ArrayList<>();
        none.add(null);
        none.add(null);
        trend(model, sides, List.of(c.agentWeeks(), c.groupWeeks()), none, period, groupDrills);
        model.addAttribute("comparison", c);
        model.addAttribute("agentLabel", sides.get(0));
        model.addAttribute("groupLabel", sides.get(1));
        model.addAttribute("rows", MeasurePages.comparisonRows(c, labels, period, groupDrills));
    }

    static List<MeasureRow> rows(List<io.linia.quality.Measures> all, java.util.function.Function<io.linia.quality.Measures, String> label,
                                 java.util.function.Function<io.linia.quality.Measures, String> href, Long groupId, MeasurePeriod period) {
        List<MeasureRow> rows = new ArrayList<>();
        for (io.linia.quality.Measures m : all) {
            rows.add(new MeasureRow(label.apply(m), href.apply(m), m, groupId, period.dates()));
        }
        rows.sort(java.util.Comparator.comparing(MeasureRow::label, String.CASE_INSENSITIVE_ORDER));
        return rows;
    }

    static ResponseEntity<byte[]> csv(String name, MeasurePeriod period, byte[] body) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "-" + period.first() + "-" + period.last() + ".csv\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8)).body(body);
    }
}
