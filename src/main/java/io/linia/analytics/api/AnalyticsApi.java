package io.linia.analytics.api;

import io.linia.shared.DomainException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Locale;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The series the analytics dashboards chart, from the rollups. Every series takes the desk's days {@code from} and
 * {@code to} (ISO dates, both included, in the default business calendar's zone) and the filters {@code channel},
 * {@code line}, {@code groupId}, {@code categoryId}; a bad value answers 400 naming the parameter. Staff read them.
 */
@RestController
@RequestMapping("/api/v1/analytics")
@Tag(name = "Analytics", description = "Inflow, backlog, first-line wait, share passed to the second line, solved, top categories")
class AnalyticsApi {

    private final AnalyticsSeries series;
    private final SeriesParameters parameters;
    private final SlaMetSeries slaMet;

    AnalyticsApi(AnalyticsSeries series, SeriesParameters parameters, SlaMetSeries slaMet) {
        this.slaMet = slaMet;
        this.series = series;
        this.parameters = parameters;
    }

    @GetMapping("/inflow")
    @Operation(summary = "Tickets arriving per hour, day or week, stacked by channel or category",
            description = "Counts created tickets; with line=SECOND or a groupId, the tickets passed to the second line instead. "
                    + "For HOUR and DAY, `usual` gives each step's usual total: the median of the same wall-clock hour of the week "
                    + "(the same weekday for days) over the weeks looked back (linia.analytics.alerts.weeks), counted from Linia's "
                    + "own tickets and, before them, from imported arrival history; null where no week had history. For WEEK, "
                    + "`usual` is null.")
    @ApiResponse(responseCode = "400", description = "A parameter is missing or unreadable (named in the problem)")
    AnalyticsSeries.Stacked inflow(@Parameter(description = "First day (ISO date)", example = "2026-11-01") @RequestParam(required = false) String from,
                                   @Parameter(description = "Last day, included", example = "2026-11-07") @RequestParam(required = false) String to,
                                   @Parameter(description = "HOUR, DAY or WEEK") @RequestParam(defaultValue = "DAY") String interval,
                                   @Parameter(description = "channel or category") @RequestParam(defaultValue = "channel") String by,
                                   @RequestParam(required = false) String channel, @RequestParam(required = false) String line,
                                   @RequestParam(required = false) String groupId, @RequestParam(required = false) String categoryId,
                                   Locale locale) {
        Interval step = interval(interval);
        SeriesQuery q = query(from, to, channel, line, groupId, categoryId, step);
        return series.inflow(q, step, choice("by", by, Set.of("channel", "category")), locale);
    }

    @GetMapping("/backlog")
    @Operation(summary = "Tickets open at the end of each hour or day, per line or per second-line group")
    @ApiResponse(responseCode = "400", description = "A parameter is missing or unreadable (named in the problem)")
    AnalyticsSeries.Stacked backlog(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                    @Parameter(description = "HOUR or DAY") @RequestParam(defaultValue = "DAY") String interval,
                                    @Parameter(description = "line or group") @RequestParam(defaultValue = "line") String by,
                                    @RequestParam(required = false) String channel, @RequestParam(required = false) String line,
                                    @RequestParam(required = false) String groupId, @RequestParam(required = false) String categoryId,
                                    Locale locale) {
        Interval step = interval(interval);
        if (step == Interval.WEEK) {
            throw DomainException.invalid("interval", "analytics.api.interval");
        }
        SeriesQuery q = query(from, to, channel, line, groupId, categoryId, step);
        return series.backlog(q, step, choice("by", by, Set.of("line", "group")), locale);
    }

    @GetMapping("/first-line-wait")
    @Operation(summary = "First-line wait per day of creation: average, median, 90th percentile (minutes) against the target",
            description = "Creation to the first answer, question, reply, solve, close or pass to the second line. Median and "
                    + "p90 are read from a histogram of minute buckets (0, 5, 10 … 60, 75, 90, 120 … 2880) and interpolated.")
    @ApiResponse(responseCode = "400", description = "A parameter is missing or unreadable (named in the problem)")
    AnalyticsSeries.Wait firstLineWait(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                       @RequestParam(required = false) String channel, @RequestParam(required = false) String line,
                                       @RequestParam(required = false) String groupId, @RequestParam(required = false) String categoryId) {
        return series.firstLineWait(query(from, to, channel, line, groupId, categoryId, Interval.DAY));
    }

    @GetMapping("/escalation-share")
    @Operation(summary = "Share of tickets passed to the second line per day, and its usual level (the 28 days before)")
    @ApiResponse(responseCode = "400", description = "A parameter is missing or unreadable (named in the problem)")
    AnalyticsSeries.Share escalationShare(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                          @RequestParam(required = false) String channel, @RequestParam(required = false) String line,
                                          @RequestParam(required = false) String groupId, @RequestParam(required = false) String categoryId) {
        return series.escalationShare(query(from, to, channel, line, groupId, categoryId, Interval.DAY));
    }

    @GetMapping("/solved")
    @Operation(summary = "Tickets solved, reopened and returned to the first line per day")
    @ApiResponse(responseCode = "400", description = "A parameter is missing or unreadable (named in the problem)")
    AnalyticsSeries.Solved solved(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                  @RequestParam(required = false) String channel, @RequestParam(required = false) String line,
                                  @RequestParam(required = false) String groupId, @RequestParam(required = false) String categoryId) {
        return series.solved(query(from, to, channel, line, groupId, categoryId, Interval.DAY));
    }

    @GetMapping("/top-categories")
    @Operation(summary = "Categories with most tickets, and their change against the same number of days before")
    @ApiResponse(responseCode = "400", description = "A parameter is missing or unreadable (named in the problem)")
    AnalyticsSeries.Top topCategories(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                      @Parameter(description = "1–100") @RequestParam(defaultValue = "10") String limit,
                                      @RequestParam(required = false) String channel, @RequestParam(required = false) String line,
                                      @RequestParam(required = false) String groupId, @RequestParam(required = false) String categoryId,
                                      Locale locale) {
        int n;
        try {
            n = Integer.parseInt(limit.strip());
        } catch (NumberFormatException e) {
            throw DomainException.invalid("limit", "analytics.api.limit");
        }
        if (n < 1 || n > 100) {
            throw DomainException.invalid("limit", "analytics.api.limit");
        }
        return series.topCategories(query(from, to, channel, line, groupId, categoryId, Interval.DAY), n, locale);
    }

    @GetMapping("/sla-met")
    @Operation(summary = "SLA met % per target (FIRST_RESPONSE, NEXT_RESPONSE, RESOLUTION) per hour, day or week",
            description = "Each target counts in the step it ended in (reached, or its stint in a queue over), met unless breached. "
                    + "Filters: line and groupId (where the stint was); channel and category do not apply.")
    @ApiResponse(responseCode = "400", description = "A parameter is missing or unreadable (named in the problem)")
    SlaMetSeries.SlaMet slaMet(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                               @Parameter(description = "HOUR, DAY or WEEK") @RequestParam(defaultValue = "DAY") String interval,
                               @RequestParam(required = false) String line, @RequestParam(required = false) String groupId) {
        Interval step = interval(interval);
        return slaMet.series(query(from, to, null, line, groupId, null, step), step);
    }

    // ------------------------------------------------------------------ parameters

    private SeriesQuery query(String from, String to, String channel, String line, String groupId, String categoryId,
                              Interval interval) {
        return parameters.query(from, to, channel, line, groupId, categoryId, interval);
    }

    private static Interval interval(String value) {
        return SeriesParameters.interval(value);
    }

    private static String choice(String name, String value, Set<String> allowed) {
        return SeriesParameters.choice(name, value, allowed);
    }
}
