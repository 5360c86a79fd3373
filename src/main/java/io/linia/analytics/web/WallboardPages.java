package io.linia.analytics.web;

import io.linia.analytics.api.AnalyticsSeries;
import io.linia.analytics.api.Interval;
import io.linia.analytics.api.SeriesParameters;
import io.linia.analytics.api.SeriesQuery;
import io.linia.routing.GroupRef;
import io.linia.routing.RoutingDirectory;
import io.linia.tickets.TicketService;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The wall-board: a page for a screen in the support room, a few big numbers of today and now, no navigation. It
 * refreshes itself by htmx polling its figures every 30 seconds ({@link #REFRESH_SECONDS}): a plain GET that works
 * through any proxy and needs no open connection per screen (SSE would hold one per screen for numbers that change
 * by the minute).
 */
@Controller
class WallboardPages {

    static final int REFRESH_SECONDS = 30;

    /** One second-line group's open tickets now (new, open or waiting for the customer, as the dashboard's backlog). */
    record GroupBacklog(long groupId, String name, long open) {
    }

    record Figures(Instant at, LocalDate today, long waitingFirstLine, long targetMinutes, Double waitAverage, Double waitMedian,
                   long waitCount, long created, long escalated, Double escalatedShare, Double usualShare, long solved,
                   List<GroupBacklog> backlog, List<io.linia.analytics.alert.SpikeAlertView> alerts) {

        /** Whether today's average first-line wait is over the target. */
        public boolean waitOverTarget() {
            return waitAverage != null && waitAverage > targetMinutes;
        }

        public boolean shareOverUsual() {
            return escalatedShare != null && usualShare != null && escalatedShare > usualShare;
        }
    }

    private final AnalyticsSeries series;
    private final SeriesParameters parameters;
    private final TicketService tickets;
    private final RoutingDirectory routing;
    private final Clock clock;
    private final io.linia.analytics.alert.SpikeAlerts alerts;

    WallboardPages(AnalyticsSeries series, SeriesParameters parameters, TicketService tickets, RoutingDirectory routing, Clock clock,
                   io.linia.analytics.alert.SpikeAlerts alerts) {
        this.alerts = alerts;
        this.series = series;
        this.parameters = parameters;
        this.tickets = tickets;
        this.routing = routing;
        this.clock = clock;
    }

    @GetMapping("/agent/analytics/wallboard")
    String wallboard(Locale locale, Model model) {
        model.addAttribute("f", figures(locale));
        model.addAttribute("refresh", REFRESH_SECONDS);
        return "analytics/wallboard";
    }

    @GetMapping("/agent/analytics/wallboard/figures")
    String figuresFragment(Locale locale, Model model) {
        model.addAttribute("f", figures(locale));
        model.addAttribute("refresh", REFRESH_SECONDS);
        return "analytics/wallboard :: figures";
    }

    Figures figures(Locale locale) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, parameters.zone());
        SeriesQuery q = parameters.query(today.toString(), today.toString(), null, null, null, null, Interval.DAY);
        AnalyticsSeries.Wait wait = series.firstLineWait(q);
        AnalyticsSeries.Share share = series.escalationShare(q);
        AnalyticsSeries.Solved solved = series.solved(q);
        AnalyticsSeries.Stacked backlog = series.backlog(q, Interval.DAY, "group", locale);
        List<GroupBacklog> groups = new ArrayList<>();
        for (GroupRef g : routing.activeGroups()) {
            long open = DashboardView.values(backlog, String.valueOf(g.id())).stream().reduce((a, b) -> b).orElse(0L);
            groups.add(new GroupBacklog(g.id(), g.name(locale), open));
        }
        AnalyticsSeries.ShareDay day = share.days().get(0);
        return new Figures(now, today, tickets.queueSizes().firstLine(), wait.targetMinutes(), wait.overall().averageMinutes(),
                wait.overall().medianMinutes(), wait.overall().count(), day.created(), day.escalated(), day.share(),
                share.usualShare(), solved.solved(), groups, alerts.open(locale));
    }
}
