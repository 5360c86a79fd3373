package io.linia.routing.calendar;

import static io.linia.routing.calendar.Calendars.WEEKDAYS;
import static io.linia.routing.calendar.Calendars.week;
import static org.assertj.core.api.Assertions.assertThat;

import io.linia.routing.CalendarCommand;
import io.linia.routing.CalendarView.Hours;
import io.linia.shared.DomainException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What an administrator may enter for a calendar, and the refusals, each at its field. */
class CalendarCommandTest {

    @Test
    void hoursAreReadAsPeopleWriteThem() {
        assertThat(CalendarCommand.parseHours("f", "09:00–21:00")).containsExactly(new Hours(540, 1260));
        assertThat(CalendarCommand.parseHours("f", "14:00 - 18:00; 9:00-13:00")).containsExactly(new Hours(540, 780), new Hours(840, 1080));
        assertThat(CalendarCommand.parseHours("f", "09:00—13:00 14:00–18:00")).hasSize(2);
        assertThat(CalendarCommand.parseHours("f", "22:00–24:00")).containsExactly(new Hours(1320, 1440));
        assertThat(CalendarCommand.parseHours("f", "22:00–00:00")).containsExactly(new Hours(1320, 1440));
        assertThat(CalendarCommand.parseHours("f", "00:00–00:00")).containsExactly(new Hours(0, 1440));
        assertThat(CalendarCommand.parseHours("f", "  ")).isEmpty();
        assertThat(Hours.text(List.of(new Hours(540, 780), new Hours(1320, 1440)))).isEqualTo("09:00–13:00, 22:00–24:00");
    }

    @Test
    void unreadableBackwardsAndOverlappingHoursAreRefusedAtTheirDay() {
        Map<String, DomainException> problems = new CalendarCommand("Календарь", "Europe/Moscow",
                week("MONDAY", "9-21", "TUESDAY", "21:00–09:00", "WEDNESDAY", "09:00–13:00, 12:00–18:00",
                        "THURSDAY", "25:00–26:00", "FRIDAY", "10:00–10:00", "SATURDAY", "24:00–24:00"), List.of(), null).problems();

        assertThat(problems.get("week.MONDAY").messageKey()).isEqualTo("calendar.validation.hours");
        assertThat(problems.get("week.TUESDAY").messageKey()).isEqualTo("calendar.validation.backwards");
        assertThat(problems.get("week.WEDNESDAY").messageKey()).isEqualTo("calendar.validation.overlap");
        assertThat(problems.get("week.THURSDAY").messageKey()).isEqualTo("calendar.validation.hours");
        assertThat(problems.get("week.FRIDAY").messageKey()).isEqualTo("calendar.validation.backwards");
        assertThat(problems.get("week.SATURDAY").messageKey()).isEqualTo("calendar.validation.hours");
        assertThat(problems).doesNotContainKeys("name", "zone", "week", "week.SUNDAY");
        assertThat(problems.values()).allSatisfy(p -> assertThat(p.kind()).isEqualTo(DomainException.Kind.INVALID_INPUT));
    }

    @Test
    void aCalendarThatIsNeverOpenIsRefused() {
        Map<String, DomainException> problems = new CalendarCommand("Никогда", "Europe/Moscow", Map.of(),
                List.of(new CalendarCommand.Holiday(LocalDate.parse("2026-12-31"), "Один день", "10:00–18:00")), null).problems();

        assertThat(problems).containsOnlyKeys("week");
        assertThat(problems.get("week").messageKey()).isEqualTo("calendar.validation.neverOpen");
    }

    @Test
    void nameZoneAndHolidaysAreChecked() {
        Map<String, DomainException> problems = new CalendarCommand(" ", "Mars/Olympus", week(WEEKDAYS, "09:00–18:00"), List.of(
                new CalendarCommand.Holiday(LocalDate.parse("2026-05-01"), "Первомай", ""),
                new CalendarCommand.Holiday(LocalDate.parse("2026-05-01"), "", "18:00–10:00"),
                new CalendarCommand.Holiday(null, "Без даты", "")), null).problems();

        assertThat(problems).containsOnlyKeys("name", "zone", "holidays[1].date", "holidays[1].name", "holidays[1].hours", "holidays[2].date");
        assertThat(problems.get("zone").messageKey()).isEqualTo("calendar.validation.zone");
        assertThat(problems.get("holidays[1].date").messageKey()).isEqualTo("calendar.validation.dateTwice");
        assertThat(problems.get("holidays[2].date").messageKey()).isEqualTo("calendar.validation.date");
    }

    @Test
    void aBlankZoneIsMoscowAndHolidaysComeOutSorted() {
        CalendarCommand command = new CalendarCommand("Будни", "", week(WEEKDAYS, "09:00–18:00"), List.of(
                new CalendarCommand.Holiday(LocalDate.parse("2026-06-12"), " День России ", "10:00–18:00"),
                new CalendarCommand.Holiday(LocalDate.parse("2026-05-01"), "Первомай", "")), null);

        assertThat(command.problems()).isEmpty();
        assertThat(command.zoneId().getId()).isEqualTo("Europe/Moscow");
        assertThat(command.weekHours().get(DayOfWeek.SUNDAY)).isEmpty();
        assertThat(command.holidayList()).extracting(h -> h.date().toString(), h -> h.name(), h -> h.closed())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("2026-05-01", "Первомай", true),
                        org.assertj.core.groups.Tuple.tuple("2026-06-12", "День России", false));
    }
}
