package io.linia.workforce;

/**
 * Expected arrivals per hour, and what they rest on.
 *
 * @param expected the expected arrivals of each hour from the end of the history on
 * @param basis    the method used: the full model when the history allows it, a plain average otherwise
 * @param detail   the method in words with its fitted parameters, for people reading a report
 */
public record Forecast(HourlySeries expected, Basis basis, String detail) {

    public enum Basis {
        /** Holt-Winters on daily totals (level, damped trend, weekday season) times an hourly profile per weekday; 2 weeks of history or more. */
        HOLT_WINTERS,
        /** Mean of the same hour of the same weekday over the history: 1 to 2 weeks of history. */
        SAME_HOUR_OF_WEEK,
        /** Mean of the same hour over the days of the same kind (working day or weekend): under a week of history. */
        SAME_HOUR_OF_DAY,
        /** Mean of all hours: under a day of history. */
        FLAT_MEAN
    }
}
