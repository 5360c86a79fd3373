package io.linia.bench;

import io.linia.workforce.ArrivalForecast;
import io.linia.workforce.Backtest;
import io.linia.workforce.ErlangC;
import io.linia.workforce.Forecast;
import io.linia.workforce.ForecastError;
import io.linia.workforce.ForecastMethod;
import io.linia.workforce.HourlySeries;
import io.linia.workforce.StaffingTarget;
import io.linia.workforce.SyntheticArrivals;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

/**
 * How long the workforce arithmetic takes, without JMH: a 6-week forecast from a year of hourly history
 * (8,736 hours; the tuning of the parameters included), a backtest of that year at 0.75, and Erlang C for
 * every forecast hour. Each is run {@code --runs} times after {@code --warmup} runs; prints the first (cold)
 * run, then min / median / max of the measured ones. Also prints the backtest's MAPE table over
 * {@code --seeds} synthetic desks, the figures quoted in the README.
 *
 * Options: --runs 20, --warmup 5, --seeds 5.
 */
public final class ForecastBenchmark {

    public static void main(String[] args) {
        int runs = option(args, "--runs", 20);
        int warmup = option(args, "--warmup", 5);
        int seeds = option(args, "--seeds", 5);
        HourlySeries year = SyntheticArrivals.desk(52, 1).counts();
        ArrivalForecast forecast = ArrivalForecast.standard();
        System.out.printf(Locale.ROOT, "history: %,d hours (%s .. %s), %,.0f arrivals; Java %s, %d cores%n", year.hours(),
                year.start(), year.end(), year.total(), System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());

        long[] forecastNanos = time(runs, warmup, () -> forecast.forecastWeeks(year, 6));
        report("forecast of 6 weeks from 1 year", forecastNanos);
        long[] backtestNanos = time(runs, warmup, () -> forecast.backtest(year, 0.75));
        report("backtest of 1 year at 0.75 (3 methods)", backtestNanos);
        Forecast sixWeeks = forecast.forecastWeeks(year, 6);
        StaffingTarget target = new StaffingTarget(0.8, Duration.ofMinutes(60), 0.3);
        long[] staffingNanos = time(runs, warmup, () -> {
            int agentHours = 0;
            for (int h = 0; h < sixWeeks.expected().hours(); h++) {
                agentHours += ErlangC.need(sixWeeks.expected().value(h), Duration.ofMinutes(15), target).scheduled();
            }
            return agentHours;
        });
        report("Erlang C for each of the 1,008 forecast hours", staffingNanos);

        System.out.printf(Locale.ROOT, "%nbacktest MAPE / WAPE %% over %d seeds (52 weeks, train 0.75 = 39 weeks, test 13)%n", seeds);
        for (boolean openHoursOnly : new boolean[]{false, true}) {
            double[] mape = new double[4];
            double[] wape = new double[4];
            for (long seed = 1; seed <= seeds; seed++) {
                SyntheticArrivals desk = SyntheticArrivals.desk(52, seed);
                SyntheticArrivals series = openHoursOnly ? desk.withOpenHoursOnly() : desk;
                Backtest b = forecast.backtest(series.counts(), 0.75);
                for (ForecastMethod m : ForecastMethod.values()) {
                    mape[m.ordinal()] += b.result(m).error().mape() / seeds;
                    wape[m.ordinal()] += b.result(m).error().wape() / seeds;
                }
                ForecastError truth = ForecastError.of(b.actual(), series.rates().slice(b.training().hours(), series.rates().hours()));
                mape[3] += truth.mape() / seeds;
                wape[3] += truth.wape() / seeds;
            }
            System.out.println(openHoursOnly ? "  arrivals only in open hours (9–21, weekends 10–18):" : "  arrivals around the clock (night trickle):");
            for (ForecastMethod m : ForecastMethod.values()) {
                System.out.printf(Locale.ROOT, "    %-28s %6.2f %6.2f%n", m.label(), mape[m.ordinal()], wape[m.ordinal()]);
            }
            System.out.printf(Locale.ROOT, "    %-28s %6.2f %6.2f%n", "(noise floor: the true rates)", mape[3], wape[3]);
        }
    }

    private interface Job {
        Object run();
    }

    private static long[] time(int runs, int warmup, Job job) {
        long[] nanos = new long[runs + 1];
        for (int i = 0; i < warmup + runs + 1; i++) {
            long start = System.nanoTime();
            Object result = job.run();
            long took = System.nanoTime() - start;
            if (result == null) {
                throw new IllegalStateException("no result");
            }
            if (i == 0) {
                nanos[0] = took;
            } else if (i > warmup) {
                nanos[i - warmup] = took;
            }
        }
        return nanos;
    }

    private static void report(String what, long[] nanos) {
        long[] measured = Arrays.copyOfRange(nanos, 1, nanos.length);
        Arrays.sort(measured);
        System.out.printf(Locale.ROOT, "%-42s cold %7.1f ms; min %7.1f, median %7.1f, max %7.1f ms (%d runs)%n", what,
                nanos[0] / 1e6, measured[0] / 1e6, measured[measured.length / 2] / 1e6, measured[measured.length - 1] / 1e6,
                measured.length);
    }

    private static int option(String[] args, String name, int fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }
}
