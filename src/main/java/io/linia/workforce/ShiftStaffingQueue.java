package io.linia.workforce;

import io.linia.tickets.Line;
import java.util.Objects;

/**
 * One queue the roster staffs: a line of a group, and the share of the forecast arrivals that reach it.
 * Every ticket reaches first line, so first-line shares of the groups add up to about 1; a second-line
 * queue sees only what is escalated to it (e.g. 0.2), so the shares of all queues need not add up to 1.
 *
 * @param line             first or second line
 * @param groupId          the support group
 * @param share            share of the forecast arrivals this queue handles, from 0 to 1
 * @param minimumScheduled the desk's floor for this queue on every shift, however quiet (0 for none)
 */
public record ShiftStaffingQueue(Line line, long groupId, double share, int minimumScheduled) {

    public ShiftStaffingQueue {
        Objects.requireNonNull(line, "line");
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException("share: a queue's share of the arrivals is between 0 and 1, not " + share);
        }
        if (minimumScheduled < 0) {
            throw new IllegalArgumentException("minimumScheduled: must not be negative, not " + minimumScheduled);
        }
    }
}
