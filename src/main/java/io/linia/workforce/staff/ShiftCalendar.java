package io.linia.workforce.staff;

import io.linia.routing.CalendarView;
import io.linia.workforce.DayKind;
import io.linia.workforce.ShiftSlot;
import io.linia.workforce.ShiftTemplate;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The desk's days as shift planning sees them: the kind of each date and the concrete shifts of a
 * span of dates, in the zone of a business calendar.
 *
 * <p>A date is {@link DayKind#WEEKEND_OR_HOLIDAY} when it is a Saturday or Sunday or one of the
 * calendar's holidays. Every holiday counts, closed or open with its own hours: the seeded calendar
 * gives each holiday 10:00–18:00, the hours of the weekend shift. The calendar's hours never move a
 * shift; the templates alone say when shifts run (a shortened day is a template's business, not the
 * calendar's).
 *
 * <p>Instants are exact across clock changes: a shift's start and end are wall times of the zone on
 * its date (an end of 00:00 is midnight at the end of the date). A wall time inside a spring gap is
 * read as the same time after the gap (02:30 in Berlin on 29 March 2026 is 03:30), one inside the
 * autumn overlap at the earlier offset (java.time's rule), so a 00:00–06:00 shift lasts 5 hours on the
 * spring day and 7 on the autumn one.
 */
public final class ShiftCalendar {

    private final ZoneId zone;
    private final Map<LocalDate, String> holidays;

    private ShiftCalendar(ZoneId zone, Map<LocalDate, String> holidays) {
        this.zone = zone;
        this.holidays = Map.copyOf(holidays);
    }

    /** The zone and the holidays of a stored business calendar. */
    public static ShiftCalendar of(CalendarView calendar) {
        Map<LocalDate, String> holidays = new HashMap<>();
        calendar.holidays().forEach(h -> holidays.put(h.date(), h.name()));
        return new ShiftCalendar(ZoneId.of(calendar.zone()), holidays);
    }

    /** Holiday names by date. */
    public static ShiftCalendar of(ZoneId zone, Map<LocalDate, String> holidays) {
        return new ShiftCalendar(zone, holidays);
    }

    public ZoneId zone() {
        return zone;
    }

    public DayKind dayKind(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY || holidays.containsKey(date)
                ? DayKind.WEEKEND_OR_HOLIDAY : DayKind.WEEKDAY;
    }

    /** The holiday's name when the date is one. */
    public Optional<String> holiday(LocalDate date) {
        return Optional.ofNullable(holidays.get(date));
    }

    /** Midnight at the start of the date in the zone (later than 00:00 where midnight falls in a gap). */
    public Instant startOf(LocalDate date) {
        return date.atStartOfDay(zone).toInstant();
    }

    /** The template on this date, whatever the date's kind. */
    public ShiftSlot slot(LocalDate date, ShiftTemplate template) {
        Instant start = at(date, template.start(), false);
        Instant end = at(date, template.end(), true);
        return new ShiftSlot(date, template.id(), start, end, dayKind(date));
    }

    /**
     * The active templates laid on every date from {@code from} to {@code toInclusive} by the date's
     * kind, ordered by date, start and template id; empty when {@code toInclusive} is before {@code from}.
     */
    public List<ShiftSlot> slots(List<ShiftTemplate> templates, LocalDate from, LocalDate toInclusive) {
        List<ShiftTemplate> ordered = templates.stream().filter(ShiftTemplate::active)
                .sorted(Comparator.comparing(ShiftTemplate::start).thenComparingLong(ShiftTemplate::id)).toList();
        List<ShiftSlot> slots = new ArrayList<>();
        for (LocalDate date = from; !date.isAfter(toInclusive); date = date.plusDays(1)) {
            DayKind kind = dayKind(date);
            for (ShiftTemplate template : ordered) {
                if (template.dayKind() == kind) {
                    slots.add(slot(date, template));
                }
            }
        }
        return slots;
    }

    private Instant at(LocalDate date, LocalTime time, boolean end) {
        if (end && time.equals(LocalTime.MIDNIGHT)) {
            return date.plusDays(1).atStartOfDay(zone).toInstant();
        }
        if (time.equals(LocalTime.MIDNIGHT)) {
            return date.atStartOfDay(zone).toInstant();
        }
        return ZonedDateTime.of(date, time, zone).toInstant();
    }
}
