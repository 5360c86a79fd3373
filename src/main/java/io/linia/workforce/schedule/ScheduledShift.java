package io.linia.workforce.schedule;

import io.linia.tickets.Line;
import java.time.Instant;
import java.time.LocalDate;

/**
 * An agent on a shift of a roster.
 *
 * @param start   the exact instant the shift begins (the template on that date, in the planning zone)
 * @param line    the line of the queue's seat; null on a seat beyond the need
 * @param groupId the group of the queue's seat; null on a seat beyond the need
 * @param pinned  given or kept by the team lead's hand: a new solve plans around it
 */
public record ScheduledShift(long periodId, long userId, LocalDate date, long templateId, Instant start, Instant end, Line line,
                             Long groupId, boolean pinned) {

    public boolean covers(Instant instant) {
        return !instant.isBefore(start) && instant.isBefore(end);
    }

    public boolean overlaps(Instant otherStart, Instant otherEnd) {
        return start.isBefore(otherEnd) && otherStart.isBefore(end);
    }
}
