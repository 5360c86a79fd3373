package io.linia.workforce;

import java.time.LocalDate;

/** An agent's word on one shift of one date; a shift with no entry counts as {@link Availability#AVAILABLE}. */
public record AvailabilityEntry(long userId, LocalDate date, long templateId, Availability availability) {
}
