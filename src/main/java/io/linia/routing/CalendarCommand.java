package io.linia.routing;

import io.linia.routing.CalendarView.Hours;
import io.linia.shared.DomainException;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an administrator enters for a business calendar. Opening hours are written as people write
 * them: {@code 09:00–21:00}, several separated by commas ({@code 09:00–13:00, 14:00–18:00}), empty
 * for a closed day; an interval may end at {@code 24:00}, and {@code 00:00} as an end means the same
 * (midnight of the next day). A holiday with empty hours is closed. {@code version} is the one the
 * form was opened with (a stale form is refused); null for a new calendar.
 *
 * <p>Field names in refusals: {@code name}, {@code zone}, {@code week.MONDAY} … {@code week.SUNDAY},
 * {@code week} (no open time at all), {@code holidays[i].date|name|hours}.
 */
public record CalendarCommand(String name, String zone, Map<DayOfWeek, String> week, List<Holiday> holidays, Long version) {

    public static final int MAX_NAME = 120;
    private static final Pattern INTERVAL = Pattern.compile("(\\d{1,2}):(\\d{2})\\s*[-–—]\\s*(\\d{1,2}):(\\d{2})");

    public CalendarCommand {
        week = week == null ? Map.of() : Map.copyOf(week);
        holidays = holidays == null ? List.of() : List.copyOf(holidays);
    }

    /** A holiday as entered; {@code hours} blank: closed all day. */
    public record Holiday(LocalDate date, String name, String hours) {
    }

    /** Every refusal of this command by field, in the form's order; empty when it can be saved (name uniqueness and version aside). */
    public Map<String, DomainException> problems() {
        Map<String, DomainException> problems = new LinkedHashMap<>();
        if (name == null || name.isBlank()) {
            problems.put("name", DomainException.invalid("name", "calendar.validation.nameRequired"));
        } else if (name.strip().length() > MAX_NAME) {
            problems.put("name", DomainException.invalid("name", "calendar.validation.nameLong", MAX_NAME));
        }
        try {
            zoneId();
        } catch (DomainException e) {
            problems.put("zone", e);
        }
        boolean open = false;
        for (DayOfWeek day : DayOfWeek.values()) {
            String field = "week." + day;
            try {
                open |= !parseHours(field, week.get(day)).isEmpty();
            } catch (DomainException e) {
                problems.put(field, e);
                open = true; // the day's own error says enough
            }
        }
        if (!open) {
            // holidays are finite: without weekly hours the calendar is almost never open, and "due" never comes
            problems.put("week", DomainException.invalid("week", "calendar.validation.neverOpen"));
        }
        Set<LocalDate> seen = new HashSet<>();
        for (int i = 0; i < holidays.size(); i++) {
            Holiday h = holidays.get(i);
            String field = "holidays[" + i + "].";
            if (h.date() == null) {
                problems.put(field + "date", DomainException.invalid(field + "date", "calendar.validation.date"));
            } else if (!seen.add(h.date())) {
                problems.put(field + "date", DomainException.invalid(field + "date", "calendar.validation.dateTwice", h.date().toString()));
            }
            if (h.name() == null || h.name().isBlank()) {
                problems.put(field + "name", DomainException.invalid(field + "name", "calendar.validation.holidayName"));
            } else if (h.name().strip().length() > MAX_NAME) {
                problems.put(field + "name", DomainException.invalid(field + "name", "calendar.validation.nameLong", MAX_NAME));
            }
            try {
                parseHours(field + "hours", h.hours());
            } catch (DomainException e) {
                problems.put(field + "hours", e);
            }
        }
        return problems;
    }

    /** The zone; refused at {@code zone} when unknown. Blank means the default, Europe/Moscow. */
    public ZoneId zoneId() {
        if (zone == null || zone.isBlank()) {
            return ZoneId.of("Europe/Moscow");
        }
        try {
            return ZoneId.of(zone.strip());
        } catch (DateTimeException e) {
            throw DomainException.invalid("zone", "calendar.validation.zone", zone.strip());
        }
    }

    public Map<DayOfWeek, List<Hours>> weekHours() {
        Map<DayOfWeek, List<Hours>> hours = new LinkedHashMap<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            hours.put(day, parseHours("week." + day, week.get(day)));
        }
        return hours;
    }

    public List<CalendarView.Holiday> holidayList() {
        List<CalendarView.Holiday> list = new ArrayList<>();
        for (int i = 0; i < holidays.size(); i++) {
            Holiday h = holidays.get(i);
            list.add(new CalendarView.Holiday(h.date(), h.name().strip(), parseHours("holidays[" + i + "].hours", h.hours())));
        }
        list.sort(Comparator.comparing(CalendarView.Holiday::date));
        return list;
    }

    /**
     * {@code 09:00–13:00, 14:00–18:00} → sorted intervals; blank → none (closed). Refused at
     * {@code field} when unreadable, empty ({@code 10:00–10:00}), backwards, or overlapping.
     */
    public static List<Hours> parseHours(String field, String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        List<Hours> hours = new ArrayList<>();
        for (String part : text.strip().split("\\s*[,;]\\s*|\\s+(?=\\d{1,2}:\\d{2}\\s*[-–—])")) {
            if (part.isBlank()) {
                continue;
            }
            Matcher m = INTERVAL.matcher(part.strip());
            if (!m.matches()) {
                throw DomainException.invalid(field, "calendar.validation.hours", part.strip());
            }
            int from = minute(m.group(1), m.group(2), false);
            int to = minute(m.group(3), m.group(4), true);
            if (from < 0 || to < 0) {
                throw DomainException.invalid(field, "calendar.validation.hours", part.strip());
            }
            if (from >= to) {
                throw DomainException.invalid(field, "calendar.validation.backwards", part.strip());
            }
            hours.add(new Hours(from, to));
        }
        hours.sort(Comparator.comparingInt(Hours::fromMinute));
        for (int i = 1; i < hours.size(); i++) {
            if (hours.get(i).fromMinute() < hours.get(i - 1).toMinute()) {
                throw DomainException.invalid(field, "calendar.validation.overlap", hours.get(i - 1).text(), hours.get(i).text());
            }
        }
        return hours;
    }

    /** Minutes since midnight, -1 when not a time; as an end, 00:00 and 24:00 mean midnight at the end of the day. */
    private static int minute(String h, String m, boolean end) {
        int hour = Integer.parseInt(h);
        int minute = Integer.parseInt(m);
        if (minute > 59 || hour > 24 || (hour == 24 && (minute != 0 || !end))) {
            return -1;
        }
        int total = hour * 60 + minute;
        return end && total == 0 ? 24 * 60 : total;
    }
}
