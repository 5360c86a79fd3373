package io.linia.workforce.staff;

import io.linia.routing.BusinessCalendar;
import io.linia.routing.BusinessCalendars;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The calendar shifts are planned in: the zone and holidays of the routing module's default business
 * calendar (seeded «Поддержка (Москва)», Europe/Moscow), read afresh each time from its in-memory copy,
 * so a holiday added on the calendar page shows in the grids at once.
 */
@Component
public class PlanningCalendar {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    private final BusinessCalendars calendars;
    private final Clock clock;

    PlanningCalendar(BusinessCalendars calendars, Clock clock) {
        this.calendars = calendars;
        this.clock = clock;
    }

    public ShiftCalendar current() {
        BusinessCalendar calendar = calendars.defaultCalendar();
        return calendars.all().stream().filter(v -> v.id() == calendar.id()).findFirst()
                .map(ShiftCalendar::of)
                // no calendar stored at all: the default zone, no holidays
                .orElseGet(() -> ShiftCalendar.of(calendar.zone(), Map.of()));
    }

    /** Today in the planning zone. */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), current().zone());
    }

    /** {@code 02.12.2026 18:00 (Europe/Moscow)}: a moment in the planning zone, for refusals. */
    public String format(java.time.Instant instant) {
        ShiftCalendar calendar = current();
        return TIME.format(instant.atZone(calendar.zone())) + " (" + calendar.zone().getId() + ")";
    }
}
