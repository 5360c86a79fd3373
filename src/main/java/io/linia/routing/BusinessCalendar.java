package io.linia.routing;

import io.linia.routing.CalendarView.Hours;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Business time of one calendar: weekly opening hours, holidays with no or their own hours, in the
 * calendar's time zone. Immutable and cheap: the maths steps day by day over a precomputed week
 * (never minute by minute), so a span of n days costs O(n).
 *
 * <p>Exactness: opening hours are wall-clock times of the zone, and the business time of an interval
 * is the real time between its two instants. On a day when clocks go forward, 00:00–24:00 holds 23
 * hours; on the day they go back, 25. A wall time inside the spring gap is read as the same time
 * after the gap (02:30 in Berlin on 29 March 2026 is 03:30), one inside the autumn overlap at the
 * earlier offset (java.time's rule). An interval that ends at 24:00 ends at the start of the next day.
 */
public final class BusinessCalendar {

    private static final int DAY_MINUTES = 24 * 60;
    /** Scanning gives up after this many days in a row without open time (a calendar with weekly hours never gets that far). */
    private static final int MAX_CLOSED_DAYS = 366 * 8;

    private final long id;
    private final String name;
    private final ZoneId zone;
    private final boolean always;
    /** minutes [from, to) per weekday, index DayOfWeek.ordinal(); sorted, not overlapping */
    private final int[][] week;
    private final Map<LocalDate, int[]> holidays;
    private final LocalDate lastHoliday;
    private final boolean weeklyOpen;

    private BusinessCalendar(long id, String name, ZoneId zone, boolean always, int[][] week, Map<LocalDate, int[]> holidays) {
        this.id = id;
        this.name = name;
        this.zone = zone;
        this.always = always;
        this.week = week;
        this.holidays = holidays;
        this.lastHoliday = holidays.keySet().stream().max(LocalDate::compareTo).orElse(LocalDate.MIN);
        boolean open = false;
        for (int[] day : week) {
            open |= day.length > 0;
        }
        this.weeklyOpen = open;
    }

    /** The maths of a stored calendar. A calendar without weekly hours is allowed here, but its searches for open time fail (see {@link #plus}). */
    public static BusinessCalendar of(CalendarView view) {
        int[][] week = new int[7][];
        for (DayOfWeek day : DayOfWeek.values()) {
            week[day.ordinal()] = minutes(view.hours(day));
        }
        Map<LocalDate, int[]> holidays = new HashMap<>();
        for (CalendarView.Holiday h : view.holidays()) {
            holidays.put(h.date(), minutes(h.hours()));
        }
        return new BusinessCalendar(view.id(), view.name(), ZoneId.of(view.zone()), false, week, Map.copyOf(holidays));
    }

    /** Open all the time (24×7), for targets in calendar time. */
    public static BusinessCalendar always(ZoneId zone) {
        int[][] week = new int[7][];
        for (int i = 0; i < 7; i++) {
            week[i] = new int[]{0, DAY_MINUTES};
        }
        return new BusinessCalendar(0, "24×7", zone, true, week, Map.of());
    }

    private static int[] minutes(List<Hours> hours) {
        int[] flat = new int[hours.size() * 2];
        List<Hours> sorted = hours.stream().sorted(java.util.Comparator.comparingInt(Hours::fromMinute)).toList();
        for (int i = 0; i < sorted.size(); i++) {
            flat[2 * i] = sorted.get(i).fromMinute();
            flat[2 * i + 1] = sorted.get(i).toMinute();
            if (i > 0 && flat[2 * i] < flat[2 * i - 1]) {
                throw new IllegalArgumentException("overlapping opening hours " + sorted.get(i - 1).text() + ", " + sorted.get(i).text());
            }
        }
        return flat;
    }

    public long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public ZoneId zone() {
        return zone;
    }

    public boolean isOpen(Instant at) {
        if (always) {
            return true;
        }
        LocalDate date = LocalDate.ofInstant(at, zone);
        int[] day = openMinutes(date);
        for (int i = 0; i < day.length; i += 2) {
            Instant from = instant(date, day[i]);
            if (at.isBefore(from)) {
                return false;
            }
            if (at.isBefore(instant(date, day[i + 1]))) {
                return true;
            }
        }
        return false;
    }

    /** Business time in [from, to); zero when {@code to} is not after {@code from}. */
    public Duration between(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        if (always) {
            return Duration.between(from, to);
        }
        long seconds = 0;
        long nanos = 0;
        LocalDate last = LocalDate.ofInstant(to, zone);
        for (LocalDate date = LocalDate.ofInstant(from, zone); !date.isAfter(last); date = date.plusDays(1)) {
            int[] day = openMinutes(date);
            for (int i = 0; i < day.length; i += 2) {
                Instant start = max(instant(date, day[i]), from);
                Instant end = min(instant(date, day[i + 1]), to);
                if (end.isAfter(start)) {
                    Duration d = Duration.between(start, end);
                    seconds += d.getSeconds();
                    nanos += d.getNano();
                }
            }
        }
        return Duration.ofSeconds(seconds, nanos);
    }

    /**
     * The instant when {@code business} of open time has passed after {@code from}: {@code from} itself
     * for zero; when the time runs out exactly at a closing, that closing (not the next opening).
     * So {@code between(from, plus(from, d)) == d} always.
     *
     * @throws IllegalArgumentException for a negative duration
     * @throws IllegalStateException when the calendar has no open time to give (no weekly hours)
     */
    public Instant plus(Instant from, Duration business) {
        if (business.isNegative()) {
            throw new IllegalArgumentException("negative business time " + business);
        }
        if (business.isZero()) {
            return from;
        }
        if (always) {
            return from.plus(business);
        }
        Duration left = business;
        LocalDate date = LocalDate.ofInstant(from, zone);
        for (int closedDays = 0; ; date = date.plusDays(1)) {
            int[] day = openMinutes(date);
            boolean open = false;
            for (int i = 0; i < day.length; i += 2) {
                Instant end = instant(date, day[i + 1]);
                if (!end.isAfter(from)) {
                    continue;
                }
                Instant start = max(instant(date, day[i]), from);
                Duration available = Duration.between(start, end);
                if (left.compareTo(available) <= 0) {
                    return start.plus(left);
                }
                left = left.minus(available);
                open |= !available.isZero();
            }
            closedDays = open ? 0 : closedDays + 1;
            guard(date, closedDays);
        }
    }

    /**
     * The end of the n-th open day, for targets in business days ("within 5 business days"). An open
     * day is a local date with some opening hours (a holiday with its own hours counts). The day of
     * {@code from} counts as the first when it still has open time after {@code from} (from is before
     * its last closing); otherwise counting starts with the next open day. The answer is that n-th
     * day's last closing. Zero days: {@code from} itself.
     *
     * @throws IllegalArgumentException for a negative number
     * @throws IllegalStateException when the calendar has no open time to give
     */
    public Instant plusDays(Instant from, int businessDays) {
        if (businessDays < 0) {
            throw new IllegalArgumentException("negative business days " + businessDays);
        }
        if (businessDays == 0) {
            return from;
        }
        int counted = 0;
        LocalDate date = LocalDate.ofInstant(from, zone);
        for (int closedDays = 0; ; date = date.plusDays(1)) {
            int[] day = openMinutes(date);
            boolean open = false;
            if (day.length > 0) {
                Instant close = instant(date, day[day.length - 1]);
                if (close.isAfter(from)) {
                    open = true;
                    if (++counted == businessDays) {
                        return close;
                    }
                }
            }
            closedDays = open ? 0 : closedDays + 1;
            guard(date, closedDays);
        }
    }

    /**
     * The first open instant at or after {@code from}: {@code from} itself when open.
     *
     * @throws IllegalStateException when the calendar has no open time to give
     */
    public Instant nextOpening(Instant from) {
        if (always) {
            return from;
        }
        LocalDate date = LocalDate.ofInstant(from, zone);
        for (int closedDays = 1; ; date = date.plusDays(1), closedDays++) {
            int[] day = openMinutes(date);
            for (int i = 0; i < day.length; i += 2) {
                Instant end = instant(date, day[i + 1]);
                if (end.isAfter(from)) {
                    Instant start = instant(date, day[i]);
                    if (end.isAfter(start)) { // an interval swallowed whole by a DST gap is no opening
                        return max(start, from);
                    }
                }
            }
            guard(date, closedDays);
        }
    }

    /** Stops a search for open time that cannot succeed: past the last holiday a calendar without weekly hours is never open. */
    private void guard(LocalDate date, int closedDays) {
        if ((!weeklyOpen && !date.isBefore(lastHoliday)) || closedDays > MAX_CLOSED_DAYS) {
            throw new IllegalStateException("business calendar " + id + " (" + name + ") has no open time after " + date);
        }
    }

    private int[] openMinutes(LocalDate date) {
        int[] special = holidays.get(date);
        return special != null ? special : week[date.getDayOfWeek().ordinal()];
    }

    private Instant instant(LocalDate date, int minute) {
        if (minute == DAY_MINUTES) {
            return date.plusDays(1).atStartOfDay(zone).toInstant();
        }
        if (minute == 0) {
            return date.atStartOfDay(zone).toInstant();
        }
        return ZonedDateTime.of(date, LocalTime.of(minute / 60, minute % 60), zone).toInstant();
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    @Override
    public String toString() {
        return "BusinessCalendar[" + id + ", " + name + ", " + zone + "]";
    }
}
