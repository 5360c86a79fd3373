package io.linia.workforce.roster;

import ai.timefold.solver.core.api.domain.lookup.PlanningId;
import io.linia.tickets.Line;
import io.linia.workforce.RosterNeed;
import io.linia.workforce.AgentProfile;
import io.linia.workforce.TrainingPlacement;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
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
    private final List<TrainingPlacement> training;

    public Agent(AgentProfile profile, Set<Shift> unavailable, Set<Shift> preferred) {
        this(profile.userId(), profile.name(), profile.line(), profile.groupIds(), profile.certifiedGroupIds(),
                profile.contract().maxShiftsPerWeek(), profile.contract().minShiftsPerMonth(), unavailable, preferred, profile.training());
    }

    public Agent(long userId, String name, Line line, Set<Long> groupIds, Set<Long> certifiedGroupIds, int maxShiftsPerWeek,
                 int minShiftsPerMonth, Set<Shift> unavailable, Set<Shift> preferred) {
        this(userId, name, line, groupIds, certifiedGroupIds, maxShiftsPerWeek, minShiftsPerMonth, unavailable, preferred, List.of());
    }

    public Agent(long userId, String name, Line line, Set<Long> groupIds, Set<Long> certifiedGroupIds, int maxShiftsPerWeek,
                 int minShiftsPerMonth, Set<Shift> unavailable, Set<Shift> preferred, List<TrainingPlacement> training) {
        this.training = List.copyOf(training);
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

    /**
     * Works the queue of this line and group on that day: their own, or one their training stage sends them to for its
     * time (e.g. a second-line agent in a rotation course on the first line).
     */
    public boolean belongsTo(Line queueLine, long groupId, LocalDate date) {
        return belongsTo(queueLine, groupId) || training(queueLine, groupId, date).isPresent();
    }

    /** The training stage that lets them work that queue that day, when it is not their own. */
    public Optional<TrainingPlacement> training(Line queueLine, long groupId, LocalDate date) {
        if (queueLine == null || belongsTo(queueLine, groupId)) {
            return Optional.empty();
        }
        return training.stream().filter(t -> t.covers(queueLine, groupId, date)).findFirst();
    }

    public boolean isCertifiedFor(long groupId) {
        return certifiedGroupIds.contains(groupId);
    }

    @Override
    public String toString() {
        return name + " (" + userId + ")";
    }
}
