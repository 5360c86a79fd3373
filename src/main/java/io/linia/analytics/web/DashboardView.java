package io.linia.analytics.web;

import io.linia.analytics.api.AnalyticsSeries;
import io.linia.analytics.api.Interval;
import io.linia.analytics.api.SeriesQuery;
import io.linia.tickets.Line;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What the dashboard shows for one query: the series (as the API answers them) and the links from each number to the
 * tickets behind it in the agent's ticket list ({@code /agent/tickets} with its drill-down filters).
 */
public record DashboardView(SeriesQuery query, Interval interval, Interval backlogInterval, AnalyticsSeries.Stacked inflowByChannel,
                            AnalyticsSeries.Stacked inflowByCategory, AnalyticsSeries.Stacked backlogByLine,
                            AnalyticsSeries.Stacked backlogByGroup, AnalyticsSeries.Wait firstLineWait, AnalyticsSeries.Share share,
                            AnalyticsSeries.Solved solved, AnalyticsSeries.Top top,
                            io.linia.analytics.api.SlaMetSeries.SlaMet slaMet) {

    /**
     * The tickets counted in an inflow cell: created in the step (or passed to the second line when the series counts
     * that), of the series' channel or category and the page's filters.
     *
     * @param by  {@code channel} or {@code category}: what {@code key} is (null: the step's total)
     */
    /** A step's usual inflow as the table shows it ({@code 2.5}, {@code 3}; a dash where no week had history). */
    public static String usual(AnalyticsSeries.Stacked s, int index) {
        Double v = s.usual() == null ? null : s.usual().get(index);
        return v == null ? "—" : java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    public String inflowLink(AnalyticsSeries.Stacked s, String bucket, String by, String key) {
        Instant[] range = range(bucket, s.interval());
        boolean escalated = "escalated".equals(s.measure());
        UriComponentsBuilder b = base(escalated ? "escalated" : "created", range);
        filters(b, escalated);
        if (key != null && "channel".equals(by)) {
            b.replaceQueryParam("channel", key);
        }
        if (key != null && "category".equals(by)) {
            b.replaceQueryParam("category", key);
        }
        return b.build().encode().toUriString();
    }

    /** Tickets created on a day (the escalation share's base) and passed to the second line on it. */
    public String dayLink(String day, String what) {
        Instant[] range = range(day, Interval.DAY);
        UriComponentsBuilder b = base(what, range);
        filters(b, !"created".equals(what));
        return b.build().encode().toUriString();
    }

    /** A top category's tickets in the period, or in the period before ({@code previous}). */
    public String categoryLink(long categoryId, boolean previous) {
        SeriesQuery q = previous ? query.previous() : query;
        boolean escalated = "escalated".equals(top.measure());
        UriComponentsBuilder b = base(escalated ? "escalated" : "created", new Instant[] {q.start(), q.end()});
        filters(b, escalated);
        b.replaceQueryParam("category", categoryId);
        return b.build().encode().toUriString();
    }

    /** The whole period's tickets (created, solved or escalated). */
    public String periodLink(String what) {
        UriComponentsBuilder b = base(what, new Instant[] {query.start(), query.end()});
        filters(b, !"created".equals(what));
        return b.build().encode().toUriString();
    }

    /**
     * The targets behind an SLA met % cell: those of {@code target} that ended in the step (only the missed ones when
     * {@code met} is false), of the page's line and group, listed by analytics (the ticket list knows nothing of SLA).
     */
    public String slaLink(String bucket, String target, Boolean met) {
        Instant[] range = range(bucket, slaMet.interval());
        UriComponentsBuilder b = UriComponentsBuilder.fromPath("/agent/analytics/sla-met/tickets")
                .queryParam("start", range[0]).queryParam("end", range[1]).queryParam("target", target);
        if (met != null) {
            b.queryParam("met", met);
        }
        if (query.line() != null) {
            b.queryParam("line", query.line().name());
        }
        if (query.groupId() != null) {
            b.queryParam("groupId", query.groupId());
        }
        return b.build().encode().toUriString();
    }

    private UriComponentsBuilder base(String what, Instant[] range) {
        return UriComponentsBuilder.fromPath("/agent/tickets").queryParam(what + "From", range[0]).queryParam(what + "To", range[1]);
    }

    /**
     * The page's filters the list can apply: channel and category always (the rollups count a ticket under its
     * channel and category now, as the list does); line and group only for solves and passes to the second line
     * (every created ticket starts on the first line, so they would wrongly narrow the created ones).
     */
    private void filters(UriComponentsBuilder b, boolean placed) {
        if (query.channel() != null) {
            b.queryParam("channel", query.channel().name());
        }
        if (query.categoryId() != null) {
            b.queryParam("category", query.categoryId());
        }
        if (placed && query.line() != null && query.groupId() == null) {
            b.queryParam("line", query.line().name());
        }
        if (placed && query.groupId() != null) {
            b.queryParam("line", Line.SECOND.name()).queryParam("group", query.groupId());
        }
    }

    /** The instants a step covers, clipped to the query's days (a week may begin before them). */
    Instant[] range(String bucket, Interval step) {
        ZoneId zone = query.zone();
        Instant start;
        Instant end;
        if (step == Interval.HOUR) {
            start = LocalDateTime.parse(bucket).atZone(zone).toInstant();
            end = start.plusSeconds(3600);
        } else {
            LocalDate day = LocalDate.parse(bucket);
            start = day.atStartOfDay(zone).toInstant();
            end = (step == Interval.WEEK ? day.plusWeeks(1) : day.plusDays(1)).atStartOfDay(zone).toInstant();
        }
        if (start.isBefore(query.start())) {
            start = query.start();
        }
        if (end.isAfter(query.end())) {
            end = query.end();
        }
        return new Instant[] {start, end};
    }

    /** The values of a series by key, or zeros. */
    public static List<Long> values(AnalyticsSeries.Stacked s, String key) {
        return s.series().stream().filter(x -> x.key().equals(key)).findFirst().map(AnalyticsSeries.Series::values)
                .orElse(s.totals().stream().map(v -> 0L).toList());
    }
}
