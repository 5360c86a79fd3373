package io.linia.quality.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The period of a measures page as its URL gives it, so a view can be bookmarked: a preset {@code days} (the last
 * so many days up to today, default 30) or {@code from}/{@code to} (dates, both included) in the desk's quality zone.
 * A bad value is kept with its message under its field's name; then nothing is computed.
 *
 * @param days  the preset in use (null when the dates were given)
 * @param first the first day (null when the parameters are bad)
 * @param last  the last day, included
 */
public record MeasurePeriod(Integer days, String fromText, String toText, LocalDate first, LocalDate last, ZoneId zone,
                            Map<String, String> errors) {

    public static final List<Integer> PRESETS = List.of(7, 30, 90);
    static final int DEFAULT_DAYS = 30;
    static final int MAX_DAYS = 3660;

    /** The message keys of the errors; the page turns them into text. */
    static MeasurePeriod parse(String days, String from, String to, LocalDate today, ZoneId zone) {
        Map<String, String> errors = new LinkedHashMap<>();
        boolean dated = !blank(from) || !blank(to);
        if (!dated) {
            int n = DEFAULT_DAYS;
            if (!blank(days)) {
                try {
                    n = Integer.parseInt(days.strip());
                } catch (NumberFormatException e) {
                    n = -1;
                }
                if (n < 1 || n > MAX_DAYS) {
                    errors.put("days", "quality.pages.error.days");
                    return new MeasurePeriod(null, null, null, null, null, zone, errors);
                }
            }
            return new MeasurePeriod(n, null, null, today.minusDays(n - 1L), today, zone, errors);
        }
        LocalDate a = date(from, "from", errors);
        LocalDate b = date(to, "to", errors);
        if (errors.isEmpty()) {
            if (a == null) {
                a = b.minusDays(DEFAULT_DAYS - 1L);
            }
            if (b == null) {
                b = today.isBefore(a) ? a : today;
            }
            if (b.isBefore(a)) {
                errors.put("to", "quality.pages.error.order");
            } else if (ChronoUnit.DAYS.between(a, b) + 1 > MAX_DAYS) {
                errors.put("to", "quality.pages.error.long");
            }
        }
        if (!errors.isEmpty()) {
            return new MeasurePeriod(null, from, to, null, null, zone, errors);
        }
        return new MeasurePeriod(null, a.toString(), b.toString(), a, b, zone, errors);
    }

    private static LocalDate date(String text, String field, Map<String, String> errors) {
        if (blank(text)) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            errors.put(field, "quality.pages.error.date");
            return null;
        }
    }

    public boolean valid() {
        return errors.isEmpty();
    }

    public Instant start() {
        return first.atStartOfDay(zone).toInstant();
    }

    /** The end, excluded: the day after the last one, 00:00. */
    public Instant end() {
        return last.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** The form's value of {@code from}: the first day shown, even under a preset. */
    public String fromValue() {
        return first != null ? first.toString() : fromText;
    }

    public String toValue() {
        return last != null ? last.toString() : toText;
    }

    /** The parameters that give this period again: the preset, or the dates. */
    public Map<String, String> params() {
        Map<String, String> p = new LinkedHashMap<>();
        if (days != null) {
            p.put("days", String.valueOf(days));
        } else {
            p.put("from", fromValue());
            p.put("to", toValue());
        }
        return p;
    }

    /** The exact dates (for drill-down links: the tickets behind a number stay the same tomorrow). */
    public Map<String, String> dates() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("from", first.toString());
        p.put("to", last.toString());
        return p;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
