package io.linia.quality.web;

import io.linia.quality.MeasureTickets;
import java.util.ArrayList;
import java.util.List;

/** The drill-down list's columns (page and CSV) and the texts of a fact's outcome and rating. */
public final class TicketColumns {

    static final List<String> HEADERS = List.of("quality.pages.t.ticket", "quality.pages.t.subject", "quality.pages.t.agent",
            "quality.pages.t.line", "quality.pages.t.group", "quality.pages.t.category", "quality.pages.t.at",
            "quality.pages.t.counts", "quality.pages.t.handling", "quality.pages.t.firstResponse", "quality.pages.t.sla",
            "quality.pages.t.outcome", "quality.pages.t.rating", "quality.pages.t.review");

    private TicketColumns() {
    }

    /** What the fact's handling came to: resolved, escalated, escalation corrected, reopened, repeat contact. */
    public static String outcome(MeasureTickets.Row r, MeasureLabels labels) {
        List<String> parts = new ArrayList<>();
        if (r.resolved()) {
            parts.add(labels.text("quality.pages.outcome.resolved"));
        }
        if (r.escalated()) {
            parts.add(labels.text("quality.pages.outcome.escalated"));
        }
        if (r.escalationCorrected()) {
            parts.add(labels.text("quality.pages.outcome.corrected"));
        }
        if (r.reopened()) {
            parts.add(labels.text("quality.pages.outcome.reopened"));
        }
        if (r.repeated()) {
            parts.add(labels.text("quality.pages.outcome.repeated"));
        }
        if (r.trainerCorrections() > 0) {
            parts.add(labels.text("quality.pages.outcome.trainer", r.trainerCorrections()));
        }
        return String.join(", ", parts);
    }

    /** The customers' ratings on the fact: "5", "4,50 (2)", "good 1 of 2"; "not rated" for requests without one. */
    public static String rating(MeasureTickets.Row r, MeasureLabels labels) {
        List<String> parts = new ArrayList<>();
        if (r.ratingsFive() > 0) {
            String avg = MeasureCsv.decimal(r.ratingAverage());
            parts.add(r.ratingsFive() == 1 ? avg : avg + " (" + r.ratingsFive() + ")");
        }
        if (r.ratingsTwo() > 0) {
            parts.add(labels.text("quality.pages.rating.good", r.ratingsTwoGood(), r.ratingsTwo()));
        }
        if (parts.isEmpty() && r.ratingRequests() > 0) {
            parts.add(labels.text("quality.pages.rating.none"));
        }
        return String.join(", ", parts);
    }
}
