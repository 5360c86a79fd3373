package io.linia.accounts;

import java.util.List;
import java.util.Set;

/**
 * Who is on shift now and who holds which group's certification. The flag is set by the agent or a lead
 * (check-in, check-out) and by the published schedule at the start and end of each shift (the workforce
 * module's pass calls {@link #followSchedule}); whichever changed it last holds.
 */
public interface AgentShifts {

    boolean onShift(long userId);

    /** Which of these users are on shift now: one query for a whole desk. */
    Set<Long> onShiftAmong(java.util.Collection<Long> userIds);

    /** The agent puts themselves (or a team lead or admin puts them) on or off shift; publishes {@link ShiftChanged}. */
    void changeShift(Actor by, long userId, boolean onShift);

    /**
     * The published schedule puts the agent on or off shift (no actor: scheduled work). Publishes
     * {@link ShiftChanged} with {@link ShiftChanged.Source#SCHEDULE} when the flag changes; users unknown,
     * disabled or not staff are left alone.
     *
     * @return whether the flag changed
     */
    boolean followSchedule(long userId, boolean onShift);

    /** Groups whose certification the user holds. */
    Set<Long> certifiedGroups(long userId);

    /** Groups whose certification each of these users holds (users holding none are left out): one query for many agents. */
    java.util.Map<Long, Set<Long>> certifiedGroups(java.util.Collection<Long> userIds);

    /** An administrator sets the groups whose certification the user holds. */
    void certify(long userId, Set<Long> groupIds);

    /**
     * Agents automatic assignment may choose from, by id: enabled, on shift, holding {@code role}; for
     * a group ({@code groupId} not null) its members, certified for it when {@code certificationRequired}.
     */
    List<UserRef> onShift(Role role, Long groupId, boolean certificationRequired);
}
