package io.linia.workforce;

import java.time.Instant;
import java.time.LocalDate;

/** One concrete shift: a template on a date, with its start and end as instants (the calendar's zone). */
public record ShiftSlot(LocalDate date, long templateId, Instant start, Instant end, DayKind dayKind) {
}
