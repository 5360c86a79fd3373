package io.linia.workforce.roster;

import static org.assertj.core.api.Assertions.assertThat;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import ai.timefold.solver.core.api.solver.ScoreAnalysisFetchPolicy;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.SolverFactory;
import io.linia.tickets.Line;
import io.linia.workforce.AgentProfile;
import io.linia.workforce.Availability;
import io.linia.workforce.AvailabilityEntry;
import io.linia.workforce.Contract;
import io.linia.workforce.DayKind;
import io.linia.workforce.Money;
import io.linia.workforce.RosterDesk;
import io.linia.workforce.RosterExplanation;
import io.linia.workforce.RosterExplanation.Reason;
import io.linia.workforce.RosterExplanation.UnmetWish;
import io.linia.workforce.RosterNeed;
import io.linia.workforce.RosterProblem;
import io.linia.workforce.RosterRule;
import io.linia.workforce.RosterSettings;
import io.linia.workforce.ShiftSlot;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A hand-made roster of one week, each agent placed to meet one obstacle, explained as the solver scores it.
 * Shifts on Monday 2 March 2026: 09–15 (M1), 15–21 (E1), 12–18 (X1, template 4); Tuesday 09–15 (M2); Wednesday 09–15 (M3).
 */
class RosterExplainerTest {

    private static final LocalDate MON = LocalDate.of(2026, 3, 2);
    private static final YearMonth MARCH = YearMonth.of(2026, 3);
    private static final long MIDDAY = 4;
    private static final ShiftSlot M1 = RosterDesk.slot(MON, RosterDesk.MORNING, LocalTime.of(9, 0), LocalTime.of(15, 0), DayKind.WEEKDAY);
    private static final ShiftSlot E1 = RosterDesk.slot(MON, RosterDesk.EVENING, LocalTime.of(15, 0), LocalTime.of(21, 0), DayKind.WEEKDAY);
    private static final ShiftSlot X1 = RosterDesk.slot(MON, MIDDAY, LocalTime.of(12, 0), LocalTime.of(18, 0), DayKind.WEEKDAY);
    private static final ShiftSlot M2 = RosterDesk.slot(MON.plusDays(1), RosterDesk.MORNING, LocalTime.of(9, 0), LocalTime.of(15, 0), DayKind.WEEKDAY);
    private static final ShiftSlot M3 = RosterDesk.slot(MON.plusDays(2), RosterDesk.MORNING, LocalTime.of(9, 0), LocalTime.of(15, 0), DayKind.WEEKDAY);

    private static RosterExplanation why;

    private static AgentProfile agent(long id, String name, int minPerMonth, int maxPerWeek, Set<Long> certified) {
        return new AgentProfile(id, name, Line.FIRST, Set.of(RosterDesk.GENERAL), certified,
                new Contract(Money.of("30000", "RUB"), minPerMonth, Money.of("2500", "RUB"), maxPerWeek));
    }

    private static AvailabilityEntry entry(long user, ShiftSlot slot, Availability availability) {
        return new AvailabilityEntry(user, slot.date(), slot.templateId(), availability);
    }

    @BeforeAll
    static void explainTheHandMadeRoster() {
        List<AgentProfile> agents = List.of(
                agent(1, "A week full", 0, 1, Set.of()),
                agent(2, "B rest", 0, 4, Set.of()),
                agent(3, "C same time", 0, 4, Set.of(RosterDesk.GENERAL)),
                agent(4, "D no seat", 0, 4, Set.of()),
                agent(5, "E on M3", 0, 4, Set.of()),
                agent(6, "F extra", 0, 4, Set.of()),
                agent(7, "G optional M3", 0, 4, Set.of()),
                agent(8, "H seats taken", 12, 4, Set.of()),
                agent(9, "I unavailable", 12, 4, Set.of()),
                agent(10, "J two a week", 12, 2, Set.of()));
        List<AvailabilityEntry> availability = new ArrayList<>(List.of(
                entry(1, M2, Availability.PREFERRED),
                entry(2, E1, Availability.PREFERRED),
                entry(3, X1, Availability.PREFERRED),
                entry(4, M3, Availability.PREFERRED),
                entry(6, M2, Availability.PREFERRED),
                entry(8, M2, Availability.PREFERRED)));
        for (ShiftSlot slot : List.of(M1, E1, X1, M2)) {
            availability.add(entry(9, slot, Availability.UNAVAILABLE));
        }
        List<RosterNeed> needs = List.of(
                new RosterNeed(MON, RosterDesk.MORNING, Line.FIRST, RosterDesk.GENERAL, 3),
                new RosterNeed(MON, RosterDesk.EVENING, Line.FIRST, RosterDesk.GENERAL, 1),
                new RosterNeed(MON.plusDays(2), RosterDesk.MORNING, Line.FIRST, RosterDesk.GENERAL, 1));
        RosterSettings settings = RosterSettings.defaults().withOptionalSeatsPerShift(1);
        RosterProblem problem = new RosterProblem(MON, MON.plusDays(6), agents, List.of(M1, E1, X1, M2, M3), availability, needs, List.of(), settings);
        RosterSolution roster = RosterModel.of(problem).solution();
        place(roster, M1, false, 1, 2, 3);
        place(roster, M3, false, 5);
        place(roster, M3, true, 7);

        SolutionManager<RosterSolution, HardMediumSoftScore> manager =
                SolutionManager.create(SolverFactory.create(TimefoldRosterSolving.solverConfig(settings)));
        why = RosterExplainer.explain(problem, roster, manager.analyze(roster, ScoreAnalysisFetchPolicy.FETCH_ALL));
    }

    private static void place(RosterSolution roster, ShiftSlot slot, boolean optional, long... userIds) {
        int next = 0;
        for (Seat seat : roster.getSeats()) {
            if (next < userIds.length && seat.getShift().slot().equals(slot) && seat.isOptional() == optional && seat.getAgent() == null) {
                long id = userIds[next++];
                seat.setAgent(roster.getAgents().stream().filter(a -> a.userId() == id).findFirst().orElseThrow());
            }
        }
        assertThat(next).isEqualTo(userIds.length);
    }

    private static UnmetWish onlyWish(long userId) {
        List<UnmetWish> wishes = why.agent(userId).unmetWishes();
        assertThat(wishes).hasSize(1);
        return wishes.get(0);
    }

    @Test
    void aPreferredShiftInAWeekAlreadyFullIsExplainedByTheWeeklyMaximum() {
        UnmetWish wish = onlyWish(1);
        assertThat(wish.wish()).isEqualTo(RosterExplanation.Wish.PREFERRED_SHIFT);
        assertThat(wish.date()).isEqualTo(M2.date());
        assertThat(wish.rule()).isEqualTo(RosterRule.PREFERRED_SHIFT);
        assertThat(wish.reason()).isEqualTo(Reason.WEEK_FULL);
        assertThat(wish.arguments()).containsExactly(MON, 1L, 1);
        assertThat(wish.messageCode()).isEqualTo("roster.reason.week-full");
    }

    @Test
    void aPreferredEveningAfterTheAgentsMorningIsExplainedByTheRest() {
        assertThat(onlyWish(2).reason()).isEqualTo(Reason.REST_TOO_SHORT);
        assertThat(onlyWish(2).arguments()).containsExactly(MON, RosterDesk.MORNING, 11.0);
    }

    @Test
    void aPreferredShiftAtTheSameTimeAsTheirsIsExplainedByIt() {
        assertThat(onlyWish(3).reason()).isEqualTo(Reason.SAME_TIME_SHIFT);
        assertThat(onlyWish(3).arguments()).containsExactly(MON, RosterDesk.MORNING);
    }

    @Test
    void aPreferredShiftWithEverySeatTakenIsExplainedSo() {
        assertThat(onlyWish(4).reason()).isEqualTo(Reason.NO_FREE_SEAT);
    }

    @Test
    void aPreferredShiftThatWouldBeExtraIsExplainedByTheMinimumAlreadyReachedAndOneBelowItAsATradeOff() {
        assertThat(onlyWish(6).reason()).isEqualTo(Reason.WOULD_BE_EXTRA);
        assertThat(onlyWish(6).arguments()).containsExactly(MARCH, 0L, 0);
        assertThat(why.agent(8).unmetWishes()).extracting(UnmetWish::reason).containsExactly(Reason.SEATS_TAKEN, Reason.TRADE_OFF);
    }

    @Test
    void aMonthlyMinimumNotReachedIsExplainedByAvailabilityThenTheWeeklyLimitThenTheSeatsTaken() {
        // 12 a month over 7 of March's 31 days: 3
        assertThat(why.agent(8).months()).containsExactly(new RosterExplanation.MonthShifts(MARCH, 0, 3));
        UnmetWish seats = why.agent(8).unmetWishes().get(0);
        assertThat(seats.wish()).isEqualTo(RosterExplanation.Wish.MINIMUM_SHIFTS);
        assertThat(seats.arguments()).containsExactly(MARCH, 0, 3);
        assertThat(onlyWish(9).reason()).isEqualTo(Reason.FEW_AVAILABLE_SHIFTS);
        assertThat(onlyWish(9).arguments()).containsExactly(MARCH, 1, 3);
        // at most 2 a week, whatever is available
        assertThat(onlyWish(10).reason()).isEqualTo(Reason.WEEK_LIMITS);
        assertThat(onlyWish(10).arguments()).containsExactly(MARCH, 2, 3);
    }

    @Test
    void eachAgentsViolationsAreTheSolversConstraintMatchesWithTheirPenalty() {
        // A: Tuesday not given, and Monday is beyond a minimum of 0
        assertThat(why.agent(1).violations()).extracting(RosterExplanation.Violation::rule)
                .containsExactlyInAnyOrder(RosterRule.PREFERRED_SHIFT, RosterRule.EXTRA_SHIFTS);
        assertThat(why.agent(1).violations()).filteredOn(v -> v.rule() == RosterRule.PREFERRED_SHIFT).singleElement()
                .satisfies(v -> {
                    assertThat(v.penalty()).isEqualTo(RosterRule.PREFERRED_SHIFT.weight());
                    assertThat(v.messageCode()).isEqualTo("roster.rule.preferred-shift.match");
                    assertThat(v.arguments()).containsExactly(M2.date(), RosterDesk.MORNING);
                });
        assertThat(why.agent(8).violations()).filteredOn(v -> v.rule() == RosterRule.MINIMUM_SHIFTS).singleElement()
                .satisfies(v -> {
                    assertThat(v.penalty()).isEqualTo(3L * RosterRule.MINIMUM_SHIFTS.weight());
                    assertThat(v.arguments()).containsExactly(MARCH, 0, 3);
                });
        // G's optional shift is beyond a minimum of 0: one extra, squared
        assertThat(why.agent(7).violations()).filteredOn(v -> v.rule() == RosterRule.EXTRA_SHIFTS).singleElement()
                .satisfies(v -> assertThat(v.penalty()).isEqualTo(RosterRule.EXTRA_SHIFTS.weight()));
        assertThat(why.agent(5).shifts()).isEqualTo(1);
        assertThat(why.agent(5).preferred()).isZero();
    }

    @Test
    void eachShiftShowsItsNeedAgainstTheAgentsOnItTheShortfallAndTheGroupsWithoutACertifiedAgent() {
        RosterExplanation.ShiftCoverage monday = why.shift(MON, RosterDesk.MORNING);
        assertThat(monday.queues()).containsExactly(new RosterExplanation.QueueCoverage(Line.FIRST, RosterDesk.GENERAL, 3, 3));
        assertThat(monday.shortfall()).isZero();
        assertThat(monday.groupsWithoutCertified()).isEmpty();

        RosterExplanation.ShiftCoverage evening = why.shift(MON, RosterDesk.EVENING);
        assertThat(evening.shortfall()).isEqualTo(1);
        assertThat(evening.assigned()).isZero();
        assertThat(evening.groupsWithoutCertified()).containsExactly(RosterDesk.GENERAL);
        assertThat(evening.violations()).extracting(RosterExplanation.Violation::rule)
                .containsExactlyInAnyOrder(RosterRule.REQUIRED_COVERAGE, RosterRule.CERTIFIED_COVERAGE);
        assertThat(evening.violations()).filteredOn(v -> v.rule() == RosterRule.REQUIRED_COVERAGE).singleElement()
                .satisfies(v -> assertThat(v.arguments()).containsExactly(Line.FIRST, RosterDesk.GENERAL, 1));

        RosterExplanation.ShiftCoverage wednesday = why.shift(MON.plusDays(2), RosterDesk.MORNING);
        assertThat(wednesday.required()).isEqualTo(1);
        assertThat(wednesday.assigned()).isEqualTo(2);
        assertThat(wednesday.optionalAgents()).isEqualTo(1);
        assertThat(why.shortfall()).isEqualTo(1);
    }
}
