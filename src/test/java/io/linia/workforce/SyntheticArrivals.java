package io.linia.workforce;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Random;
import java.util.function.Predicate;

/**
 * Hourly ticket arrivals as a desk sees them, for tests and the benchmark: a daily curve (morning ramp,
 * lunch dip, afternoon peak, evening tail), a weekday pattern (busy Monday, quiet weekend with its own
 * curve), a linear trend, a random level per day (some days are busier than others) and Poisson counts
 * around the resulting rate. Seeded: the same settings give the same series.
 *
 * @param start            first hour (midnight of a day)
 * @param weeks            length
 * @param peakPerHour      expected arrivals at the busiest hour of an average Wednesday at the start
 * @param trendPerYear     relative growth over a year (0.3 = +30 %)
 * @param dayVariation     standard deviation of the log of the day's level (0.08 ≈ ±8 %)
 * @param openHoursOnly    no arrivals outside the desk's hours (9–21 working days, 10–18 weekends), as on a phone line;
 *                         otherwise e-mail and web forms trickle in at night too
 * @param holidays         days that look like a Sunday
 * @param seed             of the random numbers
 */
public record SyntheticArrivals(LocalDateTime start, int weeks, double peakPerHour, double trendPerYear, double dayVariation,
                         boolean openHoursOnly, Predicate<LocalDate> holidays, long seed) {

    static final double[] WORKING_DAY = {0.02, 0.01, 0.01, 0.01, 0.01, 0.02, 0.05, 0.15, 0.4, 0.75, 0.95, 1.0,
            0.9, 0.85, 0.95, 1.0, 0.9, 0.8, 0.65, 0.5, 0.35, 0.2, 0.1, 0.05};
    static final double[] WEEKEND = {0.03, 0.02, 0.01, 0.01, 0.01, 0.01, 0.03, 0.08, 0.2, 0.4, 0.6, 0.75,
            0.8, 0.8, 0.75, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.12, 0.08, 0.05};
    /** Monday..Sunday */
    static final double[] WEEKDAY = {1.15, 1.08, 1.0, 0.98, 0.9, 0.45, 0.4};

    /** A year-like default: Monday 2024-01-01 on, peak 60/h, +30 %/year, ±8 % per day, night trickle, no holidays. */
    public static SyntheticArrivals desk(int weeks, long seed) {
        return new SyntheticArrivals(LocalDateTime.of(2024, 1, 1, 0, 0), weeks, 60, 0.3, 0.08, false, d -> false, seed);
    }

    public SyntheticArrivals withOpenHoursOnly() {
        return new SyntheticArrivals(start, weeks, peakPerHour, trendPerYear, dayVariation, true, holidays, seed);
    }

    public SyntheticArrivals withHolidays(Predicate<LocalDate> days) {
        return new SyntheticArrivals(start, weeks, peakPerHour, trendPerYear, dayVariation, openHoursOnly, days, seed);
    }

    public SyntheticArrivals withPeak(double peak) {
        return new SyntheticArrivals(start, weeks, peak, trendPerYear, dayVariation, openHoursOnly, holidays, seed);
    }

    /** The expected arrivals of every hour, before the random day level and the Poisson draw. */
    public HourlySeries rates() {
        int hours = weeks * 168;
        double[] rate = new double[hours];
        for (int i = 0; i < hours; i++) {
            LocalDateTime t = start.plusHours(i);
            LocalDate date = t.toLocalDate();
            boolean holiday = holidays.test(date);
            int weekday = holiday ? 6 : date.getDayOfWeek().ordinal();
            boolean weekend = weekday >= 5;
            int h = t.getHour();
            boolean open = weekend ? h >= 10 && h < 18 : h >= 9 && h < 21;
            if (openHoursOnly && !open) {
                continue;
            }
            double growth = 1 + trendPerYear * i / (365.0 * 24);
            rate[i] = peakPerHour * growth * WEEKDAY[weekday] * (weekend ? WEEKEND[h] : WORKING_DAY[h]);
        }
        return HourlySeries.of(start, rate);
    }

    /** Counts drawn around {@link #rates()}. */
    public HourlySeries counts() {
        Random random = new Random(seed);
        double[] rate = rates().values();
        double[] counts = new double[rate.length];
        double dayLevel = 1;
        for (int i = 0; i < rate.length; i++) {
            if (i % 24 == 0) {
                dayLevel = Math.exp(dayVariation * random.nextGaussian() - dayVariation * dayVariation / 2);
            }
            counts[i] = poisson(random, rate[i] * dayLevel);
        }
        return HourlySeries.of(start, counts);
    }

    /** Knuth's method in chunks of at most 30, so that e^−λ stays far from underflow. */
    static int poisson(Random random, double lambda) {
        int count = 0;
        double left = lambda;
        while (left > 0) {
            double chunk = Math.min(left, 30);
            left -= chunk;
            double limit = Math.exp(-chunk);
            double product = random.nextDouble();
            while (product > limit) {
                count++;
                product *= random.nextDouble();
            }
        }
        return count;
    }
}
