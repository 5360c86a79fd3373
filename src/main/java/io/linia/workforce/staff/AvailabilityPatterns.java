package io.linia.workforce.staff;

import io.linia.workforce.Availability;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Quick ways to fill an availability grid, applied to the grid as it stands (saved with it):
 * a weekly pattern ("Tuesday mornings: unavailable — lectures") and "every week like the first".
 */
public final class AvailabilityPatterns {

    /** On these weekdays, this template ({@code null}: every shift of the day), this availability. */
    public record Pattern(Set<DayOfWeek> days, Long templateId, Availability availability) {

        public Pattern {
            days = days.isEmpty() ? Set.of() : EnumSet.copyOf(days);
        }
    }

    private AvailabilityPatterns() {
    }

    /** Sets every shift of the grid the pattern covers; returns how many it covers. */
    public static int apply(List<SheetView.Cell> shifts, Map<ShiftKey, Availability> grid, Pattern pattern) {
        int covered = 0;
        for (SheetView.Cell shift : shifts) {
            if (pattern.days().contains(shift.date().getDayOfWeek())
                    && (pattern.templateId() == null || pattern.templateId() == shift.templateId())) {
                grid.put(new ShiftKey(shift.date(), shift.templateId()), pattern.availability());
                covered++;
            }
        }
        return covered;
    }

    /**
     * Every later week takes the first week's answers, shift by shift: a date copies the same weekday of
     * the first week for each shift both dates have. Where they differ in kind (a holiday on a weekday in
     * one of the weeks) the date keeps its own answers. Returns how many shifts were copied.
     */
    public static int copyFirstWeek(List<SheetView.Cell> shifts, Map<ShiftKey, Availability> grid, LocalDate firstDay) {
        Set<ShiftKey> present = new HashSet<>();
        shifts.forEach(s -> present.add(new ShiftKey(s.date(), s.templateId())));
        int copied = 0;
        for (SheetView.Cell shift : shifts) {
            long offset = shift.date().toEpochDay() - firstDay.toEpochDay();
            if (offset < 7) {
                continue;
            }
            ShiftKey source = new ShiftKey(firstDay.plusDays(offset % 7), shift.templateId());
            if (present.contains(source)) {
                grid.put(new ShiftKey(shift.date(), shift.templateId()), grid.getOrDefault(source, Availability.AVAILABLE));
                copied++;
            }
        }
        return copied;
    }
}
