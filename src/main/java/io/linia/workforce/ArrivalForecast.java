package io.linia.workforce;

import io.linia.workforce.Forecast.Basis;
import io.linia.workforce.forecast.ArrivalDays;
import io.linia.workforce.forecast.Baselines;
import io.linia.workforce.forecast.DayProfileHoltWinters;
import io.linia.workforce.forecast.ShortHistory;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Expected ticket arrivals per hour for the coming weeks, learnt from an hourly history, and the backtest
 * that shows how good that is.
 *
 * <p>With 14 whole days of history or more: Holt-Winters on daily totals (level, damped trend, weekday
 * season) times an hourly profile per weekday, its five parameters tuned on the history alone (see
 * {@link io.linia.workforce.forecast.DayProfileHoltWinters} for the equations). With less: plain means of
 * the same hour (see {@link Forecast.Basis}). A holiday, when a calendar is given, is forecast and learnt
 * from as a Sunday. Pure computation: a year of history takes about a tenth of a second (bench/run-forecast.sh).
 */
public final class ArrivalForecast {

    private final Predicate<LocalDate> holidays;

    private ArrivalForecast(Predicate<LocalDate> holidays) {
        this.holidays = holidays;
    }

    /** No holidays: every day is its weekday. */
    public static ArrivalForecast standard() {
        return new ArrivalForecast(date -> false);
    }

    /** Days for which {@code holidays} is true are treated as Sundays, in the history and in the forecast. */
    public static ArrivalForecast withHolidays(Predicate<LocalDate> holidays) {
        return new ArrivalForecast(Objects.requireNonNull(holidays));
    }

    /** The {@code hours} hours after the end of {@code history}. */
    public Forecast forecast(HourlySeries history, int hours) {
        if (hours < 0) {
            throw new IllegalArgumentException("hours to forecast must not be negative: " + hours);
        }
        ArrivalDays days = ArrivalDays.of(history, holidays);
        if (days.days() >= DayProfileHoltWinters.MIN_DAYS) {
            DayProfileHoltWinters.Fitted model = DayProfileHoltWinters.fit(days);
            return new Forecast(HourlySeries.of(history.end(), model.forecast(history.end(), hours)), Basis.HOLT_WINTERS,
                    "Holt-Winters on daily totals (weekday season, damped trend) × hourly profile per weekday, tuned on "
                            + days.days() + " days: " + model.parameters());
        }
        double[] expected = ShortHistory.forecast(history, hours, holidays);
        Basis basis = ShortHistory.basis(history);
        String detail = switch (basis) {
            case SAME_HOUR_OF_WEEK -> "mean of the same hour of the same weekday";
            case SAME_HOUR_OF_DAY -> "mean of the same hour on days of the same kind (working day or weekend)";
            default -> "mean of all hours";
        } + " over " + history.hours() + " hours of history (the model needs " + DayProfileHoltWinters.MIN_DAYS + " whole days)";
        return new Forecast(HourlySeries.of(history.end(), expected), basis, detail);
    }

    /** The next {@code weeks} weeks after the end of {@code history}. */
    public Forecast forecastWeeks(HourlySeries history, int weeks) {
        return forecast(history, weeks * Baselines.WEEK);
    }

    /**
     * Trains every {@link ForecastMethod} on the first {@code trainFraction} of {@code series} (moved back to
     * the midnight before, so that the training part is whole days) and scores its forecast of the rest.
     *
     * @throws IllegalArgumentException when the fraction is not in (0, 1), or leaves under a week to train on or nothing to test
     */
    public Backtest backtest(HourlySeries series, double trainFraction) {
        if (!(trainFraction > 0 && trainFraction < 1)) {
            throw new IllegalArgumentException("the training fraction must be between 0 and 1, not " + trainFraction);
        }
        int split = (int) Math.round(trainFraction * series.hours());
        while (split > 0 && series.hourAt(split).getHour() != 0) {
            split--;
        }
        if (split < Baselines.WEEK) {
            throw new IllegalArgumentException("the training part holds " + split + " hours up to its last midnight;"
                    + " a backtest needs at least a week (" + Baselines.WEEK + " hours): its baselines repeat the last training week");
        }
        if (split >= series.hours()) {
            throw new IllegalArgumentException("the training fraction " + trainFraction + " leaves no hours to test");
        }
        HourlySeries training = series.slice(0, split);
        HourlySeries actual = series.slice(split, series.hours());
        int hours = actual.hours();
        Forecast linia = forecast(training, hours);
        double[] trainingValues = training.values();
        List<Backtest.Result> results = new ArrayList<>();
        for (ForecastMethod method : ForecastMethod.values()) {
            HourlySeries forecast = switch (method) {
                case LINIA -> linia.expected();
                case SEASONAL_NAIVE -> HourlySeries.of(actual.start(), Baselines.seasonalNaive(trainingValues, hours));
                case MEAN_OF_LAST_4_WEEKS -> HourlySeries.of(actual.start(), Baselines.meanOfLastWeeks(trainingValues, hours, 4));
            };
            results.add(new Backtest.Result(method, forecast, ForecastError.of(actual, forecast)));
        }
        return new Backtest(training, actual, linia, results);
    }
}
