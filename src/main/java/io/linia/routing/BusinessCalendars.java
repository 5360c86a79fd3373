package io.linia.routing;

import java.util.List;

/**
 * The business calendars, ready for maths: kept in memory, reloaded when one is saved (and every
 * minute, to see changes made on other nodes).
 */
public interface BusinessCalendars {

    /** @throws io.linia.shared.DomainException not found when there is no such calendar */
    BusinessCalendar byId(long id);

    /** The calendar of targets that name none (seeded: «Поддержка (Москва)»). */
    BusinessCalendar defaultCalendar();

    /** All calendars, by name. */
    List<CalendarView> all();
}
