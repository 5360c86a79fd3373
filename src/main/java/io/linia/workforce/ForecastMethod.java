package io.linia.workforce;

/** The forecasts a {@link Backtest} compares. */
public enum ForecastMethod {
    /** Linia's forecast ({@link ArrivalForecast}). */
    LINIA("Linia forecast", "Linia"),
    /** Each hour as the same hour of the same weekday in the last training week. */
    SEASONAL_NAIVE("seasonal naive (last week)", "naive"),
    /** Each hour as the mean of the same hour of the same weekday over the last 4 training weeks (fewer if the training part is shorter). */
    MEAN_OF_LAST_4_WEEKS("mean of last 4 weeks", "4 weeks");

    private final String label;
    private final String shortLabel;

    ForecastMethod(String label, String shortLabel) {
        this.label = label;
        this.shortLabel = shortLabel;
    }

    /** The name in a report, in English. */
    public String label() {
        return label;
    }

    /** A column header in a report, in English. */
    public String shortLabel() {
        return shortLabel;
    }
}
