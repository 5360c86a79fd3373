package io.linia.quality.api;

import io.linia.accounts.Actor;
import io.linia.quality.Measure;
import io.linia.quality.MeasureScope;
import io.linia.quality.MeasureTickets;
import io.linia.quality.Measures;
import io.linia.quality.QualityMeasures;
import io.linia.quality.WeekMeasures;
import io.linia.shared.DomainException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The derived quality measures over the API: per agent, group, line or category for a period, and one key's weekly
 * trend. Team leads and trainers read everything; other staff only their own agent measures (403 otherwise). Bad
 * parameters answer 400 with a problem detail naming the field ({@code by}, {@code id}, {@code from}, {@code to}).
 */
@RestController
@RequestMapping("/api/v1/quality/measures")
@Tag(name = "Quality")
class MeasuresApi {

    private final QualityMeasures measures;

    MeasuresApi(QualityMeasures measures) {
        this.measures = measures;
    }

    /** The answer of {@code GET /measures}: the rows of one key (id given) or of every key with figures in the period. */
    record MeasureTable(MeasureScope by, Instant from, Instant to, List<Measures> rows) {
    }

    @GetMapping
    @Operation(summary = "Quality measures by=agent|group|line|category over [from, to) (ISO instants), of one id "
            + "(user, group or category id; FIRST/SECOND for a line) or of all",
            description = "Handled, median and p90 handling and first-response times (ms), SLA met %, L1 escalation rate "
                    + "against its usual level (flag TOO_FEW / WITHIN / TOO_MANY / NOT_ENOUGH_DATA), escalations corrected "
                    + "by the second line, reopen and repeat-contact rates, CSAT average and response rate, review score, "
                    + "trainer corrections. Team leads and trainers: any; other staff: by=agent, their own (the default).")
    MeasureTable measures(Actor actor, @RequestParam(required = false) String by, @RequestParam(required = false) String id,
                          @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        MeasureScope scope = QualityMeasures.scope(by);
        Instant a = instant("from", from);
        Instant b = instant("to", to);
        if (id == null && scope == MeasureScope.AGENT && !QualityMeasures.readsAll(actor)) {
            id = String.valueOf(actor.id());
        }
        List<Measures> rows = id == null ? measures.all(actor, scope, a, b) : List.of(measures.of(actor, scope, id, a, b));
        return new MeasureTable(scope, a, b, rows);
    }

    @GetMapping("/trend")
    @Operation(summary = "One agent's, group's, line's or category's measures week by week (Monday 00:00 in "
            + "linia.quality.zone) over [from, to), each week cut to the period; at most 106 weeks")
    List<WeekMeasures> trend(Actor actor, @RequestParam(required = false) String by, @RequestParam(required = false) String id,
                             @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        MeasureScope scope = QualityMeasures.scope(by);
        Instant a = instant("from", from);
        Instant b = instant("to", to);
        if (id == null && scope == MeasureScope.AGENT && !QualityMeasures.readsAll(actor)) {
            id = String.valueOf(actor.id());
        }
        return measures.trend(actor, scope, id, a, b);
    }

    @GetMapping("/tickets")
    @Operation(summary = "The tickets behind one count of the measures: the facts of by=agent|group|line|category id "
            + "(optionally within one group) in [from, to) that count in measure, in time order, each with its ticket",
            description = "measure: handled, first-responses, sla-targets, sla-met, sla-missed, first-line-handled, escalated, "
                    + "escalations-corrected, resolved, reopened, repeated, rating-requests, ratings-five, ratings-two, reviews, "
                    + "trainer-corrections. total is the number as the measures give it (the rows' counts summed); rows are the "
                    + "first limit (1–100000, default 1000), truncated says more exist. Team leads and trainers: any; other "
                    + "staff: their own agent id.")
    MeasureTickets tickets(Actor actor, @RequestParam(required = false) String by, @RequestParam(required = false) String id,
                           @RequestParam(required = false) String measure, @RequestParam(required = false) String group,
                           @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                           @RequestParam(required = false) String limit) {
        MeasureScope scope = QualityMeasures.scope(by);
        Instant a = instant("from", from);
        Instant b = instant("to", to);
        if (id == null && scope == MeasureScope.AGENT && !QualityMeasures.readsAll(actor)) {
            id = String.valueOf(actor.id());
        }
        if (measure == null || measure.isBlank()) {
            throw DomainException.invalid("measure", "linia.validation.required");
        }
        Measure m = Measure.parse(measure);
        if (m == null) {
            throw DomainException.invalid("measure", "quality.pages.error.measure");
        }
        Long groupId = null;
        if (group != null && !group.isBlank()) {
            try {
                groupId = Long.parseLong(group.strip());
            } catch (NumberFormatException e) {
                throw DomainException.invalid("group", "quality.measures.error.id");
            }
        }
        int rows = 1000;
        if (limit != null && !limit.isBlank()) {
            try {
                rows = Integer.parseInt(limit.strip());
            } catch (NumberFormatException e) {
                throw DomainException.invalid("limit", "quality.pages.error.limit");
            }
        }
        return measures.tickets(actor, scope, id, groupId, a, b, m, rows);
    }

    private static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            throw DomainException.invalid(field, "linia.validation.required");
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw DomainException.invalid(field, "quality.measures.error.instant");
        }
    }
}
