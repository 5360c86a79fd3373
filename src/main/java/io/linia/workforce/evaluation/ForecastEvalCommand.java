package io.linia.workforce.evaluation;

import io.linia.workforce.ArrivalForecast;
import io.linia.workforce.Backtest;
import io.linia.workforce.ForecastError;
import io.linia.workforce.ForecastMethod;
import io.linia.workforce.HourlySeries;
import io.linia.workforce.evaluation.ArrivalsCsv.Arrivals;
import io.linia.workforce.evaluation.ForecastEvalOptions.BadArguments;
import java.io.PrintStream;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * {@code java -jar linia.jar forecast-eval --arrivals counts.csv [--train-fraction 0.75] [--time-column C]
 * [--count-column C] [--zone Z]}: how well Linia's arrival forecast would have done on a desk's own history,
 * next to two baselines. Pure computation: starts no Spring context, touches no store. Exit code 0 done,
 * 2 bad arguments or an unusable file (the message names the line), 1 when the evaluation itself failed.
 */
public final class ForecastEvalCommand {

    public static final String NAME = "forecast-eval";

    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private ForecastEvalCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        ForecastEvalOptions options;
        Arrivals arrivals;
        try {
            options = ForecastEvalOptions.parse(args);
            arrivals = ArrivalsCsv.read(options.arrivals(), options.timeColumn(), options.countColumn(), options.zone());
        } catch (BadArguments e) {
            if (!e.getMessage().equals("help")) {
                err.println(NAME + ": " + e.getMessage());
            }
            err.print(ForecastEvalOptions.USAGE);
            return e.getMessage().equals("help") ? 0 : 2;
        } catch (ArrivalsCsv.Refused e) {
            err.println(NAME + ": " + e.getMessage());
            return 2;
        }
        Backtest backtest;
        long started = System.nanoTime();
        try {
            backtest = ArrivalForecast.standard().backtest(arrivals.series(), options.trainFraction());
        } catch (IllegalArgumentException e) {
            err.println(NAME + ": " + e.getMessage());
            return 2;
        } catch (RuntimeException e) {
            err.println(NAME + ": failed: " + e);
            e.printStackTrace(err);
            return 1;
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        out.print(report(options, arrivals, backtest, millis));
        out.flush();
        return 0;
    }

    static String report(ForecastEvalOptions options, Arrivals arrivals, Backtest backtest, long millis) {
        StringBuilder s = new StringBuilder();
        HourlySeries series = arrivals.series();
        HourlySeries training = backtest.training();
        HourlySeries actual = backtest.actual();
        s.append(String.format(Locale.ROOT, "arrivals: %s, %,d rows every %s, zone %s%n", options.arrivals(), arrivals.rows(),
                interval(arrivals.interval()), options.zone()));
        s.append(String.format(Locale.ROOT, "series:   %s .. %s, %,d hours, %,.0f arrivals%n", HOUR.format(series.start()),
                HOUR.format(series.end()), series.hours(), series.total()));
        s.append(String.format(Locale.ROOT, "training: %s .. %s, %,d hours (%.1f %%; fraction %s moved back to midnight)%n",
                HOUR.format(training.start()), HOUR.format(training.end()), training.hours(),
                100.0 * training.hours() / series.hours(), options.trainFraction()));
        s.append(String.format(Locale.ROOT, "test:     %s .. %s, %,d hours, %,.0f arrivals%n", HOUR.format(actual.start()),
                HOUR.format(actual.end()), actual.hours(), actual.total()));
        s.append("Linia:    ").append(backtest.linia().detail()).append(String.format(Locale.ROOT, " (%d ms)%n", millis));
        if (arrivals.interval().compareTo(Duration.ofHours(1)) > 0) {
            s.append("note:     rows cover ").append(interval(arrivals.interval()))
                    .append(": each count was spread evenly over its hours, so the hourly figures only show the pattern between rows\n");
        }
        s.append('\n');
        s.append(String.format(Locale.ROOT, "%-28s %8s %8s%n", "method", "MAPE %", "WAPE %"));
        for (Backtest.Result result : backtest.results()) {
            s.append(String.format(Locale.ROOT, "%-28s %8s %8s%n", result.method().label(), percent(result.error().mape()),
                    percent(result.error().wape())));
        }
        ForecastError linia = backtest.result(ForecastMethod.LINIA).error();
        s.append(String.format(Locale.ROOT, "%nMAPE: mean of |actual − forecast| / actual over the %,d test hours with arrivals%n"
                + "      (hours without arrivals have no percentage error); WAPE: Σ|actual − forecast| / Σ actual over all %,d.%n",
                linia.hoursInMape(), linia.hours()));
        s.append("\nMAPE % per test week\n").append(String.format(Locale.ROOT, "%-12s %10s", "week from", "arrivals"));
        for (ForecastMethod method : ForecastMethod.values()) {
            s.append(String.format(Locale.ROOT, " %8s", method.shortLabel()));
        }
        s.append('\n');
        for (int from = 0; from < actual.hours(); from += 168) {
            int to = Math.min(actual.hours(), from + 168);
            HourlySeries week = actual.slice(from, to);
            s.append(String.format(Locale.ROOT, "%-12s %,10.0f", week.start().toLocalDate(), week.total()));
            for (Backtest.Result result : backtest.results()) {
                ForecastError error = ForecastError.of(week, result.forecast().slice(from, to));
                s.append(String.format(Locale.ROOT, " %8s", percent(error.mape())));
            }
            s.append('\n');
        }
        return s.toString();
    }

    private static String percent(double value) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.2f", value);
    }

    private static String interval(Duration d) {
        if (d.toMinutes() % (24 * 60) == 0) {
            return d.toDays() + " day(s)";
        }
        if (d.toMinutes() % 60 == 0) {
            return d.toHours() + " hour(s)";
        }
        return d.toMinutes() + " minutes";
    }
}
