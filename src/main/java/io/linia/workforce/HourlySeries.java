package io.linia.workforce;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;

/**
 * One value per hour (arrivals counted or expected) from {@link #start()}, in consecutive wall-clock
 * hours of one time zone: every day has 24 slots. Staffing works in wall-clock hours (a shift is
 * 9–15 whatever the offset), so the series does too; on a day when clocks go forward the missing
 * hour holds 0, on the day they go back the repeated hour holds both. Immutable.
 */
public final class HourlySeries {

    private final LocalDateTime start;
    private final double[] values;

    private HourlySeries(LocalDateTime start, double[] values) {
        this.start = start;
        this.values = values;
    }

    /**
     * @param start  the first hour; minutes and smaller must be zero
     * @param values one per hour, finite and not negative (copied)
     */
    public static HourlySeries of(LocalDateTime start, double... values) {
        if (!start.equals(start.truncatedTo(ChronoUnit.HOURS))) {
            throw new IllegalArgumentException("an hourly series starts at a whole hour, not " + start);
        }
        double[] copy = values.clone();
        for (int i = 0; i < copy.length; i++) {
            if (!(copy[i] >= 0) || Double.isInfinite(copy[i])) {
                throw new IllegalArgumentException("hour " + start.plusHours(i) + " has " + copy[i] + ": counts are finite and not negative");
            }
        }
        return new HourlySeries(start, copy);
    }

    public LocalDateTime start() {
        return start;
    }

    /** The hour after the last one. */
    public LocalDateTime end() {
        return start.plusHours(values.length);
    }

    public int hours() {
        return values.length;
    }

    public double value(int hour) {
        return values[hour];
    }

    public LocalDateTime hourAt(int hour) {
        return start.plusHours(hour);
    }

    /** A copy of the values. */
    public double[] values() {
        return values.clone();
    }

    public double total() {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum;
    }

    /** The hours [from, to) as a series of their own. */
    public HourlySeries slice(int from, int to) {
        if (from < 0 || to > values.length || from > to) {
            throw new IndexOutOfBoundsException("hours " + from + ".." + to + " of " + values.length);
        }
        return new HourlySeries(start.plusHours(from), Arrays.copyOfRange(values, from, to));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HourlySeries other && start.equals(other.start) && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return 31 * start.hashCode() + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "HourlySeries[" + start + ", " + values.length + " hours]";
    }
}
