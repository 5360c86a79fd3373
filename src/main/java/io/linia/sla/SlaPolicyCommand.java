package io.linia.sla;

import io.linia.shared.CleanText;
import io.linia.tickets.Line;
import io.linia.tickets.Priority;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A policy as an admin enters it; at least one target; resolution in minutes or in business days, not both. */
public record SlaPolicyCommand(
        @NotBlank @Size(max = 120) @CleanText String name,
        @NotNull Line line,
        Long groupId,
        Priority priority,
        Long categoryId,
        @Min(1) @Max(525600) Integer firstResponseMinutes,
        @Min(1) @Max(525600) Integer nextResponseMinutes,
        @Min(1) @Max(525600) Integer resolutionMinutes,
        @Min(1) @Max(365) Integer resolutionDays,
        boolean businessTime,
        Long calendarId,
        boolean raisePriority,
        Long moveToGroupId,
        boolean active,
        Long version) {
}
