package io.linia.workforce.staff;

import static org.assertj.core.api.Assertions.assertThat;

import io.linia.routing.CalendarView;
import io.linia.workforce.DayKind;
import io.linia.workforce.ShiftSlot;
import io.linia.workforce.ShiftTemplate;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Day kinds and concrete shifts from a business calendar: weekends and every holiday (closed or with
 * hours of its own) take the weekend templates; instants are exact across both clock changes of a
 * zone that has them (a test calendar in Berlin) and in Moscow, which has none.
 */
class ShiftCalendarTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    static final ShiftTemplate MORNING = new ShiftTemplate(1, "weekday-morning", "Утренняя", "Morning", DayKind.WEEKDAY,
            LocalTime.of(9, 0), LocalTime.of(15, 0), true);
    static final ShiftTemplate EVENING = new ShiftTemplate(2, "weekday-evening", "Вечерняя", "Evening", DayKind.WEEKDAY,
            LocalTime.of(15, 0), LocalTime.of(21, 0), true);
    static final ShiftTemplate WEEKEND = new ShiftTemplate(3, "weekend-day", "Дневная", "Day", DayKind.WEEKEND_OR_HOLIDAY,
            LocalTime.of(10, 0), LocalTime.of(18, 0), true);
    /** Through the night of the clock change: 00:00–06:00 on weekends. */
    static final ShiftTemplate NIGHT = new ShiftTemplate(4, "weekend-night", "Ночная", "Night", DayKind.WEEKEND_OR_HOLIDAY,
            LocalTime.MIDNIGHT, LocalTime.of(6, 0), true);
    /** Until midnight at the end of the day. */
    static final ShiftTemplate LATE = new ShiftTemplate(5, "weekend-late", "Поздняя", "Late", DayKind.WEEKEND_OR_HOLIDAY,
            LocalTime.of(18, 0), LocalTime.MIDNIGHT, true);
    static final ShiftTemplate RETIRED = new ShiftTemplate(6, "old", "Старая", "Old", DayKind.WEEKDAY,
            LocalTime.of(8, 0), LocalTime.of(14, 0), false);

    /** A Berlin desk: Easter Monday closed, Christmas Eve (a Thursday) open 09:00–12:00 only. */
    static CalendarView berlin() {
        return new CalendarView(77, "Test Berlin", "Europe/Berlin", false, 0,
                Map.of(DayOfWeek.MONDAY, List.of(new CalendarView.Hours(540, 1260))),
                List.of(new CalendarView.Holiday(LocalDate.of(2026, 4, 6), "Ostermontag", List.of()),
                        new CalendarView.Holiday(LocalDate.of(2026, 12, 24), "Heiligabend", List.of(new CalendarView.Hours(540, 720)))));
    }

    @Test
    void weekendsAndEveryHolidayWhateverItsHoursTakeTheWeekendTemplates() {
        ShiftCalendar calendar = ShiftCalendar.of(berlin());

        assertThat(calendar.zone()).isEqualTo(BERLIN);
        assertThat(calendar.dayKind(LocalDate.of(2026, 4, 3))).isEqualTo(DayKind.WEEKDAY); // Good Friday is no holiday here
        assertThat(calendar.dayKind(LocalDate.of(2026, 4, 4))).isEqualTo(DayKind.WEEKEND_OR_HOLIDAY);
        assertThat(calendar.dayKind(LocalDate.of(2026, 4, 6))).isEqualTo(DayKind.WEEKEND_OR_HOLIDAY); // closed holiday
        assertThat(calendar.dayKind(LocalDate.of(2026, 12, 24))).isEqualTo(DayKind.WEEKEND_OR_HOLIDAY); // holiday with its own hours
        assertThat(calendar.holiday(LocalDate.of(2026, 12, 24))).contains("Heiligabend");
        assertThat(calendar.holiday(LocalDate.of(2026, 12, 23))).isEmpty();

        List<ShiftSlot> easter = calendar.slots(List.of(MORNING, EVENING, WEEKEND, RETIRED), LocalDate.of(2026, 4, 3), LocalDate.of(2026, 4, 7));
        assertThat(easter).extracting(s -> s.date().getDayOfMonth() + "/" + s.templateId())
                .containsExactly("3/1", "3/2", "4/3", "5/3", "6/3", "7/1", "7/2");
        // the holiday's own hours (09:00–12:00) do not shape the shift: the template does
        ShiftSlot christmasEve = calendar.slots(List.of(MORNING, EVENING, WEEKEND), LocalDate.of(2026, 12, 24), LocalDate.of(2026, 12, 24))
                .get(0);
        assertThat(christmasEve.templateId()).isEqualTo(3);
        assertThat(christmasEve.dayKind()).isEqualTo(DayKind.WEEKEND_OR_HOLIDAY);
        assertThat(christmasEve.start()).isEqualTo(Instant.parse("2026-12-24T09:00:00Z"));
        assertThat(christmasEve.end()).isEqualTo(Instant.parse("2026-12-24T17:00:00Z"));
    }

    @Test
    void shiftsAcrossTheSpringClockChangeStartAtTheirWallTimesAndANightShiftLosesAnHour() {
        ShiftCalendar calendar = ShiftCalendar.of(berlin());
        // Sunday 29 March 2026: 02:00 CET becomes 03:00 CEST
        List<ShiftSlot> weekend = calendar.slots(List.of(WEEKEND, NIGHT, LATE, MORNING), LocalDate.of(2026, 3, 28), LocalDate.of(2026, 3, 30));

        assertThat(weekend).extracting(s -> s.date() + "/" + s.templateId()).containsExactly(
                "2026-03-28/4", "2026-03-28/3", "2026-03-28/5", "2026-03-29/4", "2026-03-29/3", "2026-03-29/5", "2026-03-30/1");
        ShiftSlot saturdayDay = weekend.get(1);
        assertThat(saturdayDay.start()).isEqualTo(Instant.parse("2026-03-28T09:00:00Z")); // 10:00 CET
        ShiftSlot sundayNight = weekend.get(3);
        assertThat(sundayNight.start()).isEqualTo(Instant.parse("2026-03-28T23:00:00Z")); // 00:00 CET
        assertThat(sundayNight.end()).isEqualTo(Instant.parse("2026-03-29T04:00:00Z"));   // 06:00 CEST
        assertThat(Duration.between(sundayNight.start(), sundayNight.end())).isEqualTo(Duration.ofHours(5));
        ShiftSlot sundayDay = weekend.get(4);
        assertThat(sundayDay.start()).isEqualTo(Instant.parse("2026-03-29T08:00:00Z")); // 10:00 CEST
        assertThat(Duration.between(sundayDay.start(), sundayDay.end())).isEqualTo(Duration.ofHours(8));
        ShiftSlot sundayLate = weekend.get(5);
        assertThat(sundayLate.end()).isEqualTo(Instant.parse("2026-03-29T22:00:00Z")); // midnight CEST at the end of Sunday
        ShiftSlot monday = weekend.get(6);
        assertThat(monday.start()).isEqualTo(Instant.parse("2026-03-30T07:00:00Z"));
        assertThat(monday.dayKind()).isEqualTo(DayKind.WEEKDAY);
    }

    @Test
    void aShiftInTheAutumnOverlapGainsAnHourAndAWallTimeInTheGapMovesPastIt() {
        ShiftCalendar calendar = ShiftCalendar.of(berlin());
        // Sunday 25 October 2026: 03:00 CEST becomes 02:00 CET
        ShiftSlot night = calendar.slot(LocalDate.of(2026, 10, 25), NIGHT);
        assertThat(night.start()).isEqualTo(Instant.parse("2026-10-24T22:00:00Z"));
        assertThat(night.end()).isEqualTo(Instant.parse("2026-10-25T05:00:00Z"));
        assertThat(Duration.between(night.start(), night.end())).isEqualTo(Duration.ofHours(7));
        ShiftSlot late = calendar.slot(LocalDate.of(2026, 10, 25), LATE);
        assertThat(late.start()).isEqualTo(Instant.parse("2026-10-25T17:00:00Z")); // 18:00 CET
        assertThat(late.end()).isEqualTo(Instant.parse("2026-10-25T23:00:00Z"));

        ShiftTemplate twoThirty = new ShiftTemplate(9, "gap", "Ночь", "Night", DayKind.WEEKEND_OR_HOLIDAY, LocalTime.of(2, 30),
                LocalTime.of(6, 0), true);
        ShiftSlot inGap = calendar.slot(LocalDate.of(2026, 3, 29), twoThirty);
        assertThat(inGap.start()).isEqualTo(Instant.parse("2026-03-29T01:30:00Z")); // read as 03:30 CEST
        assertThat(Duration.between(inGap.start(), inGap.end())).isEqualTo(Duration.ofMinutes(150));
    }

    @Test
    void moscowHasNoClockChangesAndItsHolidaysComeFromTheCalendar() {
        ShiftCalendar calendar = ShiftCalendar.of(ZoneId.of("Europe/Moscow"), Map.of(LocalDate.of(2026, 6, 12), "День России"));
        List<ShiftSlot> week = calendar.slots(List.of(MORNING, EVENING, WEEKEND), LocalDate.of(2026, 6, 8), LocalDate.of(2026, 6, 14));

        assertThat(week).hasSize(4 * 2 + 3); // Monday–Thursday two shifts, Friday (a holiday) to Sunday one
        assertThat(week).filteredOn(s -> s.date().equals(LocalDate.of(2026, 6, 12))).singleElement().satisfies(s -> {
            assertThat(s.templateId()).isEqualTo(3);
            assertThat(s.start()).isEqualTo(Instant.parse("2026-06-12T07:00:00Z"));
        });
        assertThat(week.get(0).start()).isEqualTo(Instant.parse("2026-06-08T06:00:00Z"));
        assertThat(week).allSatisfy(s -> assertThat(s.end()).isAfter(s.start()));
        assertThat(calendar.slots(List.of(MORNING), LocalDate.of(2026, 6, 8), LocalDate.of(2026, 6, 7))).isEmpty();
    }
}
