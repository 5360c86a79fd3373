package io.linia.workforce.attendance;

import io.linia.accounts.ShiftChanged.Source;
import io.linia.tickets.Line;
import io.linia.workforce.schedule.ScheduledShift;
import java.time.Instant;
import java.util.List;

/**
 * One agent at this moment: the published shift under way (if any), the flag with its last change, how
 * today's shifts so far were kept, and the next shift.
 *
 * @param scheduledNow the published shift under way now; null when the roster has the agent off
 * @param since        the flag's last change; null when the log has none (set before it existed)
 * @param source       where that change came from; null with {@code since}
 * @param today        today's published shifts that have begun, with their flags
 * @param next         the agent's next published shift within two weeks; null when there is none
 */
public record AgentNow(long userId, String name, Line line, ScheduledShift scheduledNow, boolean onShift, Instant since,
                       Source source, List<ShiftAttendance> today, ScheduledShift next) {

    public AgentNow {
        today = List.copyOf(today);
    }

    public boolean absent() {
        return today.stream().anyMatch(ShiftAttendance::absent);
    }

    public boolean late() {
        return today.stream().anyMatch(ShiftAttendance::late);
    }

    public boolean leftEarly() {
        return today.stream().anyMatch(ShiftAttendance::leftEarly);
    }

    /** On shift with no published shift under way: an unplanned shift (or an early check-in). */
    public boolean unplanned() {
        return onShift && scheduledNow == null;
    }
}
