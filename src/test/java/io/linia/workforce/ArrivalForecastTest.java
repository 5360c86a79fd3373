package io.linia.workforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.linia.workforce.Forecast.Basis;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.MonthDay;
import java.util.Arrays;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ArrivalForecastTest {

    private static final ArrivalForecast FORECAST = ArrivalForecast.standard();

    /** Russia's public holidays, as a desk's calendar would hold them. */
    private static final Set<MonthDay> HOLIDAYS = Set.of(MonthDay.of(1, 1), MonthDay.of(1, 2), MonthDay.of(1, 3),
            MonthDay.of(1, 4), MonthDay.of(1, 5), MonthDay.of(1, 6), MonthDay.of(1, 7), MonthDay.of(1, 8),
            MonthDay.of(2, 23), MonthDay.of(3, 8), MonthDay.of(5, 1), MonthDay.of(5, 9), MonthDay.of(6, 12),
            MonthDay.of(11, 4));
    private static final Predicate<LocalDate> HOLIDAY = date -> HOLIDAYS.contains(MonthDay.from(date));

    /**
     * A year of a desk (daily curve, weekdays, +30 %/year, ±8 % day level, Poisson counts), trained on 39 weeks,
     * tested on 13, over five seeds. On every seed Linia's MAPE and WAPE are below both baselines'; on average
     * MAPE is at least 5 % below the mean of the last 4 weeks (the stronger baseline) and 20 % below the
     * seasonal naive, and within 5 % of the noise floor: the MAPE of the true rates themselves.
     */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void beatsBothBaselinesOnASeasonalDeskWithTrend(boolean openHoursOnly) {
        double[] mape = new double[4];
        double[] wape = new double[4];
        int seeds = 5;
        for (long seed = 1; seed <= seeds; seed++) {
            SyntheticArrivals desk = SyntheticArrivals.desk(52, seed);
            if (openHoursOnly) {
                desk = desk.withOpenHoursOnly();
            }
            HourlySeries counts = desk.counts();
            Backtest backtest = FORECAST.backtest(counts, 0.75);

            assertThat(backtest.linia().basis()).isEqualTo(Basis.HOLT_WINTERS);
            assertThat(backtest.training().hours()).isEqualTo(273 * 24);
            ForecastError linia = backtest.result(ForecastMethod.LINIA).error();
            ForecastError naive = backtest.result(ForecastMethod.SEASONAL_NAIVE).error();
            ForecastError fourWeeks = backtest.result(ForecastMethod.MEAN_OF_LAST_4_WEEKS).error();
            ForecastError truth = ForecastError.of(backtest.actual(), desk.rates().slice(backtest.training().hours(), counts.hours()));
            assertThat(linia.mape()).as("seed %d", seed).isLessThan(naive.mape()).isLessThan(fourWeeks.mape());
            assertThat(linia.wape()).as("seed %d", seed).isLessThan(naive.wape()).isLessThan(fourWeeks.wape());
            ForecastError[] errors = {linia, naive, fourWeeks, truth};
            for (int i = 0; i < errors.length; i++) {
                mape[i] += errors[i].mape() / seeds;
                wape[i] += errors[i].wape() / seeds;
            }
        }
        assertThat(mape[0]).isLessThan(0.95 * mape[2]).isLessThan(0.8 * mape[1]).isLessThan(1.05 * mape[3]);
        assertThat(wape[0]).isLessThan(0.93 * wape[2]).isLessThan(0.8 * wape[1]);
    }

    /** Issue 6: six weeks forecast from a year of history recover the pattern the counts were drawn from. */
    @Test
    void recoversTheSeasonalPatternFromAYearOfCounts() {
        SyntheticArrivals desk = SyntheticArrivals.desk(58, 7);
        HourlySeries counts = desk.counts();
        int year = 52 * 168;

        Forecast forecast = FORECAST.forecastWeeks(counts.slice(0, year), 6);

        assertThat(forecast.expected().start()).isEqualTo(LocalDateTime.of(2024, 12, 30, 0, 0));
        assertThat(forecast.expected().hours()).isEqualTo(6 * 168);
        HourlySeries rates = desk.rates().slice(year, year + 6 * 168);
        assertThat(ForecastError.of(rates, forecast.expected()).wape()).isLessThan(5);
        // the busiest hour of a Monday, the quietest of a Sunday afternoon, the night
        double[] expected = forecast.expected().values();
        assertThat(expected[11]).isCloseTo(rates.value(11), within(0.06 * rates.value(11)));
        assertThat(expected[6 * 24 + 15]).isCloseTo(rates.value(6 * 24 + 15), within(0.1 * rates.value(6 * 24 + 15)));
        assertThat(expected[3]).isLessThan(2);
    }

    /**
     * An outage in the last training week: one hour at 10 times its usual count and a whole day at twice the
     * usual. The spiked hour is cleaned (pulled to 3σ of its expectation): its forecast moves by under 10 %;
     * the busier day is smoothed in like any other (under 20 %). Linia stays ahead of both baselines and
     * loses less than the mean of the last 4 weeks does; the seasonal naive forecast repeats the outage.
     */
    @Test
    void anOutageSpikeInTheHistoryBarelyMovesTheForecast() {
        SyntheticArrivals desk = SyntheticArrivals.desk(30, 3);
        double[] counts = desk.counts().values();
        int lastWeek = 26 * 168;
        int spikeHour = lastWeek + 24 + 11; // Tuesday 11:00
        double[] spiked = counts.clone();
        spiked[spikeHour] *= 10;
        for (int h = 0; h < 24; h++) {
            spiked[lastWeek + 2 * 24 + h] *= 2; // all of Wednesday
        }

        Backtest before = FORECAST.backtest(HourlySeries.of(desk.start(), counts), 27.0 / 30);
        Backtest after = FORECAST.backtest(HourlySeries.of(desk.start(), spiked), 27.0 / 30);

        assertThat(after.training().hours()).isEqualTo(27 * 168);
        double cleanTuesday = before.linia().expected().value(24 + 11);
        assertThat(after.linia().expected().value(24 + 11)).isCloseTo(cleanTuesday, within(0.1 * cleanTuesday));
        double cleanWednesday = dayTotal(before.linia().expected(), 2);
        assertThat(dayTotal(after.linia().expected(), 2)).isCloseTo(cleanWednesday, within(0.2 * cleanWednesday));
        double linia = after.result(ForecastMethod.LINIA).error().mape();
        double fourWeeks = after.result(ForecastMethod.MEAN_OF_LAST_4_WEEKS).error().mape();
        assertThat(linia).isLessThan(fourWeeks).isLessThan(after.result(ForecastMethod.SEASONAL_NAIVE).error().mape());
        assertThat(linia - before.result(ForecastMethod.LINIA).error().mape())
                .isLessThan(fourWeeks - before.result(ForecastMethod.MEAN_OF_LAST_4_WEEKS).error().mape());
        assertThat(after.result(ForecastMethod.SEASONAL_NAIVE).forecast().value(24 + 11)).isEqualTo(spiked[spikeHour]);
    }

    /** Holidays look like Sundays; told the calendar, the forecast learns from and forecasts them as such. */
    @Test
    void aHolidayCalendarForecastsHolidaysAsSundays() {
        SyntheticArrivals desk = SyntheticArrivals.desk(52, 11).withHolidays(HOLIDAY);
        HourlySeries counts = desk.counts();

        Backtest withCalendar = ArrivalForecast.withHolidays(HOLIDAY).backtest(counts, 0.75);
        Backtest without = FORECAST.backtest(counts, 0.75);

        // Monday 4 November 2024, National Unity Day, is in the test part
        int holiday = (int) java.time.temporal.ChronoUnit.DAYS.between(withCalendar.actual().start().toLocalDate(), LocalDate.of(2024, 11, 4));
        assertThat(withCalendar.actual().start().plusDays(holiday).getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
        double trueTotal = dayTotal(desk.rates().slice(withCalendar.training().hours(), counts.hours()), holiday);
        assertThat(dayTotal(withCalendar.linia().expected(), holiday)).isCloseTo(trueTotal, within(0.15 * trueTotal));
        assertThat(dayTotal(without.linia().expected(), holiday)).isGreaterThan(1.8 * trueTotal);
        assertThat(withCalendar.result(ForecastMethod.LINIA).error().wape())
                .isLessThan(without.result(ForecastMethod.LINIA).error().wape());
    }

    @Test
    void aQuietHistoryForecastsQuiet() {
        HourlySeries zeros = HourlySeries.of(LocalDateTime.of(2025, 3, 3, 0, 0), new double[4 * 168]);

        Forecast forecast = FORECAST.forecastWeeks(zeros, 2);

        assertThat(forecast.basis()).isEqualTo(Basis.HOLT_WINTERS);
        assertThat(forecast.expected().values()).hasSize(2 * 168).containsOnly(0.0);
    }

    /** A desk closed at weekends: nothing forecast for them, the weekdays as usual, no NaN from the zeros. */
    @Test
    void closedWeekendsStayClosed() {
        SyntheticArrivals desk = SyntheticArrivals.desk(12, 5).withOpenHoursOnly();
        double[] counts = desk.counts().values();
        for (int i = 0; i < counts.length; i++) {
            if (desk.start().plusHours(i).getDayOfWeek().getValue() >= 6) {
                counts[i] = 0;
            }
        }

        Forecast forecast = FORECAST.forecastWeeks(HourlySeries.of(desk.start(), counts), 1);

        double[] expected = forecast.expected().values();
        assertThat(Arrays.stream(expected).boxed().toList()).allSatisfy(v -> assertThat(v).isFinite().isNotNegative());
        for (int h = 5 * 24; h < 7 * 24; h++) {
            assertThat(expected[h]).isLessThan(0.05);
        }
        assertThat(expected[11]).isGreaterThan(40);
        assertThat(expected[3]).isLessThan(0.5);
    }

    /** A desk that opened after three silent weeks: the forecast follows the arrivals, not the silence. */
    @Test
    void aDeskOpeningAfterSilentWeeksIsForecastAtItsNewLevel() {
        SyntheticArrivals desk = SyntheticArrivals.desk(14, 9);
        double[] counts = desk.counts().values();
        Arrays.fill(counts, 0, 3 * 168, 0);

        Forecast forecast = FORECAST.forecastWeeks(HourlySeries.of(desk.start(), counts).slice(0, 12 * 168), 2);

        HourlySeries rates = desk.rates().slice(12 * 168, 14 * 168);
        assertThat(ForecastError.of(rates, forecast.expected()).wape()).isLessThan(15);
    }

    @Test
    void underTwoWeeksTheSameHourOfTheSameWeekdayIsAveraged() {
        SyntheticArrivals desk = SyntheticArrivals.desk(2, 4);
        HourlySeries tenDays = desk.counts().slice(0, 10 * 24);

        Forecast forecast = FORECAST.forecast(tenDays, 168);

        assertThat(forecast.basis()).isEqualTo(Basis.SAME_HOUR_OF_WEEK);
        assertThat(forecast.detail()).contains("240 hours");
        assertThat(forecast.expected().start()).isEqualTo(LocalDateTime.of(2024, 1, 11, 0, 0));
        // Thursday 11 January 11:00: the mean of Thursday 4 January 11:00 (only one Thursday observed)
        assertThat(forecast.expected().value(11)).isEqualTo(tenDays.value(3 * 24 + 11));
        // Monday 15 January 11:00: the mean of the two observed Mondays
        assertThat(forecast.expected().value(4 * 24 + 11)).isEqualTo((tenDays.value(11) + tenDays.value(7 * 24 + 11)) / 2);
    }

    @Test
    void underAWeekWorkingDaysAndWeekendsAreAveragedApart() {
        SyntheticArrivals desk = SyntheticArrivals.desk(1, 4);
        HourlySeries sixDays = desk.counts().slice(0, 6 * 24); // Monday to Saturday

        Forecast forecast = FORECAST.forecast(sixDays, 48);

        assertThat(forecast.basis()).isEqualTo(Basis.SAME_HOUR_OF_DAY);
        // Sunday 11:00 from the one weekend day seen (Saturday); Monday 11:00 from the five working days
        assertThat(forecast.expected().value(11)).isEqualTo(sixDays.value(5 * 24 + 11));
        double mondayToFriday = 0;
        for (int d = 0; d < 5; d++) {
            mondayToFriday += sixDays.value(d * 24 + 11) / 5;
        }
        assertThat(forecast.expected().value(24 + 11)).isCloseTo(mondayToFriday, within(1e-9));
    }

    @Test
    void underADayEveryHourIsTheMean() {
        HourlySeries morning = HourlySeries.of(LocalDateTime.of(2025, 3, 3, 8, 0), 2, 4, 6);

        Forecast forecast = FORECAST.forecast(morning, 5);

        assertThat(forecast.basis()).isEqualTo(Basis.FLAT_MEAN);
        assertThat(forecast.expected().values()).containsOnly(4.0);
        assertThat(forecast.expected().start()).isEqualTo(LocalDateTime.of(2025, 3, 3, 11, 0));
    }

    @Test
    void fourteenWholeDaysAreEnoughForTheModel() {
        HourlySeries counts = SyntheticArrivals.desk(3, 2).counts();

        assertThat(FORECAST.forecast(counts.slice(0, 14 * 24 - 1), 24).basis()).isEqualTo(Basis.SAME_HOUR_OF_WEEK);
        assertThat(FORECAST.forecast(counts.slice(0, 14 * 24), 24).basis()).isEqualTo(Basis.HOLT_WINTERS);
        // starting and ending in the middle of a day: the whole days between are used, the forecast starts at the end
        Forecast midDay = FORECAST.forecast(counts.slice(13, 20 * 24 + 7), 30);
        assertThat(midDay.basis()).isEqualTo(Basis.HOLT_WINTERS);
        assertThat(midDay.expected().start()).isEqualTo(LocalDateTime.of(2024, 1, 21, 7, 0));
        assertThat(Arrays.stream(midDay.expected().values()).boxed().toList()).allSatisfy(v -> assertThat(v).isFinite().isNotNegative());
    }

    @Test
    void refusesWhatCannotBeForecastOrTested() {
        HourlySeries empty = HourlySeries.of(LocalDateTime.of(2025, 3, 3, 0, 0));
        assertThatThrownBy(() -> FORECAST.forecast(empty, 24)).hasMessageContaining("no history");
        HourlySeries tenDays = SyntheticArrivals.desk(2, 1).counts().slice(0, 240);
        assertThatThrownBy(() -> FORECAST.backtest(tenDays, 0.5)).hasMessageContaining("at least a week");
        assertThatThrownBy(() -> FORECAST.backtest(tenDays, 1.0)).hasMessageContaining("between 0 and 1");
        assertThatThrownBy(() -> FORECAST.backtest(tenDays, 0.999)).hasMessageContaining("leaves no hours");
        assertThatThrownBy(() -> HourlySeries.of(LocalDateTime.of(2025, 3, 3, 0, 30), 1)).hasMessageContaining("whole hour");
        assertThatThrownBy(() -> HourlySeries.of(LocalDateTime.of(2025, 3, 3, 0, 0), 1, -1)).hasMessageContaining("not negative");
        assertThatThrownBy(() -> HourlySeries.of(LocalDateTime.of(2025, 3, 3, 0, 0), Double.NaN)).hasMessageContaining("not negative");
    }

    @Test
    void errorsLeaveHoursWithoutArrivalsOutOfMapeButNotOutOfWape() {
        LocalDateTime start = LocalDateTime.of(2025, 3, 3, 0, 0);
        HourlySeries actual = HourlySeries.of(start, 0, 10, 20, 0);
        HourlySeries forecast = HourlySeries.of(start, 2, 12, 15, 0);

        ForecastError error = ForecastError.of(actual, forecast);

        assertThat(error.hoursInMape()).isEqualTo(2);
        assertThat(error.hours()).isEqualTo(4);
        assertThat(error.mape()).isCloseTo(100 * (0.2 + 0.25) / 2, within(1e-9));
        assertThat(error.wape()).isCloseTo(100 * (2 + 2 + 5) / 30.0, within(1e-9));
        assertThat(ForecastError.of(HourlySeries.of(start, 0, 0), HourlySeries.of(start, 1, 0)).mape()).isNaN();
    }

    private static double dayTotal(HourlySeries series, int day) {
        return series.slice(day * 24, day * 24 + 24).total();
    }
}
