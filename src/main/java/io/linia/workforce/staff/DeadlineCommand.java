package io.linia.workforce.staff;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;

/**
 * A planner moves a period's deadline: later to give agents more time (entry opens again), or to now to
 * close entry early; never past the period's start. {@code version}: the period's, as read (a stale one
 * is refused); null skips the check.
 */
public record DeadlineCommand(
        @Schema(example = "2026-12-03T12:00:00+03:00") OffsetDateTime availabilityDue,
        Long version) {
}
