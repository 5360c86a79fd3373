package io.linia.workforce.staff;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A planner opens a planning period: whole weeks ({@link PlanningPeriods#MIN_WEEKS}–{@link PlanningPeriods#MAX_WEEKS})
 * from a Monday, with the moment agents must have entered their availability by (in the future, before
 * the period starts). Field names in refusals: {@code firstDay}, {@code weeks}, {@code availabilityDue}.
 */
public record PeriodCommand(
        @Schema(description = "A Monday after today", example = "2026-12-07") LocalDate firstDay,
        @Schema(description = "Whole weeks, 2 to 6", example = "4") Integer weeks,
        @Schema(description = "Availability is due by then; an offset is required", example = "2026-12-02T18:00:00+03:00")
        OffsetDateTime availabilityDue) {
}
