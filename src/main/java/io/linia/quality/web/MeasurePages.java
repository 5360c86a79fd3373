package io.linia.quality.web;

import io.linia.accounts.Actor;
import io.linia.accounts.Role;
import io.linia.quality.AnswerReviews;
import io.linia.quality.GroupComparison;
import io.linia.quality.GroupMeasures;
import io.linia.quality.Measure;
import io.linia.quality.MeasureScope;
import io.linia.quality.MeasureTickets;
import io.linia.quality.Measures;
import io.linia.quality.QualityMeasures;
import io.linia.quality.WeekMeasures;
import io.linia.shared.DomainException;
import io.linia.web.Refusals;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The team leads' quality measures (issue 10, item 5): tables by agent, group, line and category for a period (a
 * group filter), an agent's page with their weekly trend next to their group's, a group's page with its agents
 * compared and its trend, and from every count the tickets behind it; each table also as CSV. The period and filters
 * are the URL's query, so a view can be bookmarked; a bad one is named next to its field and nothing is computed.
 * Team leads, trainers and administrators see everything; an agent only their own page and drill-downs (403 else).
 */
@Controller
class MeasurePages {

    /** Rows a drill-down page shows; its CSV holds up to {@link #CSV_LIMIT}. */
    static final int PAGE_LIMIT = 500;
    static final int CSV_LIMIT = 100_000;

    private final QualityMeasures measures;
    private final MeasureViews views;
    private final Refusals refusals;

    MeasurePages(QualityMeasures measures, MeasureViews views, Refusals refusals) {
        this.measures = measures;
        this.views = views;
        this.refusals = refusals;
    }

    static void roles(Model model, Actor actor) {
        model.addAttribute("reviewer", AnswerReviews.isReviewer(actor));
        model.addAttribute("lead", actor.has(Role.TEAM_LEAD) || actor.has(Role.ADMIN));
        model.addAttribute("admin", actor.has(Role.ADMIN));
    }

    private static void requireReviewer(Actor actor) {
        if (!QualityMeasures.readsAll(actor)) {
            throw DomainException.forbidden("quality.error.notReviewer");
        }
    }

    // ------------------------------------------------------------------ tables by agent / group / line / category

    @GetMapping("/agent/quality/measures")
    String tables(Actor actor, @RequestParam(required = false) String by, @RequestParam(required = false) String group,
                  @RequestParam(required = false) String days, @RequestParam(required = false) String from,
                  @RequestParam(required = false) String to, Locale locale, Model model, HttpServletResponse response) {
        requireReviewer(actor);
        roles(model, actor);
        MeasureLabels labels = views.labels(locale);
        MeasurePeriod period = views.period(days, from, to);
        String scopeName = by == null || by.isBlank() ? "agent" : by.strip().toLowerCase(Locale.ROOT);
        Map<String, String> keep = new LinkedHashMap<>();
        keep.put("by", scopeName);
        keep.put("group", group);
        views.picker(model, "/agent/quality/measures", period, keep, labels);
        model.addAttribute("by", scopeName);
        Map<String, String> tabs = new LinkedHashMap<>();
        for (String b : List.of("agent", "group", "line", "category")) {
            tabs.put(b, href("/agent/quality/measures", Map.of("by", b), group, period.valid() ? period.params() : Map.of()));
        }
        model.addAttribute("tabs", tabs);
        model.addAttribute("group", group == null || group.isBlank() ? null : group.strip());
        model.addAttribute("groups", labels.groups());
        model.addAttribute("columns", MeasureColumn.ALL);
        @SuppressWarnings("unchecked")
        Map<String, String> errors = (Map<String, String>) model.getAttribute("errors");
        try {
            MeasureScope scope = QualityMeasures.scope(scopeName);
            Long groupId = groupId(group);
            if (period.valid()) {
                model.addAttribute("rows", table(actor, scope, groupId, period, labels));
                model.addAttribute("firstHeader", labels.text("quality.pages.by." + scope));
                model.addAttribute("csvHref", href("/agent/quality/measures.csv", Map.of("by", scopeName), group, period.dates()));
            }
        } catch (DomainException e) {
            if (e.field() == null || e.kind() != DomainException.Kind.INVALID_INPUT) {
                throw e;
            }
            errors.put(e.field(), refusals.explain(e));
        }
        if (!errors.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        return "quality/measures";
    }

    @GetMapping("/agent/quality/measures.csv")
    ResponseEntity<byte[]> tablesCsv(Actor actor, @RequestParam(required = false) String by,
                                     @RequestParam(required = false) String group, @RequestParam(required = false) String days,
                                     @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                     Locale locale) {
        requireReviewer(actor);
        MeasureLabels labels = views.labels(locale);
        MeasurePeriod period = valid(views.period(days, from, to));
        MeasureScope scope = QualityMeasures.scope(by == null || by.isBlank() ? "agent" : by);
        List<MeasureRow> rows = table(actor, scope, groupId(group), period, labels);
        return MeasureViews.csv("quality-" + scope.name().toLowerCase(Locale.ROOT), period,
                MeasureCsv.table(labels.text("quality.pages.by." + scope), rows, labels));
    }

    private List<MeasureRow> table(Actor actor, MeasureScope scope, Long groupId, MeasurePeriod period, MeasureLabels labels) {
        List<Measures> all = measures.all(actor, scope, groupId, period.start(), period.end());
        return MeasureViews.rows(all, m -> labels.of(scope, m.key()), m -> pageOf(scope, m.key(), period), groupId, period);
    }

    /** The page of a table's row: an agent's or a group's (lines and categories have none). */
    private static String pageOf(MeasureScope scope, String key, MeasurePeriod period) {
        if (scope != MeasureScope.AGENT && scope != MeasureScope.GROUP) {
            return null;
        }
        org.springframework.web.util.UriComponentsBuilder b = org.springframework.web.util.UriComponentsBuilder
                .fromPath("/agent/quality/measures/" + scope.name().toLowerCase(Locale.ROOT) + "/{key}");
        period.params().forEach(b::queryParam);
        return b.buildAndExpand(key).encode().toUriString();
    }

    // ------------------------------------------------------------------ one agent: trend next to the group's

    @GetMapping("/agent/quality/measures/agent/{id}")
    String agent(Actor actor, @PathVariable String id, @RequestParam(required = false) String group,
                 @RequestParam(required = false) String days, @RequestParam(required = false) String from,
                 @RequestParam(required = false) String to, Locale locale, Model model, HttpServletResponse response) {
        long agentId = id(id, "id");
        if (!QualityMeasures.readsAll(actor) && agentId != actor.id()) {
            throw DomainException.forbidden("quality.error.notReviewer");
        }
        roles(model, actor);
        MeasureLabels labels = views.labels(locale);
        MeasurePeriod period = views.period(days, from, to);
        Map<String, String> keep = new LinkedHashMap<>();
        keep.put("group", group);
        views.picker(model, "/agent/quality/measures/agent/" + agentId, period, keep, labels);
        model.addAttribute("agentId", agentId);
        model.addAttribute("agentName", labels.agent(agentId));
        model.addAttribute("groups", labels.groups());
        model.addAttribute("group", group == null || group.isBlank() ? null : group.strip());
        model.addAttribute("columns", MeasureColumn.ALL);
        @SuppressWarnings("unchecked")
        Map<String, String> errors = (Map<String, String>) model.getAttribute("errors");
        try {
            Long groupId = groupId(group);
            if (period.valid()) {
                GroupComparison c = measures.compare(actor, agentId, groupId, period.start(), period.end());
                views.comparison(model, c, labels, period, QualityMeasures.readsAll(actor));
                model.addAttribute("trendCsv", href("/agent/quality/measures/agent/" + agentId + "/trend.csv", Map.of(), group, period.dates()));
                model.addAttribute("tableCsv", href("/agent/quality/measures/agent/" + agentId + "/table.csv", Map.of(), group, period.dates()));
            }
        } catch (DomainException e) {
            if (e.field() == null || e.kind() != DomainException.Kind.INVALID_INPUT) {
                throw e;
            }
            errors.put(e.field(), refusals.explain(e));
        }
        if (!errors.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        return "quality/measures-agent";
    }

    /** The agent's row and their group's, for the period's table. */
    static List<MeasureRow> comparisonRows(GroupComparison c, MeasureLabels labels, MeasurePeriod period, boolean groupDrills) {
        return List.of(new MeasureRow(labels.agent(c.agentId()), null, c.agent(), null, period.dates(), true),
                new MeasureRow(labels.group(c.groupId()), null, c.group(), null, period.dates(), groupDrills));
    }

    @GetMapping("/agent/quality/measures/agent/{id}/trend.csv")
    ResponseEntity<byte[]> agentTrendCsv(Actor actor, @PathVariable String id, @RequestParam(required = false) String group,
                                         @RequestParam(required = false) String days, @RequestParam(required = false) String from,
                                         @RequestParam(required = false) String to, Locale locale) {
        MeasureLabels labels = views.labels(locale);
        MeasurePeriod period = valid(views.period(days, from, to));
        GroupComparison c = measures.compare(actor, id(id, "id"), groupId(group), period.start(), period.end());
        return MeasureViews.csv("quality-agent-" + c.agentId() + "-trend", period, MeasureCsv.trend(TrendCharts.METRICS,
                List.of(labels.agent(c.agentId()), labels.group(c.groupId())), List.of(c.agentWeeks(), c.groupWeeks()), labels));
    }

    @GetMapping("/agent/quality/measures/agent/{id}/table.csv")
    ResponseEntity<byte[]> agentTableCsv(Actor actor, @PathVariable String id, @RequestParam(required = false) String group,
                                         @RequestParam(required = false) String days, @RequestParam(required = false) String from,
                                         @RequestParam(required = false) String to, Locale locale) {
        MeasureLabels labels = views.labels(locale);
        MeasurePeriod period = valid(views.period(days, from, to));
        GroupComparison c = measures.compare(actor, id(id, "id"), groupId(group), period.start(), period.end());
        return MeasureViews.csv("quality-agent-" + c.agentId(), period,
                MeasureCsv.table(labels.text("quality.pages.whose"), comparisonRows(c, labels, period, true), labels));
    }

    // ------------------------------------------------------------------ one group: its agents and trend

    @GetMapping("/agent/quality/measures/group/{id}")
    String group(Actor actor, @PathVariable String id, @RequestParam(required = false) String days,
                 @RequestParam(required = false) String from, @RequestParam(required = false) String to, Locale locale,
                 Model model, HttpServletResponse response) {
        requireReviewer(actor);
        long groupId = id(id, "id");
        roles(model, actor);
        MeasureLabels labels = views.labels(locale);
        MeasurePeriod period = views.period(days, from, to);
        views.picker(model, "/agent/quality/measures/group/" + groupId, period, Map.of(), labels);
        model.addAttribute("groupId", groupId);
        model.addAttribute("groupName", labels.group(groupId));
        model.addAttribute("columns", MeasureColumn.ALL);
        @SuppressWarnings("unchecked")
        Map<String, String> errors = (Map<String, String>) model.getAttribute("errors");
        try {
            if (period.valid()) {
                GroupMeasures both = measures.group(actor, groupId, period.start(), period.end());
                Measures total = both.total();
                model.addAttribute("total", List.of(new MeasureRow(labels.group(groupId), null, total, null, period.dates())));
                model.addAttribute("rows", agentRows(both.agents(), groupId, period, labels));
                List<WeekMeasures> weeks = both.weeks();
                java.util.ArrayList<Long> none = new java.util.ArrayList<>();
                none.add(null);
                views.trend(model, List.of(labels.group(groupId)), List.of(weeks), none, period, true);
                model.addAttribute("base", "/agent/quality/measures/group/" + groupId);
            }
        } catch (DomainException e) {
            if (e.field() == null || e.kind() != DomainException.Kind.INVALID_INPUT) {
                throw e;
            }
            errors.put(e.field(), refusals.explain(e));
        }
        if (!errors.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        return "quality/measures-group";
    }

    private List<MeasureRow> groupAgents(Actor actor, long groupId, MeasurePeriod period, MeasureLabels labels) {
        return agentRows(measures.all(actor, MeasureScope.AGENT, groupId, period.start(), period.end()), groupId, period, labels);
    }

    private List<MeasureRow> agentRows(List<Measures> all, long groupId, MeasurePeriod period, MeasureLabels labels) {
        return MeasureViews.rows(all, m -> labels.agent(Long.parseLong(m.key())),
                m -> pageOf(MeasureScope.AGENT, m.key(), period), groupId, period);
    }

    @GetMapping("/agent/quality/measures/group/{id}/agents.csv")
    ResponseEntity<byte[]> groupAgentsCsv(Actor actor, @PathVariable String id, @RequestParam(required = false) String days,
                                          @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                          Locale locale) {
        requireReviewer(actor);
        long groupId = id(id, "id");
        MeasureLabels labels = views.labels(locale);
        MeasurePeriod period = valid(views.period(days, from, to));
        return MeasureViews.csv("quality-group-" + groupId + "-agents", period,
                MeasureCsv.table(labels.text("quality.pages.by.AGENT"), groupAgents(actor, groupId, period, labels), labels));
    }

    @GetMapping("/agent/quality/measures/group/{id}/trend.csv")
    ResponseEntity<byte[]> groupTrendCsv(Actor actor, @PathVariable String id, @RequestParam(required = false) String days,
                                         @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                         Locale locale) {
        requireReviewer(actor);
        long groupId = id(id, "id");
        MeasureLabels labels = views.labels(locale);
        MeasurePeriod period = valid(views.period(days, from, to));
        List<WeekMeasures> weeks = measures.trend(actor, MeasureScope.GROUP, String.valueOf(groupId), period.start(), period.end());
        return MeasureViews.csv("quality-group-" + groupId + "-trend", period,
                MeasureCsv.trend(TrendCharts.METRICS, List.of(labels.group(groupId)), List.of(weeks), labels));
    }

    // ------------------------------------------------------------------ drill-down: the tickets behind a number

    @GetMapping("/agent/quality/measures/{by}/{key}/tickets")
    String tickets(Actor actor, @PathVariable String by, @PathVariable String key, @RequestParam(required = false) String measure,
                   @RequestParam(required = false) String group, @RequestParam(required = false) String days,
                   @RequestParam(required = false) String from, @RequestParam(required = false) String to, Locale locale,
                   Model model, HttpServletResponse response) {
        MeasureScope scope = QualityMeasures.scope(by);
        if (!QualityMeasures.readsAll(actor) && (scope != MeasureScope.AGENT || !String.valueOf(actor.id()).equals(key.strip()))) {
            throw DomainException.forbidden("quality.error.notReviewer");
        }
        roles(model, actor);
        MeasureLabels labels = views.labels(locale);
        MeasurePeriod period = views.period(days, from, to);
        Map<String, String> keep = new LinkedHashMap<>();
        keep.put("measure", measure);
        keep.put("group", group);
        String path = "/agent/quality/measures/" + scope.name().toLowerCase(Locale.ROOT) + "/" + key + "/tickets";
        views.picker(model, path, period, keep, labels);
        model.addAttribute("labels", labels);
        model.addAttribute("headers", TicketColumns.HEADERS);
        @SuppressWarnings("unchecked")
        Map<String, String> errors = (Map<String, String>) model.getAttribute("errors");
        try {
            Measure m = measure(measure);
            Long groupId = groupId(group);
            if (period.valid()) {
                MeasureTickets t = measures.tickets(actor, scope, key, groupId, period.start(), period.end(), m, PAGE_LIMIT);
                model.addAttribute("t", t);
                model.addAttribute("whose", labels.of(scope, t.key()));
                model.addAttribute("within", groupId == null ? null : labels.group(groupId));
                model.addAttribute("csvHref", href(path + ".csv", Map.of("measure", m.slug()), group, period.dates()));
            }
        } catch (DomainException e) {
            if (e.field() == null || e.kind() != DomainException.Kind.INVALID_INPUT) {
                throw e;
            }
            errors.put(e.field(), refusals.explain(e));
        }
        if (!errors.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        return "quality/measure-tickets";
    }

    @GetMapping("/agent/quality/measures/{by}/{key}/tickets.csv")
    ResponseEntity<byte[]> ticketsCsv(Actor actor, @PathVariable String by, @PathVariable String key,
                                      @RequestParam(required = false) String measure, @RequestParam(required = false) String group,
                                      @RequestParam(required = false) String days, @RequestParam(required = false) String from,
                                      @RequestParam(required = false) String to, Locale locale) {
        MeasureScope scope = QualityMeasures.scope(by);
        MeasureLabels labels = views.labels(locale);
        MeasurePeriod period = valid(views.period(days, from, to));
        MeasureTickets t = measures.tickets(actor, scope, key, groupId(group), period.start(), period.end(), measure(measure), CSV_LIMIT);
        return MeasureViews.csv("quality-" + scope.name().toLowerCase(Locale.ROOT) + "-" + t.key() + "-" + t.measure().slug(), period,
                MeasureCsv.tickets(t, labels, views.zone()));
    }

    // ------------------------------------------------------------------ parameters

    /** A link with these parameters, then the group (when given), then the period's. */
    static String href(String path, Map<String, String> first, String group, Map<String, String> period) {
        org.springframework.web.util.UriComponentsBuilder b = org.springframework.web.util.UriComponentsBuilder.fromPath(path);
        first.forEach(b::queryParam);
        if (group != null && !group.isBlank()) {
            b.queryParam("group", group.strip());
        }
        period.forEach(b::queryParam);
        return b.build().encode().toUriString();
    }

    /** A period for a CSV: a bad one is refused (400, naming the field) as the API does. */
    private static MeasurePeriod valid(MeasurePeriod period) {
        if (!period.valid()) {
            Map.Entry<String, String> e = period.errors().entrySet().iterator().next();
            throw DomainException.invalid(e.getKey(), e.getValue(), MeasurePeriod.MAX_DAYS);
        }
        return period;
    }

    static Measure measure(String value) {
        if (value == null || value.isBlank()) {
            throw DomainException.invalid("measure", "linia.validation.required");
        }
        Measure m = Measure.parse(value);
        if (m == null) {
            throw DomainException.invalid("measure", "quality.pages.error.measure");
        }
        return m;
    }

    static Long groupId(String group) {
        if (group == null || group.isBlank()) {
            return null;
        }
        return id(group, "group");
    }

    static long id(String value, String field) {
        try {
            long id = Long.parseLong(value.strip());
            if (id >= 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // named below
        }
        throw DomainException.invalid(field, "quality.measures.error.id");
    }
}
