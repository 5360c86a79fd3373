package io.linia.sla;

import io.linia.tickets.Line;
import io.linia.tickets.Priority;

/**
 * A policy: which tickets it covers (null = any) and its targets in minutes (null = none), and what a
 * breach sets off besides telling the team leads (see {@link SlaPolicyCommand}).
 */
public record SlaPolicyView(long id, String name, Line line, Long groupId, Priority priority, Long categoryId,
                            Integer firstResponseMinutes, Integer nextResponseMinutes, Integer resolutionMinutes,
                            Integer resolutionDays, boolean businessTime, Long calendarId, boolean raisePriority,
                            Long moveToGroupId, boolean notifyAssignee, Long notifyUserId, boolean active, long version) {

    /** The command that saves this policy unchanged (a starting point for edits and copies). */
    public SlaPolicyCommand toCommand() {
        return new SlaPolicyCommand(name, line, groupId, priority, categoryId, firstResponseMinutes, nextResponseMinutes,
                resolutionMinutes, resolutionDays, businessTime, calendarId, raisePriority, moveToGroupId, notifyAssignee,
                notifyUserId, active, version);
    }
}
