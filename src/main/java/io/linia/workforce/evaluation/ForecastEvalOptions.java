package io.linia.workforce.evaluation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;

/**
 * The arguments of {@code forecast-eval}.
 *
 * @param arrivals      the CSV file
 * @param trainFraction share of the series to train on, in (0, 1)
 * @param timeColumn    header of the timestamp column
 * @param countColumn   header of the count column
 * @param zone          time zone of the wall-clock hours (timestamps with an offset are converted to it)
 */
record ForecastEvalOptions(Path arrivals, double trainFraction, String timeColumn, String countColumn, ZoneId zone) {

    static final String USAGE = """
            usage: forecast-eval --arrivals counts.csv [--train-fraction 0.75] [--time-column timestamp]
                                 [--count-column count] [--zone Europe/Moscow]
              Trains Linia's arrival forecast on the first part of the series and prints, for the rest, the hourly
              MAPE and WAPE of Linia's forecast, of the seasonal naive forecast (same hour of the same weekday in
              the last training week) and of the mean of the last 4 training weeks.
              --arrivals        CSV with a header; one row per interval (5 minutes to a day) with an ISO-8601
                                timestamp (with or without offset) and a count; other columns are ignored
              --train-fraction  share of the series to train on, in (0, 1); the split moves back to a midnight (0.75)
              --time-column     header of the timestamp column (timestamp)
              --count-column    header of the count column (count)
              --zone            time zone of the hours; timestamps with an offset are converted to it
                                (the system's zone)
            """;

    static final class BadArguments extends Exception {
        BadArguments(String message) {
            super(message);
        }
    }

    static ForecastEvalOptions parse(String[] args) throws BadArguments {
        Path arrivals = null;
        double trainFraction = 0.75;
        String timeColumn = "timestamp";
        String countColumn = "count";
        ZoneId zone = ZoneId.systemDefault();
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--help") || option.equals("-h")) {
                throw new BadArguments("help");
            }
            if (!option.startsWith("--")) {
                throw new BadArguments("unexpected argument '" + option + "'");
            }
            String name = option;
            String value;
            int eq = option.indexOf('=');
            if (eq > 0) {
                name = option.substring(0, eq);
                value = option.substring(eq + 1);
            } else {
                if (i + 1 >= args.length) {
                    throw new BadArguments(option + " needs a value");
                }
                value = args[++i];
            }
            switch (name) {
                case "--arrivals" -> arrivals = Path.of(value);
                case "--train-fraction" -> trainFraction = fraction(value);
                case "--time-column" -> timeColumn = nonBlank(name, value);
                case "--count-column" -> countColumn = nonBlank(name, value);
                case "--zone" -> zone = zone(value);
                default -> throw new BadArguments("unknown option " + name);
            }
        }
        if (arrivals == null) {
            throw new BadArguments("--arrivals is required");
        }
        if (!Files.isRegularFile(arrivals)) {
            throw new BadArguments("--arrivals: no file " + arrivals);
        }
        return new ForecastEvalOptions(arrivals, trainFraction, timeColumn, countColumn, zone);
    }

    private static double fraction(String value) throws BadArguments {
        try {
            double f = Double.parseDouble(value);
            if (f > 0 && f < 1) {
                return f;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BadArguments("--train-fraction must be a number between 0 and 1 (exclusive), not '" + value + "'");
    }

    private static String nonBlank(String option, String value) throws BadArguments {
        if (value.isBlank()) {
            throw new BadArguments(option + " must not be blank");
        }
        return value.trim();
    }

    private static ZoneId zone(String value) throws BadArguments {
        try {
            return ZoneId.of(value);
        } catch (DateTimeException e) {
            throw new BadArguments("--zone: unknown time zone '" + value + "' (e.g. Europe/Moscow, UTC, +03:00)");
        }
    }
}
