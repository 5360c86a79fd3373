package io.linia.workforce;

import io.linia.tickets.Line;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Agents one queue (a line of a group) needs on the roster for one shift: from {@link ShiftStaffing#toRosterNeed()}
 * or set by the team lead.
 */
public record RosterNeed(LocalDate date, long templateId, Line line, long groupId, int required) {

    /**
     * The group id of a queue that is a whole line: the first line answers every ticket whatever its group, so
     * its need is one queue any agent of the line fills. No group has this id; no certification is asked on it.
     */
    public static final long WHOLE_LINE = 0;

    public RosterNeed {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(line, "line");
        if (required < 0) {
            throw new IllegalArgumentException("required: must not be negative, not " + required);
        }
    }
}
