package io.linia.workforce;

import io.linia.workforce.evaluation.ArrivalsCsv;
import java.io.Reader;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

/**
 * The reading of an arrival-history CSV that the workforce import uses, for other modules that import the same files
 * (analytics' baselines): a header with {@code timestamp} and {@code count} and optional {@code channel} and
 * {@code category} codes, rows every 5 minutes to a day, counts spread over the wall-clock hours they cover (a row
 * longer than an hour evenly over its hours). Strict: the first bad line refuses the whole file, naming the line.
 */
public final class ArrivalCountsFile {

    /** Arrivals of one wall-clock hour (in the file's zone) for a channel and category code (null: none given). */
    public record HourCount(LocalDateTime hour, String channel, String category, double count) {
    }

    /**
     * @param hours    the hours with arrivals, by hour, then channel and category
     * @param rows     data rows read
     * @param interval the step between rows
     * @param start    the first hour the file covers
     * @param end      the hour after the last one it covers
     */
    public record Read(List<HourCount> hours, int rows, Duration interval, LocalDateTime start, LocalDateTime end) {
    }

    /** The file cannot be used; the message says where and why. */
    public static final class Refused extends Exception {

        private final int line;

        Refused(String message, int line) {
            super(message);
            this.line = line;
        }

        /** The line at fault (1 is the header); 0 when the refusal is about the whole file. */
        public int line() {
            return line;
        }
    }

    private ArrivalCountsFile() {
    }

    /** Reads a whole file; timestamps without an offset are wall-clock times of {@code zone}. */
    public static Read read(Reader csv, String name, ZoneId zone) throws Refused {
        try {
            ArrivalsCsv.Detailed d = ArrivalsCsv.readDetailed(csv, name, zone);
            return new Read(d.hours().stream().map(h -> new HourCount(h.hour(), h.channel(), h.category(), h.count())).toList(),
                    d.rows(), d.interval(), d.start(), d.end());
        } catch (ArrivalsCsv.Refused e) {
            throw new Refused(e.getMessage(), e.line());
        }
    }
}
