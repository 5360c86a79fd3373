package io.linia.sla;

import io.linia.shared.CleanText;
import io.linia.tickets.Line;
import io.linia.tickets.Priority;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A policy as an admin enters it (API and page alike). Scope: the line, on the second line a group
 * (null: any group), a priority and a category (null: any). At least one target; resolution in
 * minutes or in days (the end of the n-th open day), not both. Business time uses {@code calendarId}
 * (null: the default calendar); calendar time takes no calendar. On breach the group's team leads are
 * always told; the policy may also raise the priority, move the ticket to another group, and notify
 * the agent working the ticket and/or one more person. {@code version}: the one read (a stale one is
 * refused); null skips the check.
 */
public record SlaPolicyCommand(
        @NotBlank @Size(max = 120) @CleanText String name,
        @NotNull Line line,
        Long groupId,
        Priority priority,
        Long categoryId,
        @Min(value = 1, message = "{sla.validation.minutes}") @Max(value = MAX_MINUTES, message = "{sla.validation.minutes}")
        Integer firstResponseMinutes,
        @Min(value = 1, message = "{sla.validation.minutes}") @Max(value = MAX_MINUTES, message = "{sla.validation.minutes}")
        Integer nextResponseMinutes,
        @Min(value = 1, message = "{sla.validation.minutes}") @Max(value = MAX_MINUTES, message = "{sla.validation.minutes}")
        Integer resolutionMinutes,
        @Min(value = 1, message = "{sla.validation.days}") @Max(value = MAX_DAYS, message = "{sla.validation.days}")
        Integer resolutionDays,
        boolean businessTime,
        Long calendarId,
        boolean raisePriority,
        Long moveToGroupId,
        boolean notifyAssignee,
        Long notifyUserId,
        boolean active,
        Long version) {

    /** A year of minutes. */
    public static final int MAX_MINUTES = 525600;
    public static final int MAX_DAYS = 365;

    /** A policy whose breaches notify only the team leads. */
    public SlaPolicyCommand(String name, Line line, Long groupId, Priority priority, Long categoryId,
                            Integer firstResponseMinutes, Integer nextResponseMinutes, Integer resolutionMinutes,
                            Integer resolutionDays, boolean businessTime, Long calendarId, boolean raisePriority,
                            Long moveToGroupId, boolean active, Long version) {
        this(name, line, groupId, priority, categoryId, firstResponseMinutes, nextResponseMinutes, resolutionMinutes,
                resolutionDays, businessTime, calendarId, raisePriority, moveToGroupId, false, null, active, version);
    }
}
