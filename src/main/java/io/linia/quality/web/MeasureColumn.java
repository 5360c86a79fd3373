package io.linia.quality.web;

import io.linia.quality.Measure;
import io.linia.quality.Measures;
import java.util.List;
import java.util.function.Function;

/**
 * One column of the measures' tables, the same on the page and in its CSV: its message key
 * ({@code quality.pages.col.<id>}), how its value is shown, and the count a click on it drills into (null: none).
 */
public record MeasureColumn(String id, Kind kind, Measure drill, Function<Measures, Object> value) {

    /** How a value is shown: a count, a duration (ms; words on the page, minutes in CSV), a percent, a decimal. */
    public enum Kind {
        COUNT, DURATION, PERCENT, DECIMAL
    }

    public Object of(Measures m) {
        return value.apply(m);
    }

    /** Whether the cell links to the tickets behind it: a count above zero (a time: its facts). */
    public boolean links(Measures m) {
        if (drill == null) {
            return false;
        }
        Object v = of(m);
        return v != null && !(v instanceof Number n && n.longValue() == 0 && kind == Kind.COUNT);
    }

    /** The value as the page shows it, in the page's language: "—" for none, times in words, "57,14 %". */
    public String shown(Object v, io.linia.web.UiFormat ui) {
        if (v == null) {
            return "—";
        }
        return switch (kind) {
            case COUNT -> String.valueOf(v);
            case DURATION -> ui.duration((Long) v);
            case PERCENT -> ui.number((Number) v, 2) + " %";
            case DECIMAL -> ui.number((Number) v, 2);
        };
    }

    /** The value as charted and in the trend table's {@code data-value} (see {@link TrendCharts#chartValue}). */
    public Object chartValue(Object v) {
        return TrendCharts.chartValue(this, v);
    }

    public boolean isEscalationPercent() {
        return "escalationPercent".equals(id);
    }

    /** Every column, in the tables' order. */
    public static final List<MeasureColumn> ALL = List.of(
            new MeasureColumn("handled", Kind.COUNT, Measure.HANDLED, Measures::handled),
            new MeasureColumn("handlingMedian", Kind.DURATION, Measure.HANDLED, Measures::handlingMedianMs),
            new MeasureColumn("handlingP90", Kind.DURATION, Measure.HANDLED, Measures::handlingP90Ms),
            new MeasureColumn("firstResponses", Kind.COUNT, Measure.FIRST_RESPONSES, Measures::firstResponses),
            new MeasureColumn("firstResponseMedian", Kind.DURATION, Measure.FIRST_RESPONSES, Measures::firstResponseMedianMs),
            new MeasureColumn("firstResponseP90", Kind.DURATION, Measure.FIRST_RESPONSES, Measures::firstResponseP90Ms),
            new MeasureColumn("slaTargets", Kind.COUNT, Measure.SLA_TARGETS, Measures::slaTargets),
            new MeasureColumn("slaMet", Kind.COUNT, Measure.SLA_MET, Measures::slaMet),
            new MeasureColumn("slaMetPercent", Kind.PERCENT, null, Measures::slaMetPercent),
            new MeasureColumn("firstLineHandled", Kind.COUNT, Measure.FIRST_LINE_HANDLED, Measures::firstLineHandled),
            new MeasureColumn("escalated", Kind.COUNT, Measure.ESCALATED, Measures::escalated),
            new MeasureColumn("escalationPercent", Kind.PERCENT, null, Measures::escalationPercent),
            new MeasureColumn("escalationUsualPercent", Kind.PERCENT, null, Measures::escalationUsualPercent),
            new MeasureColumn("escalationsCorrected", Kind.COUNT, Measure.ESCALATIONS_CORRECTED, Measures::escalationsCorrected),
            new MeasureColumn("escalationsCorrectedPercent", Kind.PERCENT, null, Measures::escalationsCorrectedPercent),
            new MeasureColumn("resolved", Kind.COUNT, Measure.RESOLVED, Measures::resolved),
            new MeasureColumn("reopened", Kind.COUNT, Measure.REOPENED, Measures::reopened),
            new MeasureColumn("reopenPercent", Kind.PERCENT, null, Measures::reopenPercent),
            new MeasureColumn("repeated", Kind.COUNT, Measure.REPEATED, Measures::repeated),
            new MeasureColumn("repeatPercent", Kind.PERCENT, null, Measures::repeatPercent),
            new MeasureColumn("ratingRequests", Kind.COUNT, Measure.RATING_REQUESTS, Measures::ratingRequests),
            new MeasureColumn("ratingsFive", Kind.COUNT, Measure.RATINGS_FIVE, Measures::ratingsFive),
            new MeasureColumn("csatAverage", Kind.DECIMAL, null, Measures::csatAverage),
            new MeasureColumn("ratingsTwo", Kind.COUNT, Measure.RATINGS_TWO, Measures::ratingsTwo),
            new MeasureColumn("csatGoodPercent", Kind.PERCENT, null, Measures::csatGoodPercent),
            new MeasureColumn("csatResponsePercent", Kind.PERCENT, null, Measures::csatResponsePercent),
            new MeasureColumn("reviews", Kind.COUNT, Measure.REVIEWS, Measures::reviews),
            new MeasureColumn("reviewAverage", Kind.PERCENT, null, Measures::reviewAverage),
            new MeasureColumn("trainerCorrections", Kind.COUNT, Measure.TRAINER_CORRECTIONS, Measures::trainerCorrections));
}
