package io.linia.workforce.forecast;

import io.linia.workforce.HourlySeries;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.function.Predicate;

/**
 * The whole days of a history, 24 hours each, with each day's type: its weekday, or Sunday for a
 * holiday (a desk works a holiday like a weekend). A partial first or last day is left out.
 */
public final class ArrivalDays {

    public static final int TYPES = 7;
    public static final int HOURS = 24;

    private final LocalDate first;
    private final double[][] counts;
    private final int[] types;
    private final Predicate<LocalDate> holidays;

    private ArrivalDays(LocalDate first, double[][] counts, int[] types, Predicate<LocalDate> holidays) {
        this.first = first;
        this.counts = counts;
        this.types = types;
        this.holidays = holidays;
    }

    public static ArrivalDays of(HourlySeries history, Predicate<LocalDate> holidays) {
        int skip = (HOURS - history.start().getHour()) % HOURS;
        int days = Math.max(0, (history.hours() - skip) / HOURS);
        LocalDate first = history.start().toLocalDate().plusDays(skip == 0 ? 0 : 1);
        double[][] counts = new double[days][HOURS];
        int[] types = new int[days];
        for (int d = 0; d < days; d++) {
            for (int h = 0; h < HOURS; h++) {
                counts[d][h] = history.value(skip + d * HOURS + h);
            }
            types[d] = type(first.plusDays(d), holidays);
        }
        return new ArrivalDays(first, counts, types, holidays);
    }

    /** 0..6: Monday..Sunday; a holiday is a Sunday. */
    public static int type(LocalDate date, Predicate<LocalDate> holidays) {
        return holidays.test(date) ? DayOfWeek.SUNDAY.ordinal() : date.getDayOfWeek().ordinal();
    }

    /** Working day (Monday–Friday, not a holiday) or not: the coarser kind used when a weekday has no data. */
    public static boolean workingDay(int type) {
        return type < DayOfWeek.SATURDAY.ordinal();
    }

    public int type(LocalDate date) {
        return type(date, holidays);
    }

    public int days() {
        return counts.length;
    }

    public LocalDate first() {
        return first;
    }

    public LocalDate date(int day) {
        return first.plusDays(day);
    }

    public int type(int day) {
        return types[day];
    }

    public double count(int day, int hour) {
        return counts[day][hour];
    }

    public double total(int day) {
        double sum = 0;
        for (double c : counts[day]) {
            sum += c;
        }
        return sum;
    }
}
