package io.linia.workforce;

import io.linia.tickets.Line;
import java.time.LocalDateTime;

/**
 * The agents one queue needs on one shift, by Erlang C from the forecast (see {@link ShiftStaffingNeeds}).
 *
 * @param slot                 the shift
 * @param line                 the queue's line
 * @param groupId              the queue's group
 * @param arrivals             tickets this queue expects during the shift, the carried night's included
 * @param carried              of those, tickets that arrived while no shift worked, carried to this one
 * @param peakHour             the shift's busiest wall-clock hour for this queue
 * @param peakArrivalsPerHour  arrivals per hour the queue is staffed against in that hour (the carried work spread in)
 * @param agents               agents answering the queue at the same time that meet the target
 * @param required             agents to put on the roster: {@code agents} after shrinkage, at least the queue's minimum
 * @param serviceLevel         share answered within the target over the whole shift with {@code agents}, hours weighted by arrivals
 * @param peak                 the queue in its busiest hour with {@code agents} on it
 */
public record ShiftStaffing(ShiftSlot slot, Line line, long groupId, double arrivals, double carried, LocalDateTime peakHour,
                            double peakArrivalsPerHour, int agents, int required, double serviceLevel, QueuePerformance peak) {

    /** The need as the roster takes it. */
    public RosterNeed toRosterNeed() {
        return new RosterNeed(slot.date(), slot.templateId(), line, groupId, required);
    }
}
