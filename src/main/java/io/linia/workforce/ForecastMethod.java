package io.linia.workforce;

/** The forecasts a {@link Backtest} compares. */
public enum ForecastMethod {
    /** Linia's forecast ({@link ArrivalForecast}). */
    LINIA("Linia forecast"),
    /** Each hour as the same hour of the same weekday in the last training week. */
    SEASONAL_NAIVE("seasonal naive (last week)"),
    /** Each hour as the mean of the same hour of the same weekday over the last 4 training weeks (fewer if the training part is shorter). */
    MEAN_OF_LAST_4_WEEKS("mean of last 4 weeks");

    private final String label;

    ForecastMethod(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
