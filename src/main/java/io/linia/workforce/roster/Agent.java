package io.linia.workforce.roster;

import ai.timefold.solver.core.api.domain.lookup.PlanningId;
import io.linia.tickets.Line;
import io.linia.workforce.RosterNeed;
import io.linia.workforce.AgentProfile;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/** An agent as the solver sees it (a problem fact and the planning value): profile, contract limits, availability. */
public final class Agent {

    @PlanningId
    private final Long userId;
    private final String name;
    private final Line line;
    private final Set<Long> groupIds;
    private final Set<Long> certifiedGroupIds;
    private final int maxShiftsPerWeek;
    private final int minShiftsPerMonth;
    private final Set<Shift> unavailable;
    private final Set<Shift> preferred;

    public Agent(AgentProfile profile, Set<Shift> unavailable, Set<Shift> preferred) {
        this(profile.userId(), profile.name(), profile.line(), profile.groupIds(), profile.certifiedGroupIds(),
                profile.contract().maxShiftsPerWeek(), profile.contract().minShiftsPerMonth(), unavailable, preferred);
    }

    public Agent(long userId, String name, Line line, Set<Long> groupIds, Set<Long> certifiedGroupIds, int maxShiftsPerWeek,
                 int minShiftsPerMonth, Set<Shift> unavailable, Set<Shift> preferred) {
        this.userId = userId;
        this.name = name;
        this.line = line;
        this.groupIds = Set.copyOf(groupIds);
        this.certifiedGroupIds = Set.copyOf(certifiedGroupIds);
        this.maxShiftsPerWeek = maxShiftsPerWeek;
        this.minShiftsPerMonth = minShiftsPerMonth;
        this.unavailable = identitySet(unavailable);
        this.preferred = identitySet(preferred);
    }

    private static Set<Shift> identitySet(Set<Shift> shifts) {
        Set<Shift> set = Collections.newSetFromMap(new IdentityHashMap<>());
        set.addAll(shifts);
        return Collections.unmodifiableSet(set);
    }

    public long userId() {
        return userId;
    }

    public String name() {
        return name;
    }

    public Line line() {
        return line;
    }

    public Set<Long> groupIds() {
        return groupIds;
    }

    public int maxShiftsPerWeek() {
        return maxShiftsPerWeek;
    }

    public int minShiftsPerMonth() {
        return minShiftsPerMonth;
    }

    public boolean isUnavailable(Shift shift) {
        return unavailable.contains(shift);
    }

    public boolean prefers(Shift shift) {
        return preferred.contains(shift);
    }

    /** Works the queue of this line and group; every agent of a line works its {@linkplain RosterNeed#WHOLE_LINE whole-line} queue. */
    public boolean belongsTo(Line queueLine, long groupId) {
        return line == queueLine && (groupId == RosterNeed.WHOLE_LINE || groupIds.contains(groupId));
    }

    public boolean isCertifiedFor(long groupId) {
        return certifiedGroupIds.contains(groupId);
    }

    @Override
    public String toString() {
        return name + " (" + userId + ")";
    }
}
