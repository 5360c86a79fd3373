package io.linia.workforce.roster;

import static ai.timefold.solver.core.api.score.stream.ConstraintCollectors.count;
import static ai.timefold.solver.core.api.score.stream.ConstraintCollectors.countBi;
import static ai.timefold.solver.core.api.score.stream.Joiners.equal;
import static ai.timefold.solver.core.api.score.stream.Joiners.filtering;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.ConstraintProvider;
import ai.timefold.solver.core.api.score.stream.bi.BiConstraintStream;
import io.linia.workforce.RosterRule;
import java.time.YearMonth;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The roster's rules, one method per {@link RosterRule}, each named by it and weighted by its
 * {@link RosterRule#weight()} at its {@link RosterRule#level()}.
 */
public class RosterConstraints implements ConstraintProvider {

    /** One instance, so that the streams that join seats by agent share their nodes. */
    private static final Function<Seat, Agent> AGENT = Seat::getAgent;
    private static final Function<Seat, YearMonth> MONTH = seat -> seat.getShift().month();
    private static final BiFunction<Seat, AgentMonth, AgentMonth> AGENT_MONTH = (seat, month) -> month;

    @Override
    public Constraint[] defineConstraints(ConstraintFactory factory) {
        return new Constraint[]{
                unavailableShift(factory),
                outsideQueue(factory),
                overlappingShifts(factory),
                minimumRest(factory),
                maxShiftsPerWeek(factory),
                requiredCoverage(factory),
                preferredShift(factory),
                weekendFairness(factory),
                minimumShifts(factory),
                extraShifts(factory),
                certifiedCoverage(factory)
        };
    }

    private static HardMediumSoftScore weight(RosterRule rule) {
        return switch (rule.level()) {
            case HARD -> HardMediumSoftScore.ofHard(rule.weight());
            case MEDIUM -> HardMediumSoftScore.ofMedium(rule.weight());
            case SOFT -> HardMediumSoftScore.ofSoft(rule.weight());
        };
    }

    Constraint unavailableShift(ConstraintFactory factory) {
        return factory.forEach(Seat.class)
                .filter(seat -> seat.getAgent().isUnavailable(seat.getShift()))
                .penalize(weight(RosterRule.UNAVAILABLE_SHIFT))
                .justifyWith((seat, score) -> Justifications.AgentShift.of(seat.getAgent(), seat.getShift()))
                .asConstraint(RosterRule.UNAVAILABLE_SHIFT.constraintName());
    }

    Constraint outsideQueue(ConstraintFactory factory) {
        return factory.forEach(Seat.class)
                .filter(seat -> !seat.accepts(seat.getAgent()))
                .penalize(weight(RosterRule.OUTSIDE_QUEUE))
                .justifyWith((seat, score) -> new Justifications.OutsideQueue(seat.getAgent().userId(), seat.getShift().date(),
                        seat.getShift().templateId(), seat.getLine(), seat.getGroupId()))
                .asConstraint(RosterRule.OUTSIDE_QUEUE.constraintName());
    }

    Constraint overlappingShifts(ConstraintFactory factory) {
        return factory.forEachUniquePair(Seat.class, equal(AGENT))
                .filter((a, b) -> a.getShift().overlaps(b.getShift()))
                .penalize(weight(RosterRule.OVERLAPPING_SHIFTS))
                .justifyWith((a, b, score) -> Justifications.ShiftPair.of(a.getAgent(), a.getShift(), b.getShift()))
                .asConstraint(RosterRule.OVERLAPPING_SHIFTS.constraintName());
    }

    /** Two shifts whose times stretched by the rest overlap, while the shifts themselves do not, are too close. */
    Constraint minimumRest(ConstraintFactory factory) {
        return factory.forEachUniquePair(Seat.class, equal(AGENT))
                .filter((a, b) -> !a.getShift().overlaps(b.getShift()) && a.getShift().gapTo(b.getShift()) < a.getShift().rest())
                .penalize(weight(RosterRule.MINIMUM_REST))
                .justifyWith((a, b, score) -> Justifications.ShiftPair.of(a.getAgent(), a.getShift(), b.getShift()))
                .asConstraint(RosterRule.MINIMUM_REST.constraintName());
    }

    Constraint maxShiftsPerWeek(ConstraintFactory factory) {
        return factory.forEach(Seat.class)
                .groupBy(Seat::getAgent, seat -> seat.getShift().week(), count())
                .filter((agent, week, shifts) -> shifts > agent.maxShiftsPerWeek())
                .penalize(weight(RosterRule.MAX_SHIFTS_PER_WEEK), (agent, week, shifts) -> shifts - agent.maxShiftsPerWeek())
                .justifyWith((agent, week, shifts, score) -> new Justifications.AgentWeek(agent.userId(), week, shifts, agent.maxShiftsPerWeek()))
                .asConstraint(RosterRule.MAX_SHIFTS_PER_WEEK.constraintName());
    }

    Constraint requiredCoverage(ConstraintFactory factory) {
        return factory.forEachIncludingUnassigned(Seat.class)
                .filter(seat -> !seat.isOptional() && seat.getAgent() == null)
                .penalize(weight(RosterRule.REQUIRED_COVERAGE))
                .justifyWith((seat, score) -> new Justifications.EmptySeat(seat.getShift().date(), seat.getShift().templateId(),
                        seat.getLine(), seat.getGroupId()))
                .asConstraint(RosterRule.REQUIRED_COVERAGE.constraintName());
    }

    Constraint preferredShift(ConstraintFactory factory) {
        return factory.forEach(Preference.class)
                .ifNotExists(Seat.class, equal(Preference::agent, Seat::getAgent), equal(Preference::shift, Seat::getShift))
                .penalize(weight(RosterRule.PREFERRED_SHIFT))
                .justifyWith((preference, score) -> Justifications.AgentShift.of(preference.agent(), preference.shift()))
                .asConstraint(RosterRule.PREFERRED_SHIFT.constraintName());
    }

    /** The sum of squares is least when the weekend shifts are spread evenly (their total being fixed by the need). */
    Constraint weekendFairness(ConstraintFactory factory) {
        return factory.forEach(Seat.class)
                .filter(seat -> seat.getShift().weekend())
                .groupBy(Seat::getAgent, count())
                .penalize(weight(RosterRule.WEEKEND_FAIRNESS), (agent, shifts) -> shifts * shifts)
                .justifyWith((agent, shifts, score) -> new Justifications.WeekendShifts(agent.userId(), shifts))
                .asConstraint(RosterRule.WEEKEND_FAIRNESS.constraintName());
    }

    /** Each agent's month with the count of their shifts in it (months without a shift are missing). */
    private static BiConstraintStream<AgentMonth, Integer> shiftsPerAgentMonth(ConstraintFactory factory) {
        return factory.forEach(Seat.class)
                .join(AgentMonth.class, equal(AGENT, AgentMonth::agent), equal(MONTH, AgentMonth::month))
                .groupBy(AGENT_MONTH, countBi());
    }

    Constraint minimumShifts(ConstraintFactory factory) {
        return shiftsPerAgentMonth(factory)
                .complement(AgentMonth.class, month -> 0)
                .filter((month, shifts) -> shifts < month.minimum())
                .penalize(weight(RosterRule.MINIMUM_SHIFTS), (month, shifts) -> month.minimum() - shifts)
                .justifyWith((month, shifts, score) -> new Justifications.AgentMonthShifts(month.agent().userId(), month.month(), shifts, month.minimum()))
                .asConstraint(RosterRule.MINIMUM_SHIFTS.constraintName());
    }

    /** Squared, so that two agents with one extra shift each cost less than one agent with two. */
    Constraint extraShifts(ConstraintFactory factory) {
        return shiftsPerAgentMonth(factory)
                .filter((month, shifts) -> shifts > month.minimum())
                .penalize(weight(RosterRule.EXTRA_SHIFTS), (month, shifts) -> (shifts - month.minimum()) * (shifts - month.minimum()))
                .justifyWith((month, shifts, score) -> new Justifications.AgentMonthShifts(month.agent().userId(), month.month(), shifts, month.minimum()))
                .asConstraint(RosterRule.EXTRA_SHIFTS.constraintName());
    }

    Constraint certifiedCoverage(ConstraintFactory factory) {
        return factory.forEach(ShiftGroup.class)
                .ifNotExists(Seat.class, equal(ShiftGroup::shift, Seat::getShift),
                        filtering((group, seat) -> seat.getAgent() != null && seat.getAgent().isCertifiedFor(group.groupId())))
                .penalize(weight(RosterRule.CERTIFIED_COVERAGE))
                .justifyWith((group, score) -> new Justifications.Uncertified(group.shift().date(), group.shift().templateId(), group.groupId()))
                .asConstraint(RosterRule.CERTIFIED_COVERAGE.constraintName());
    }
}
