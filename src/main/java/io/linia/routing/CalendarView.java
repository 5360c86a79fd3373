package io.linia.routing;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A business calendar as stored: weekly opening hours per weekday and the holidays (closed, or open
 * with their own hours), in the calendar's time zone. {@link BusinessCalendar#of(CalendarView)} turns
 * it into the maths.
 */
public record CalendarView(long id, String name, String zone, boolean defaultCalendar, long version,
                           Map<DayOfWeek, List<Hours>> week, List<Holiday> holidays) {

    public CalendarView {
        week = Map.copyOf(week);
        holidays = List.copyOf(holidays);
    }

    /** The opening hours of one weekday (empty: closed). */
    public List<Hours> hours(DayOfWeek day) {
        return week.getOrDefault(day, List.of());
    }

    /** {@code 09:00–13:00, 14:00–18:00}; empty when closed. */
    public String hoursText(DayOfWeek day) {
        return Hours.text(hours(day));
    }

    public List<Holiday> holidaysOf(int year) {
        return holidays.stream().filter(h -> h.date().getYear() == year).toList();
    }

    /**
     * Open from {@code fromMinute} to {@code toMinute} of the local day (minutes since midnight,
     * 0 ≤ from < to ≤ 1440). 1440 is midnight at the end of the day, written {@code 24:00} or
     * {@code 00:00} as the end of an interval ("22:00–00:00" runs to midnight of the next day).
     */
    public record Hours(int fromMinute, int toMinute) {

        public Hours {
            if (fromMinute < 0 || toMinute > 24 * 60 || fromMinute >= toMinute) {
                throw new IllegalArgumentException("opening hours " + fromMinute + "–" + toMinute);
            }
        }

        /** {@code 09:00–21:00}; the end of the day is shown as {@code 24:00}. */
        public String text() {
            return clock(fromMinute) + "–" + clock(toMinute);
        }

        private static String clock(int minute) {
            return String.format("%02d:%02d", minute / 60, minute % 60);
        }

        public static String text(List<Hours> hours) {
            return hours.stream().map(Hours::text).collect(Collectors.joining(", "));
        }
    }

    /** A day that is not an ordinary one: closed when {@code hours} is empty, else open only at those hours. */
    public record Holiday(LocalDate date, String name, List<Hours> hours) {

        public Holiday {
            hours = List.copyOf(hours);
        }

        public boolean closed() {
            return hours.isEmpty();
        }
    }
}
