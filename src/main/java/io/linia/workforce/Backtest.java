package io.linia.workforce;

import java.util.List;

/**
 * A forecast checked against what happened: every method is trained on {@link #training()} only and
 * forecasts all hours of {@link #actual()}.
 *
 * @param training the first part of the series, ending at midnight
 * @param actual   the rest of it, the hours forecast
 * @param linia    Linia's forecast with its method and parameters
 * @param results  one per {@link ForecastMethod}, in the enum's order
 */
public record Backtest(HourlySeries training, HourlySeries actual, Forecast linia, List<Result> results) {

    public Backtest {
        results = List.copyOf(results);
    }

    /** One method's forecast of the test hours and its error. */
    public record Result(ForecastMethod method, HourlySeries forecast, ForecastError error) {
    }

    public Result result(ForecastMethod method) {
        return results.stream().filter(r -> r.method() == method).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no result for " + method));
    }
}
