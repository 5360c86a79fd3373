package io.linia.routing.calendar;

import io.linia.routing.BusinessCalendar;
import io.linia.routing.CalendarCommand;
import io.linia.routing.CalendarView;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Calendars for the unit tests, built through the same command the admin page sends. */
final class Calendars {

    static final String WEEKDAYS = "MONDAY TUESDAY WEDNESDAY THURSDAY FRIDAY";
    static final String WEEKEND = "SATURDAY SUNDAY";
    /** Russian non-working days of 2026, as in V6__business_calendars.sql */
    static final List<String> HOLIDAYS_2026 = List.of("2026-01-01", "2026-01-02", "2026-01-03", "2026-01-04", "2026-01-05",
            "2026-01-06", "2026-01-07", "2026-01-08", "2026-01-09", "2026-01-10", "2026-01-11", "2026-02-23", "2026-03-08",
            "2026-03-09", "2026-05-01", "2026-05-09", "2026-05-11", "2026-06-12", "2026-11-04", "2026-12-31");

    private Calendars() {
    }

    /** The seeded «Поддержка (Москва)»: weekdays 9–21, one 8-hour shift 10–18 on weekends and holidays. */
    static BusinessCalendar support() {
        return build("Europe/Moscow", week(WEEKDAYS, "09:00–21:00", WEEKEND, "10:00–18:00"), holidays(HOLIDAYS_2026, "10:00–18:00"));
    }

    /** The seeded «Вторая линия, будни»: weekdays 9–18, closed on holidays. */
    static BusinessCalendar secondLine() {
        return build("Europe/Moscow", week(WEEKDAYS, "09:00–18:00"), holidays(HOLIDAYS_2026, ""));
    }

    static Map<DayOfWeek, String> week(String... daysAndHours) {
        Map<DayOfWeek, String> week = new EnumMap<>(DayOfWeek.class);
        for (int i = 0; i < daysAndHours.length; i += 2) {
            for (String day : daysAndHours[i].split(" ")) {
                week.put(DayOfWeek.valueOf(day), daysAndHours[i + 1]);
            }
        }
        return week;
    }

    static List<CalendarCommand.Holiday> holidays(List<String> dates, String hours) {
        List<CalendarCommand.Holiday> list = new ArrayList<>();
        for (String date : dates) {
            list.add(new CalendarCommand.Holiday(LocalDate.parse(date), "Праздник", hours));
        }
        return list;
    }

    static BusinessCalendar build(String zone, Map<DayOfWeek, String> week, List<CalendarCommand.Holiday> holidays) {
        CalendarCommand command = new CalendarCommand("test", zone, week, holidays, null);
        if (!command.problems().isEmpty()) {
            throw new IllegalArgumentException(command.problems().toString());
        }
        return BusinessCalendar.of(new CalendarView(7, "test", command.zoneId().getId(), false, 0, command.weekHours(), command.holidayList()));
    }
}
