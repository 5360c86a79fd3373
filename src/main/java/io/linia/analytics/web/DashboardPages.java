package io.linia.analytics.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.linia.analytics.api.AnalyticsSeries;
import io.linia.analytics.api.Interval;
import io.linia.analytics.api.SeriesParameters;
import io.linia.analytics.api.SeriesQuery;
import io.linia.routing.RoutingDirectory;
import io.linia.shared.DomainException;
import io.linia.tickets.Channel;
import io.linia.tickets.Line;
import io.linia.web.Refusals;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The analytics dashboard for staff: the series of {@code /api/v1/analytics} as Chart.js charts, each with its table
 * (the same numbers, rendered here) and its CSV; every count links to the tickets behind it. The filters are the URL's
 * query, so a view can be bookmarked; a bad one is named next to its field and nothing else is drawn.
 */
@Controller
class DashboardPages {

    static final int DEFAULT_DAYS = 14;
    static final List<String> CHARTS = List.of("inflow-channel", "inflow-category", "backlog-line", "backlog-group",
            "first-line-wait", "escalation-share", "solved", "top-categories", "sla-met");
    private static final String[] COLORS = {"#0d6efd", "#198754", "#fd7e14", "#6f42c1", "#d63384", "#20c997", "#ffc107",
            "#0dcaf0", "#6c757d", "#dc3545", "#6610f2", "#adb5bd"};

    private final AnalyticsSeries series;
    private final SeriesParameters parameters;
    private final RoutingDirectory routing;
    private final Refusals refusals;
    private final MessageSource messages;
    private final Clock clock;
    private final io.linia.analytics.alert.SpikeAlerts alerts;
    private final io.linia.analytics.api.SlaMetSeries slaMet;
    private final ObjectMapper json = new ObjectMapper();

    DashboardPages(AnalyticsSeries series, SeriesParameters parameters, RoutingDirectory routing, Refusals refusals,
                   MessageSource messages, Clock clock, io.linia.analytics.alert.SpikeAlerts alerts,
                   io.linia.analytics.api.SlaMetSeries slaMet) {
        this.alerts = alerts;
        this.slaMet = slaMet;
        this.series = series;
        this.parameters = parameters;
        this.routing = routing;
        this.refusals = refusals;
        this.messages = messages;
        this.clock = clock;
    }

    /** The page's filters as the request gave them (defaults filled in), for the form and the links. */
    record Filters(String from, String to, String interval, String channel, String line, String groupId, String categoryId) {

        public Map<String, String> params() {
            Map<String, String> p = new LinkedHashMap<>();
            p.put("from", from);
            p.put("to", to);
            p.put("interval", interval);
            p.put("channel", channel);
            p.put("line", line);
            p.put("groupId", groupId);
            p.put("categoryId", categoryId);
            p.values().removeIf(v -> v == null || v.isBlank());
            return p;
        }
    }

    @GetMapping("/agent/analytics")
    String dashboard(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                     @RequestParam(required = false) String interval, @RequestParam(required = false) String channel,
                     @RequestParam(required = false) String line, @RequestParam(required = false) String groupId,
                     @RequestParam(required = false) String categoryId, Locale locale, Model model,
                     HttpServletResponse response) {
        Filters filters = filters(from, to, interval, channel, line, groupId, categoryId);
        model.addAttribute("filters", filters);
        model.addAttribute("channels", Channel.values());
        model.addAttribute("lines", Line.values());
        model.addAttribute("groups", routing.groups());
        model.addAttribute("categories", routing.categories());
        model.addAttribute("charts", CHARTS);
        model.addAttribute("alerts", alerts.recent(AlertPages.DAYS, 10, locale));
        try {
            DashboardView view = view(filters, locale);
            model.addAttribute("view", view);
            model.addAttribute("chartJson", charts(view, locale));
            model.addAttribute("errors", Map.of());
        } catch (DomainException e) {
            if (e.field() == null) {
                throw e;
            }
            response.setStatus(400);
            model.addAttribute("errors", Map.of(e.field(), refusals.explain(e)));
        }
        return "analytics/dashboard";
    }

    @GetMapping(value = "/agent/analytics/{chart}.csv")
    ResponseEntity<byte[]> csv(@PathVariable String chart, @RequestParam(required = false) String from,
                               @RequestParam(required = false) String to, @RequestParam(required = false) String interval,
                               @RequestParam(required = false) String channel, @RequestParam(required = false) String line,
                               @RequestParam(required = false) String groupId, @RequestParam(required = false) String categoryId,
                               Locale locale) {
        if (!CHARTS.contains(chart)) {
            throw DomainException.notFound("analytics.dash.noChart", chart);
        }
        DashboardView view = view(filters(from, to, interval, channel, line, groupId, categoryId), locale);
        byte[] body = DashboardCsv.write(chart, view, key -> text(key, locale));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + chart + "-" + view.query().from() + "-"
                        + view.query().to() + ".csv\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8)).body(body);
    }

    private Filters filters(String from, String to, String interval, String channel, String line, String groupId,
                            String categoryId) {
        LocalDate today = LocalDate.now(clock.withZone(parameters.zone()));
        String end = blank(to) ? today.toString() : to.strip();
        String start = from;
        if (blank(from)) {
            LocalDate last;
            try {
                last = LocalDate.parse(end);
            } catch (RuntimeException e) {
                last = today;
            }
            start = last.minusDays(DEFAULT_DAYS - 1).toString();
        }
        return new Filters(start.strip(), end, blank(interval) ? "DAY" : interval.strip().toUpperCase(Locale.ROOT),
                upper(channel), upper(line), trim(groupId), trim(categoryId));
    }

    DashboardView view(Filters f, Locale locale) {
        Interval step = SeriesParameters.interval(f.interval());
        SeriesQuery q = parameters.query(f.from(), f.to(), f.channel(), f.line(), f.groupId(), f.categoryId(), step);
        Interval backlogStep = step == Interval.WEEK ? Interval.DAY : step;
        return new DashboardView(q, step, backlogStep, series.inflow(q, step, "channel", locale),
                series.inflow(q, step, "category", locale), series.backlog(q, backlogStep, "line", locale),
                series.backlog(q, backlogStep, "group", locale), series.firstLineWait(q), series.escalationShare(q),
                series.solved(q), series.topCategories(q, 10, locale), slaMet.series(q, step));
    }

    // ------------------------------------------------------------------ charts (Chart.js configurations, data only)

    private Map<String, String> charts(DashboardView v, Locale locale) {
        Map<String, String> charts = new LinkedHashMap<>();
        charts.put("inflow-channel", config("bar", v.inflowByChannel().buckets(), usual(stacked(v.inflowByChannel(),
                key -> text("analytics.dash.channel." + key, locale)), v.inflowByChannel(), locale), true, null));
        charts.put("inflow-category", config("bar", v.inflowByCategory().buckets(),
                usual(stacked(v.inflowByCategory(), null), v.inflowByCategory(), locale), true, null));
        charts.put("backlog-line", config("line", v.backlogByLine().buckets(), stacked(v.backlogByLine(), null), false, null));
        charts.put("backlog-group", config("line", v.backlogByGroup().buckets(), stacked(v.backlogByGroup(), null), false, null));
        charts.put("first-line-wait", waitChart(v.firstLineWait(), locale));
        charts.put("escalation-share", shareChart(v.share(), locale));
        charts.put("solved", solvedChart(v.solved(), locale));
        charts.put("top-categories", topChart(v.top(), locale));
        charts.put("sla-met", slaChart(v.slaMet(), locale));
        return charts;
    }

    /** The usual inflow as a dashed line over the stacked bars (a stack of its own, so it is not added to them). */
    private List<Map<String, Object>> usual(List<Map<String, Object>> sets, AnalyticsSeries.Stacked s, Locale locale) {
        if (s.usual() != null) {
            Map<String, Object> usual = dataset(text("analytics.history.usual", locale), s.usual(), "#6c757d");
            usual.put("key", "usual");
            usual.put("type", "line");
            usual.put("stack", "usual");
            usual.put("fill", false);
            usual.put("spanGaps", true);
            usual.put("borderDash", List.of(6, 4));
            sets.add(usual);
        }
        return sets;
    }

    private List<Map<String, Object>> stacked(AnalyticsSeries.Stacked s, java.util.function.Function<String, String> label) {
        List<Map<String, Object>> sets = new ArrayList<>();
        int i = 0;
        for (AnalyticsSeries.Series x : s.series()) {
            Map<String, Object> set = dataset(label == null ? x.label() : label.apply(x.key()), x.values(), COLORS[i++ % COLORS.length]);
            set.put("key", x.key());
            sets.add(set);
        }
        return sets;
    }

    private String waitChart(AnalyticsSeries.Wait w, Locale locale) {
        List<String> days = w.days().stream().map(AnalyticsSeries.WaitDay::day).toList();
        List<Map<String, Object>> sets = new ArrayList<>();
        sets.add(dataset(text("analytics.dash.wait.average", locale), w.days().stream().map(AnalyticsSeries.WaitDay::averageMinutes).toList(), COLORS[0]));
        sets.add(dataset(text("analytics.dash.wait.median", locale), w.days().stream().map(AnalyticsSeries.WaitDay::medianMinutes).toList(), COLORS[1]));
        sets.add(dataset(text("analytics.dash.wait.p90", locale), w.days().stream().map(AnalyticsSeries.WaitDay::p90Minutes).toList(), COLORS[2]));
        Map<String, Object> target = dataset(text("analytics.dash.wait.target", locale),
                days.stream().map(d -> (Object) w.targetMinutes()).toList(), "#dc3545");
        target.put("borderDash", List.of(6, 4));
        sets.add(target);
        return config("line", days, sets, false, null);
    }

    private String shareChart(AnalyticsSeries.Share s, Locale locale) {
        List<String> days = s.days().stream().map(AnalyticsSeries.ShareDay::day).toList();
        List<Map<String, Object>> sets = new ArrayList<>();
        sets.add(dataset(text("analytics.dash.share.share", locale), s.days().stream().map(d -> percent(d.share())).toList(), COLORS[0]));
        Map<String, Object> usual = dataset(text("analytics.dash.share.usual", locale),
                days.stream().map(d -> percent(s.usualShare())).toList(), "#6c757d");
        usual.put("borderDash", List.of(6, 4));
        sets.add(usual);
        return config("line", days, sets, false, 100);
    }

    private String solvedChart(AnalyticsSeries.Solved s, Locale locale) {
        List<String> days = s.days().stream().map(AnalyticsSeries.SolvedDay::day).toList();
        List<Map<String, Object>> sets = new ArrayList<>();
        sets.add(dataset(text("analytics.dash.solved.solved", locale), s.days().stream().map(AnalyticsSeries.SolvedDay::solved).toList(), COLORS[1]));
        sets.add(dataset(text("analytics.dash.solved.reopened", locale), s.days().stream().map(AnalyticsSeries.SolvedDay::reopened).toList(), COLORS[2]));
        sets.add(dataset(text("analytics.dash.solved.returned", locale), s.days().stream().map(AnalyticsSeries.SolvedDay::returned).toList(), COLORS[3]));
        return config("bar", days, sets, false, null);
    }

    private String topChart(AnalyticsSeries.Top t, Locale locale) {
        List<String> labels = t.categories().stream().map(AnalyticsSeries.TopCategory::label).toList();
        List<Map<String, Object>> sets = new ArrayList<>();
        sets.add(dataset(text("analytics.dash.top.count", locale), t.categories().stream().map(AnalyticsSeries.TopCategory::count).toList(), COLORS[0]));
        sets.add(dataset(text("analytics.dash.top.previous", locale), t.categories().stream().map(AnalyticsSeries.TopCategory::previousCount).toList(), "#adb5bd"));
        return config("bar", labels, sets, false, null, true);
    }

    private String slaChart(io.linia.analytics.api.SlaMetSeries.SlaMet s, Locale locale) {
        List<Map<String, Object>> sets = new ArrayList<>();
        int i = 0;
        for (io.linia.analytics.api.SlaMetSeries.TargetSeries t : s.targets()) {
            Map<String, Object> set = dataset(text("sla.target." + t.target(), locale), t.percent(), COLORS[i++]);
            set.put("key", t.target());
            set.put("spanGaps", true);
            sets.add(set);
        }
        return config("line", s.buckets(), sets, false, 100);
    }

    public static Double percent(Double share) {
        return share == null ? null : Math.round(share * 1000.0) / 10.0;
    }

    private static Map<String, Object> dataset(String label, List<?> data, String color) {
        Map<String, Object> set = new LinkedHashMap<>();
        set.put("label", label);
        set.put("data", data);
        set.put("borderColor", color);
        set.put("backgroundColor", color);
        set.put("borderWidth", 1.5);
        set.put("pointRadius", 2);
        set.put("tension", 0.2);
        return set;
    }

    private String config(String type, List<String> labels, List<Map<String, Object>> datasets, boolean stacked, Integer max) {
        return config(type, labels, datasets, stacked, max, false);
    }

    private String config(String type, List<String> labels, List<Map<String, Object>> datasets, boolean stacked, Integer max,
                          boolean horizontal) {
        Map<String, Object> y = new LinkedHashMap<>();
        y.put("beginAtZero", true);
        y.put("stacked", stacked);
        if (max != null) {
            y.put("suggestedMax", max);
        }
        Map<String, Object> options = new LinkedHashMap<>();
        if (horizontal) {
            options.put("indexAxis", "y");
        }
        options.put("animation", false);
        options.put("responsive", true);
        options.put("maintainAspectRatio", false);
        options.put("interaction", Map.of("mode", "index", "intersect", false));
        Map<String, Object> x = Map.of("stacked", stacked, "ticks", Map.of("maxTicksLimit", 16));
        options.put("scales", horizontal ? Map.of("x", y, "y", Map.of("stacked", false)) : Map.of("x", x, "y", y));
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("type", type);
        config.put("data", Map.of("labels", labels, "datasets", datasets));
        config.put("options", options);
        try {
            return json.writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String upper(String s) {
        return blank(s) ? null : s.strip().toUpperCase(Locale.ROOT);
    }

    private static String trim(String s) {
        return blank(s) ? null : s.strip();
    }
}
