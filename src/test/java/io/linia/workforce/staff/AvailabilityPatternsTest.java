package io.linia.workforce.staff;

import static org.assertj.core.api.Assertions.assertThat;

import io.linia.workforce.Availability;
import io.linia.workforce.ShiftSlot;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The grid's quick fills: a weekly pattern, and every week like the first (a holiday keeps its own answers). */
class AvailabilityPatternsTest {

    static final LocalDate MONDAY = LocalDate.of(2026, 6, 1);

    /** Three weeks from 1 June 2026 in Moscow; 12 June (the second Friday) is a holiday. */
    static List<SheetView.Cell> shifts() {
        ShiftCalendar calendar = ShiftCalendar.of(ZoneId.of("Europe/Moscow"), Map.of(LocalDate.of(2026, 6, 12), "День России"));
        List<ShiftSlot> slots = calendar.slots(List.of(ShiftCalendarTest.MORNING, ShiftCalendarTest.EVENING, ShiftCalendarTest.WEEKEND),
                MONDAY, MONDAY.plusWeeks(3).minusDays(1));
        return slots.stream().map(s -> new SheetView.Cell(s.date(), s.templateId(), s.start(), s.end(), s.dayKind(), Availability.AVAILABLE))
                .toList();
    }

    @Test
    void tuesdayMorningsUnavailableCoversEveryTuesdayMorningAndNothingElse() {
        Map<ShiftKey, Availability> grid = new HashMap<>();

        int covered = AvailabilityPatterns.apply(shifts(), grid, new AvailabilityPatterns.Pattern(Set.of(DayOfWeek.TUESDAY), 1L,
                Availability.UNAVAILABLE));

        assertThat(covered).isEqualTo(3);
        assertThat(grid).containsOnlyKeys(new ShiftKey(LocalDate.of(2026, 6, 2), 1), new ShiftKey(LocalDate.of(2026, 6, 9), 1),
                new ShiftKey(LocalDate.of(2026, 6, 16), 1));
        assertThat(grid.values()).containsOnly(Availability.UNAVAILABLE);
    }

    @Test
    void weekendsPreferredTakesTheWeekendShiftAndAllShiftsOfADayTakeBoth() {
        Map<ShiftKey, Availability> grid = new HashMap<>();
        int weekends = AvailabilityPatterns.apply(shifts(), grid, new AvailabilityPatterns.Pattern(
                EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), null, Availability.PREFERRED));
        int fridays = AvailabilityPatterns.apply(shifts(), grid, new AvailabilityPatterns.Pattern(Set.of(DayOfWeek.FRIDAY), null,
                Availability.UNAVAILABLE));

        assertThat(weekends).isEqualTo(6);
        // two ordinary Fridays with two shifts each, and the holiday Friday with its one weekend shift
        assertThat(fridays).isEqualTo(5);
        assertThat(grid.get(new ShiftKey(LocalDate.of(2026, 6, 12), 3))).isEqualTo(Availability.UNAVAILABLE);
        assertThat(grid.get(new ShiftKey(LocalDate.of(2026, 6, 13), 3))).isEqualTo(Availability.PREFERRED);
    }

    @Test
    void everyWeekLikeTheFirstCopiesShiftByShiftAndLeavesAHolidayItsOwnAnswers() {
        Map<ShiftKey, Availability> grid = new HashMap<>();
        grid.put(new ShiftKey(LocalDate.of(2026, 6, 2), 1), Availability.UNAVAILABLE);   // Tuesday morning: lectures
        grid.put(new ShiftKey(LocalDate.of(2026, 6, 5), 2), Availability.PREFERRED);     // Friday evening
        grid.put(new ShiftKey(LocalDate.of(2026, 6, 6), 3), Availability.PREFERRED);     // Saturday
        grid.put(new ShiftKey(LocalDate.of(2026, 6, 12), 3), Availability.UNAVAILABLE);  // the holiday: away
        grid.put(new ShiftKey(LocalDate.of(2026, 6, 17), 2), Availability.UNAVAILABLE);  // a third-week answer the copy replaces

        int copied = AvailabilityPatterns.copyFirstWeek(shifts(), grid, MONDAY);

        // week three: all 12 shifts; week two: 10 (its holiday Friday has only the weekend shift, which the first Friday lacks)
        assertThat(copied).isEqualTo(12 + 10);
        assertThat(grid.get(new ShiftKey(LocalDate.of(2026, 6, 9), 1))).isEqualTo(Availability.UNAVAILABLE);
        assertThat(grid.get(new ShiftKey(LocalDate.of(2026, 6, 16), 1))).isEqualTo(Availability.UNAVAILABLE);
        assertThat(grid.get(new ShiftKey(LocalDate.of(2026, 6, 19), 2))).isEqualTo(Availability.PREFERRED);
        assertThat(grid.get(new ShiftKey(LocalDate.of(2026, 6, 20), 3))).isEqualTo(Availability.PREFERRED);
        assertThat(grid.get(new ShiftKey(LocalDate.of(2026, 6, 17), 2))).isEqualTo(Availability.AVAILABLE);
        assertThat(grid.get(new ShiftKey(LocalDate.of(2026, 6, 12), 3))).isEqualTo(Availability.UNAVAILABLE);
        assertThat(grid).doesNotContainKey(new ShiftKey(LocalDate.of(2026, 6, 12), 2));
    }
}
