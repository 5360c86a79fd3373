package io.linia.quality;

import java.util.Locale;

/**
 * A count among the {@link Measures} that a drill-down lists the tickets of: each names the facts that count in it
 * (the condition on {@code quality_fact}) and how much one fact adds to it, so the listed facts' contributions sum to
 * the number in the table.
 */
public enum Measure {
    /** Handlings (also behind the handling-time median and p90). */
    HANDLED("handled > 0", "handled"),
    /** First responses (also behind their median and p90). */
    FIRST_RESPONSES("first_response_ms is not null", "1"),
    SLA_TARGETS("sla_total > 0", "sla_total"),
    SLA_MET("sla_met > 0", "sla_met"),
    /** SLA targets ended and not met. */
    SLA_MISSED("sla_total > sla_met", "sla_total - sla_met"),
    FIRST_LINE_HANDLED("l1_handled > 0", "l1_handled"),
    ESCALATED("escalated > 0", "escalated"),
    ESCALATIONS_CORRECTED("escalation_corrected > 0", "escalation_corrected"),
    RESOLVED("resolved > 0", "resolved"),
    REOPENED("reopened > 0", "reopened"),
    REPEATED("repeated > 0", "repeated"),
    RATING_REQUESTS("rating_requests > 0", "rating_requests"),
    RATINGS_FIVE("ratings_five > 0", "ratings_five"),
    RATINGS_TWO("ratings_two > 0", "ratings_two"),
    REVIEWS("reviews > 0", "reviews"),
    TRAINER_CORRECTIONS("trainer_corrections > 0", "trainer_corrections");

    private final String condition;
    private final String contribution;

    Measure(String condition, String contribution) {
        this.condition = condition;
        this.contribution = contribution;
    }

    /** The SQL condition on {@code quality_fact} that picks the facts counting in this number (fixed text, no input). */
    public String condition() {
        return condition;
    }

    /** The SQL expression of what one fact adds to the number. */
    public String contribution() {
        return contribution;
    }

    /** The name as URLs and the API give it: {@code handled}, {@code sla-met}, ... */
    public String slug() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Parses {@link #slug()} or the constant's name, any case; null when it is none. */
    public static Measure parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String name = value.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        for (Measure m : values()) {
            if (m.name().equals(name)) {
                return m;
            }
        }
        return null;
    }
}
