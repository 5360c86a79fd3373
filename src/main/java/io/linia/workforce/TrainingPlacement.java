package io.linia.workforce;

import io.linia.tickets.Line;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A training stage that lets an agent work a queue outside their own line or groups: from {@code from} to
 * {@code until} (inclusive) the roster may put them on that line's queue ({@code groupId} {@link RosterNeed#WHOLE_LINE}
 * for the whole first line, a group's id on the second line), and says why: the programme and the stage.
 */
public record TrainingPlacement(Line line, long groupId, LocalDate from, LocalDate until, String programme, String stage) {

    public TrainingPlacement {
        Objects.requireNonNull(line, "line");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(until, "until");
    }

    /** Whether it covers a queue of this line and group on that day. */
    public boolean covers(Line queueLine, long queueGroupId, LocalDate date) {
        return line == queueLine && (queueGroupId == RosterNeed.WHOLE_LINE || groupId == queueGroupId)
                && !date.isBefore(from) && !date.isAfter(until);
    }
}
