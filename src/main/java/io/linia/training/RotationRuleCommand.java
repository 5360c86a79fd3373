package io.linia.training;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * "After {@code monthsAfter} months in a second-line group ({@code groupId}; null: any group), the rotation
 * course {@code programmeId} within the next {@code withinMonths} months."
 */
public record RotationRuleCommand(@NotBlank @Size(max = 200) String name, Long groupId, @NotNull @Min(1) @Max(120) Integer monthsAfter,
                                  @NotNull @Min(1) @Max(24) Integer withinMonths, @NotNull Long programmeId) {
}
