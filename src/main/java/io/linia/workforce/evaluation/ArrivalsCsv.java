package io.linia.workforce.evaluation;

import io.linia.workforce.HourlySeries;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV of arrival counts: a header line, then one row per interval with a timestamp and a count (other
 * columns are ignored). Read strictly: the first bad line refuses the whole file, naming the line.
 *
 * <ul>
 *   <li>Separator: comma, semicolon or tab, whichever the header line has most of; fields may be quoted.</li>
 *   <li>Timestamp: ISO-8601 — {@code 2025-03-03T09:00}, with seconds, with a space instead of {@code T},
 *       with an offset or {@code Z} ({@code 2025-03-03T09:00+03:00}), with a region
 *       ({@code 2025-03-03T09:00+03:00[Europe/Moscow]}), or a date alone for daily counts. A timestamp with an
 *       offset is converted to the time zone given; one without is taken as that zone's wall-clock time.</li>
 *   <li>Count: a number, not negative. Rows with the same timestamp (e.g. one per channel) add up.</li>
 *   <li>Interval: the shortest step between two timestamps, from minutes to one day. A row counts the arrivals
 *       of [timestamp, timestamp + interval); its count goes to the hours that span overlaps, in proportion.
 *       So 5-minute rows add up to hours, and a daily count is spread evenly over its 24 hours (the hourly
 *       figures then only show the daily pattern). An hour without rows had no arrivals. (A file of a few
 *       scattered rows can look coarser than it is: rows 09:00 and 13:00 alone read as 4-hour counts.)</li>
 * </ul>
 */
public final class ArrivalsCsv {

    /** Longest series accepted: 20 years of hours. */
    static final long MAX_HOURS = 20L * 366 * 24;

    /** Digits with an optional decimal point: what an export writes for a count. */
    private static final Pattern COUNT = Pattern.compile("[0-9]+(\\.[0-9]*)?");

    private ArrivalsCsv() {
    }

    /** The file cannot be used; the message says where and why. */
    public static final class Refused extends Exception {
        Refused(String message) {
            super(message);
        }

        /** The line of the file the refusal names (1 is the header); 0 when it is about the whole file. */
        public int line() {
            java.util.regex.Matcher m = Pattern.compile(" line ([0-9]+)").matcher(getMessage());
            return m.find() ? Integer.parseInt(m.group(1)) : 0;
        }
    }

    /**
     * What was read.
     *
     * @param series   hourly counts in the zone's wall-clock hours
     * @param rows     data rows read
     * @param interval the step between rows
     */
    public record Arrivals(HourlySeries series, int rows, Duration interval) {
    }

    private record Row(LocalDateTime time, double count) {
    }

    public static Arrivals read(Path file, String timeColumn, String countColumn, ZoneId zone) throws Refused {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        List<Keyed> keyed;
        try {
            keyed = rows(Files.newBufferedReader(file, StandardCharsets.UTF_8), name, zone, timeColumn, "--time-column",
                    countColumn, "--count-column", false);
        } catch (IOException e) {
            throw new Refused(name + ": cannot be read: " + e.getMessage());
        }
        List<Row> rows = new ArrayList<>(keyed.size());
        for (Keyed row : keyed) {
            rows.add(new Row(row.time(), row.count()));
        }
        return aggregate(rows, name);
    }

    /**
     * The data rows of a CSV of arrival counts: the header names the columns (its delimiter, comma or semicolon,
     * is the file's), a byte-order mark and blank lines are skipped; with {@code keyed} the optional {@code channel}
     * and {@code category} columns are read too. Refused with the line at fault; never empty.
     */
    private static List<Keyed> rows(java.io.Reader source, String name, ZoneId zone, String timeColumn, String timeOption,
                                    String countColumn, String countOption, boolean keyed) throws Refused {
        List<Keyed> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(source)) {
            String line;
            int lineNumber = 0;
            CSVFormat format = null;
            int timeIndex = -1;
            int countIndex = -1;
            int channelIndex = -1;
            int categoryIndex = -1;
            int columns = 0;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (lineNumber == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (line.isBlank()) {
                    continue;
                }
                if (format == null) {
                    format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter(line)).setTrim(true).get();
                    List<String> header = fields(line, format, name, lineNumber);
                    timeIndex = column(header, timeColumn, timeOption, name);
                    countIndex = column(header, countColumn, countOption, name);
                    if (keyed) {
                        channelIndex = optionalColumn(header, "channel");
                        categoryIndex = optionalColumn(header, "category");
                    }
                    columns = header.size();
                    continue;
                }
                List<String> fields = fields(line, format, name, lineNumber);
                if (fields.size() <= Math.max(timeIndex, countIndex)) {
                    throw new Refused(name + " line " + lineNumber + ": " + fields.size() + " field(s), the header has " + columns);
                }
                LocalDateTime time = time(fields.get(timeIndex), zone, name, lineNumber);
                double count = count(fields.get(countIndex), name, lineNumber);
                rows.add(new Keyed(time, count, code(fields, channelIndex, "channel", name, lineNumber),
                        code(fields, categoryIndex, "category", name, lineNumber)));
            }
            if (format == null) {
                throw new Refused(name + ": the file is empty (a header line and rows of timestamp and count are expected)");
            }
        } catch (CharacterCodingException e) {
            throw new Refused(name + ": not UTF-8 text");
        } catch (IOException e) {
            throw new Refused(name + ": cannot be read: " + e.getMessage());
        } catch (UncheckedIOException e) {
            throw new Refused(name + ": cannot be read: " + e.getCause().getMessage());
        }
        if (rows.isEmpty()) {
            throw new Refused(name + ": no rows after the header");
        }
        return rows;
    }

    /** Arrivals of one wall-clock hour for one channel and category (null: the file had no such column or left it empty). */
    public record HourCount(LocalDateTime hour, String channel, String category, double count) {
    }

    /**
     * What an import reads: the hourly counts per channel and category code, only hours with arrivals.
     *
     * @param hours    by hour, then channel and category
     * @param rows     data rows read
     * @param interval the step between rows
     * @param start    the first hour the file covers
     * @param end      the hour after the last one it covers
     */
    public record Detailed(List<HourCount> hours, int rows, Duration interval, LocalDateTime start, LocalDateTime end) {
        public double total() {
            return hours.stream().mapToDouble(HourCount::count).sum();
        }
    }

    private record Keyed(LocalDateTime time, double count, String channel, String category) {
    }

    /** The finest interval an import takes. */
    static final int MIN_IMPORT_MINUTES = 5;

    /** Longest code of a channel or category accepted. */
    static final int MAX_CODE = 40;

    /**
     * Reads an import: columns {@code timestamp} and {@code count} (case does not matter), optional {@code channel}
     * and {@code category} codes; counts of rows with the same timestamp, channel and category add up. Otherwise as
     * {@link #read(Path, String, String, ZoneId)}.
     */
    public static Detailed readDetailed(java.io.Reader source, String name, ZoneId zone) throws Refused {
        List<Keyed> rows = rows(source, name, zone, "timestamp", "timestamp", "count", "count", true);
        List<Row> plain = new ArrayList<>(rows.size());
        for (Keyed row : rows) {
            plain.add(new Row(row.time(), row.count()));
        }
        plain.sort(Comparator.comparing(Row::time));
        long stepMinutes = step(plain, name);
        if (stepMinutes < MIN_IMPORT_MINUTES) {
            throw new Refused(name + ": the closest rows are " + stepMinutes + " minute(s) apart; an import takes counts per "
                    + MIN_IMPORT_MINUTES + " minutes to per day");
        }
        LocalDateTime start = plain.get(0).time().truncatedTo(ChronoUnit.HOURS);
        int hours = hours(start, plain.get(plain.size() - 1).time().plusMinutes(stepMinutes), name);
        java.util.Map<List<String>, double[]> byKey = new java.util.LinkedHashMap<>();
        for (Keyed row : rows) {
            double[] counts = byKey.computeIfAbsent(java.util.Arrays.asList(row.channel(), row.category()), k -> new double[hours]);
            spread(counts, start, row.time(), stepMinutes, row.count());
        }
        List<HourCount> result = new ArrayList<>();
        for (int h = 0; h < hours; h++) {
            for (java.util.Map.Entry<List<String>, double[]> e : byKey.entrySet()) {
                if (e.getValue()[h] > 0) {
                    result.add(new HourCount(start.plusHours(h), e.getKey().get(0), e.getKey().get(1), e.getValue()[h]));
                }
            }
        }
        return new Detailed(result, rows.size(), Duration.ofMinutes(stepMinutes), start, start.plusHours(hours));
    }

    private static int optionalColumn(List<String> header, String wanted) {
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).equalsIgnoreCase(wanted)) {
                return i;
            }
        }
        return -1;
    }

    private static String code(List<String> fields, int index, String what, String name, int lineNumber) throws Refused {
        if (index < 0 || index >= fields.size() || fields.get(index).isBlank()) {
            return null;
        }
        String code = fields.get(index).strip();
        if (code.length() > MAX_CODE) {
            throw new Refused(name + " line " + lineNumber + ": " + what + " '" + code.substring(0, MAX_CODE) + "…' is longer than "
                    + MAX_CODE + " characters");
        }
        return code;
    }

    private static long step(List<Row> sorted, String name) throws Refused {
        long stepMinutes = Long.MAX_VALUE;
        for (int i = 1; i < sorted.size(); i++) {
            long minutes = ChronoUnit.MINUTES.between(sorted.get(i - 1).time(), sorted.get(i).time());
            if (minutes > 0) {
                stepMinutes = Math.min(stepMinutes, minutes);
            }
        }
        if (stepMinutes == Long.MAX_VALUE) {
            stepMinutes = 60; // one timestamp only: take it as an hour
        }
        if (stepMinutes > 24 * 60) {
            throw new Refused(name + ": the closest rows are " + Duration.ofMinutes(stepMinutes).toDays()
                    + " days apart; hourly forecasts need counts at least per day");
        }
        return stepMinutes;
    }

    private static int hours(LocalDateTime start, LocalDateTime last, String name) throws Refused {
        long hours = ChronoUnit.HOURS.between(start, last) + (last.equals(last.truncatedTo(ChronoUnit.HOURS)) ? 0 : 1);
        if (hours > MAX_HOURS) {
            throw new Refused(name + ": the rows span " + hours / 24 + " days, more than 20 years");
        }
        return (int) hours;
    }

    private static Arrivals aggregate(List<Row> rows, String name) throws Refused {
        rows.sort(Comparator.comparing(Row::time));
        long stepMinutes = Long.MAX_VALUE;
        for (int i = 1; i < rows.size(); i++) {
            long minutes = ChronoUnit.MINUTES.between(rows.get(i - 1).time(), rows.get(i).time());
            if (minutes > 0) {
                stepMinutes = Math.min(stepMinutes, minutes);
            }
        }
        if (stepMinutes == Long.MAX_VALUE) {
            stepMinutes = 60; // one timestamp only: take it as an hour
        }
        if (stepMinutes > 24 * 60) {
            throw new Refused(name + ": the closest rows are " + Duration.ofMinutes(stepMinutes).toDays()
                    + " days apart; hourly forecasts need counts at least per day");
        }
        LocalDateTime start = rows.get(0).time().truncatedTo(ChronoUnit.HOURS);
        LocalDateTime last = rows.get(rows.size() - 1).time().plusMinutes(stepMinutes);
        long hours = ChronoUnit.HOURS.between(start, last) + (last.equals(last.truncatedTo(ChronoUnit.HOURS)) ? 0 : 1);
        if (hours > MAX_HOURS) {
            throw new Refused(name + ": the rows span " + hours / 24 + " days, more than 20 years");
        }
        double[] counts = new double[(int) hours];
        for (Row row : rows) {
            spread(counts, start, row.time(), stepMinutes, row.count());
        }
        return new Arrivals(HourlySeries.of(start, counts), rows.size(), Duration.ofMinutes(stepMinutes));
    }

    /** Adds {@code count} to the hours that [from, from + minutes) overlaps, in proportion to the overlap. */
    private static void spread(double[] counts, LocalDateTime start, LocalDateTime from, long minutes, double count) {
        long offset = ChronoUnit.MINUTES.between(start, from);
        long end = offset + minutes;
        for (long m = offset; m < end; ) {
            long hourEnd = (m / 60 + 1) * 60;
            long upTo = Math.min(hourEnd, end);
            counts[(int) (m / 60)] += count * (upTo - m) / minutes;
            m = upTo;
        }
    }

    private static char delimiter(String header) {
        char best = ',';
        long most = header.chars().filter(c -> c == ',').count();
        for (char candidate : new char[]{';', '\t'}) {
            long n = header.chars().filter(c -> c == candidate).count();
            if (n > most) {
                most = n;
                best = candidate;
            }
        }
        return best;
    }

    private static List<String> fields(String line, CSVFormat format, String name, int lineNumber) throws Refused {
        try (CSVParser parser = CSVParser.parse(line, format)) {
            List<CSVRecord> records = parser.getRecords();
            if (records.size() != 1) {
                throw new Refused(name + " line " + lineNumber + ": not one CSV row");
            }
            return records.get(0).toList();
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new Refused(name + " line " + lineNumber + ": not a CSV row (" + e.getMessage() + ")");
        }
    }

    private static int column(List<String> header, String wanted, String option, String name) throws Refused {
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).equals(wanted)) {
                return i;
            }
        }
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).equalsIgnoreCase(wanted)) {
                return i;
            }
        }
        throw new Refused(name + " line 1: no column '" + wanted + "' (" + option + ") in the header " + header);
    }

    static LocalDateTime time(String text, ZoneId zone, String name, int lineNumber) throws Refused {
        String iso = text.length() > 10 && text.charAt(10) == ' ' ? text.substring(0, 10) + 'T' + text.substring(11) : text;
        try {
            if (iso.length() == 10) {
                return LocalDate.parse(iso).atStartOfDay();
            }
            if (iso.endsWith("]")) {
                return ZonedDateTime.parse(iso).withZoneSameInstant(zone).toLocalDateTime();
            }
            if (hasOffset(iso)) {
                return OffsetDateTime.parse(iso).atZoneSameInstant(zone).toLocalDateTime();
            }
            return LocalDateTime.parse(iso);
        } catch (DateTimeParseException e) {
            throw new Refused(name + " line " + lineNumber + ": timestamp '" + text
                    + "' is not an ISO-8601 date-time such as 2025-03-03T09:00 or 2025-03-03T09:00+03:00");
        }
    }

    /** An offset after the time part: Z, or + or − after the 'T'. */
    private static boolean hasOffset(String iso) {
        int t = iso.indexOf('T');
        if (t < 0) {
            return false;
        }
        String time = iso.substring(t + 1);
        return time.endsWith("Z") || time.endsWith("z") || time.indexOf('+') >= 0 || time.indexOf('-') >= 0;
    }

    private static double count(String text, String name, int lineNumber) throws Refused {
        if (COUNT.matcher(text).matches()) {
            return Double.parseDouble(text);
        }
        if (text.startsWith("-") && COUNT.matcher(text.substring(1)).matches()) {
            throw new Refused(name + " line " + lineNumber + ": count '" + text + "' is negative");
        }
        throw new Refused(name + " line " + lineNumber + ": count '" + text + "' is not a number");
    }
}
