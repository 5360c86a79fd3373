package io.linia.workforce;

import io.linia.tickets.Line;
import java.time.LocalDate;

/**
 * An agent on a shift.
 *
 * @param line    the queue's line, null on an optional seat (beyond the need, any queue of the agent's)
 * @param groupId the queue's group, null on an optional seat
 * @param pinned  given by the team lead, kept by the solve
 */
public record RosterAssignment(long userId, LocalDate date, long templateId, Line line, Long groupId, boolean pinned) {

    /** On a seat beyond the need. */
    public boolean optional() {
        return groupId == null;
    }
}
