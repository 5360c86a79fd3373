package io.linia.sla;

import io.linia.tickets.Line;
import io.linia.tickets.Priority;

/** A policy: which tickets it covers (null = any) and its targets in minutes (null = none). */
public record SlaPolicyView(long id, String name, Line line, Long groupId, Priority priority, Long categoryId,
                            Integer firstResponseMinutes, Integer nextResponseMinutes, Integer resolutionMinutes,
                            Integer resolutionDays, boolean businessTime, Long calendarId, boolean raisePriority,
                            Long moveToGroupId, boolean active, long version) {
}
