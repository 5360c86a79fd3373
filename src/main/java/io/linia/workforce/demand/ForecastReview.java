package io.linia.workforce.demand;

import io.linia.workforce.Forecast;
import io.linia.workforce.ForecastError;
import io.linia.workforce.HourlySeries;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * The forecast page's figures: how the forecast did on the last weeks, each forecast as it would have been made
 * on that week's Monday (trained only on the weeks before it), next to the seasonal naive forecast (each hour as
 * the same hour a week before); and the forecast of the coming weeks.
 */
@Service
public class ForecastReview {

    /** The most weeks one review looks back or ahead. */
    public static final int MAX_WEEKS = 12;

    private final StaffingDemand demand;

    ForecastReview(StaffingDemand demand) {
        this.demand = demand;
    }

    /**
     * One past week.
     *
     * @param monday   the week's first day
     * @param actual   arrivals per hour (own tickets and imported history)
     * @param forecast the forecast made on the Monday from the weeks before it
     * @param naive    the seasonal naive forecast: the week before's arrivals
     */
    public record Week(LocalDate monday, HourlySeries actual, HourlySeries forecast, HourlySeries naive, ForecastError linia,
                       ForecastError seasonalNaive, Forecast.Basis basis) {
    }

    /**
     * The review.
     *
     * @param weeks        the past weeks, oldest first
     * @param linia        the forecast's error over all of them
     * @param seasonalNaive the seasonal naive forecast's error over all of them
     * @param next         the forecast of the coming weeks from today
     * @param historyWeeks weeks of history each forecast learns from
     */
    public record Report(List<Week> weeks, ForecastError linia, ForecastError seasonalNaive, Forecast next, LocalDate today,
                         int historyWeeks) {
    }

    /**
     * @param weeks how many past weeks to check and coming weeks to forecast (1 to {@link #MAX_WEEKS})
     */
    public Report review(int weeks) {
        if (weeks < 1 || weeks > MAX_WEEKS) {
            throw new IllegalArgumentException("weeks: 1 to " + MAX_WEEKS + ", not " + weeks);
        }
        LocalDate today = demand.today();
        LocalDate thisMonday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        List<Week> past = new ArrayList<>();
        for (int w = weeks; w >= 1; w--) {
            LocalDate monday = thisMonday.minusWeeks(w);
            HourlySeries actual = demand.actual(monday, monday.plusDays(6));
            Forecast forecast = demand.forecast(monday, monday, monday.plusDays(6));
            HourlySeries naive = HourlySeries.of(monday.atStartOfDay(), demand.actual(monday.minusDays(7), monday.minusDays(1)).values());
            past.add(new Week(monday, actual, forecast.expected(), naive, ForecastError.of(actual, forecast.expected()),
                    ForecastError.of(actual, naive), forecast.basis()));
        }
        HourlySeries allActual = join(past.stream().map(Week::actual).toList());
        ForecastError linia = ForecastError.of(allActual, join(past.stream().map(Week::forecast).toList()));
        ForecastError naive = ForecastError.of(allActual, join(past.stream().map(Week::naive).toList()));
        Forecast next = demand.forecast(today, today, today.plusDays(7L * weeks - 1));
        return new Report(past, linia, naive, next, today, demand.properties().historyWeeks());
    }

    /** Consecutive weeks as one series (their hours as if they followed each other). */
    private static HourlySeries join(List<HourlySeries> parts) {
        int hours = parts.stream().mapToInt(HourlySeries::hours).sum();
        double[] values = new double[hours];
        int at = 0;
        for (HourlySeries part : parts) {
            System.arraycopy(part.values(), 0, values, at, part.hours());
            at += part.hours();
        }
        return HourlySeries.of(parts.get(0).start(), values);
    }
}
