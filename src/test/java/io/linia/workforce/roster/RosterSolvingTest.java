package io.linia.workforce.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.linia.workforce.AgentProfile;
import io.linia.workforce.Availability;
import io.linia.workforce.RosterAssignment;
import io.linia.workforce.RosterDesk;
import io.linia.workforce.RosterExplanation;
import io.linia.workforce.RosterNeed;
import io.linia.workforce.RosterPin;
import io.linia.workforce.RosterProblem;
import io.linia.workforce.RosterProgress;
import io.linia.workforce.RosterResult;
import io.linia.workforce.RosterRule;
import io.linia.workforce.RosterScore;
import io.linia.workforce.RosterSettings;
import io.linia.workforce.RosterStatus;
import io.linia.workforce.ShiftSlot;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Whole solves of a desk like the seed's, checked against the rules independently of the solver's score. */
class RosterSolvingTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);
    private static final RosterSettings QUICK = RosterSettings.defaults()
            .withTimeLimit(Duration.ofSeconds(20)).withUnimprovedTimeLimit(Duration.ofSeconds(4));

    private static TimefoldRosterSolving solving;
    private static RosterDesk desk;
    private static RosterResult solved;
    private static List<RosterPin> pins;

    @BeforeAll
    static void solveTheSmallDeskOnce() throws InterruptedException {
        solving = new TimefoldRosterSolving(QUICK, 1);
        desk = RosterDesk.generate(20, MONDAY, 2, 7);
        // the team lead's hand: an L1 agent on a Monday morning, an L2 agent on a Saturday, one more on a Wednesday evening
        pins = List.of(pinOnAvailable(1000, MONDAY, RosterDesk.MORNING), pinOnAvailable(1004, MONDAY.plusDays(5), RosterDesk.WEEKEND),
                pinOnAvailable(1006, MONDAY.plusDays(2), RosterDesk.EVENING));
        UUID id = solving.start(desk.problem(pins, QUICK));
        solved = solving.await(id);
    }

    private static RosterPin pinOnAvailable(long userId, LocalDate date, long template) {
        assertThat(desk.availability(userId, date, template)).isNotEqualTo(Availability.UNAVAILABLE);
        return new RosterPin(userId, date, template);
    }

    @AfterAll
    static void close() {
        solving.close();
    }

    @Test
    void aSmallDeskGetsARosterThatBreaksNoHardRuleCheckedOneByOne() {
        assertThat(solved.status()).isEqualTo(RosterStatus.FINISHED);
        assertThat(solved.score().feasible()).as("score %s", solved.score()).isTrue();
        Map<Long, AgentProfile> agents = desk.agents().stream().collect(Collectors.toMap(AgentProfile::userId, a -> a));
        Map<Long, List<ShiftSlot>> shiftsOf = new HashMap<>();
        for (RosterAssignment a : solved.assignments()) {
            assertThat(desk.availability(a.userId(), a.date(), a.templateId())).as("availability of %s", a).isNotEqualTo(Availability.UNAVAILABLE);
            if (!a.optional()) {
                AgentProfile agent = agents.get(a.userId());
                assertThat(agent.line()).isEqualTo(a.line());
                assertThat(agent.groupIds()).contains(a.groupId());
            }
            shiftsOf.computeIfAbsent(a.userId(), id -> new java.util.ArrayList<>()).add(desk.slot(a.date(), a.templateId()));
        }
        shiftsOf.forEach((userId, slots) -> {
            slots.sort(Comparator.comparing(ShiftSlot::start));
            for (int i = 1; i < slots.size(); i++) {
                assertThat(Duration.between(slots.get(i - 1).end(), slots.get(i).start()))
                        .as("rest of %d before %s", userId, slots.get(i).date()).isGreaterThanOrEqualTo(Duration.ofHours(11));
            }
            Map<LocalDate, Long> perWeek = slots.stream().collect(Collectors.groupingBy(
                    s -> s.date().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)), Collectors.counting()));
            perWeek.forEach((week, count) -> assertThat(count).as("shifts of %d in the week of %s", userId, week)
                    .isLessThanOrEqualTo(agents.get(userId).contract().maxShiftsPerWeek()));
        });
    }

    @Test
    void theNeedOfEveryShiftIsCoveredWhereTheAvailabilityAllows() {
        assertThat(solved.score().medium()).isZero();
        assertThat(solved.explanation().shortfall()).isZero();
        for (RosterNeed need : desk.needs()) {
            long onQueue = solved.assignments().stream().filter(a -> a.date().equals(need.date()) && a.templateId() == need.templateId()
                    && need.line() == a.line() && Long.valueOf(need.groupId()).equals(a.groupId())).count();
            assertThat(onQueue).as("%s", need).isEqualTo(need.required());
        }
        RosterExplanation.ShiftCoverage monday = solved.explanation().shift(MONDAY, RosterDesk.MORNING);
        assertThat(monday.queues()).extracting(RosterExplanation.QueueCoverage::shortfall).containsOnly(0);
        assertThat(monday.assigned()).isGreaterThanOrEqualTo(monday.required());
        assertThat(solved.explanation().shifts()).allSatisfy(s -> assertThat(s.groupsWithoutCertified()).isEmpty());
    }

    @Test
    void mostPreferencesAreHonouredEveryAgentReachesTheMinimumAndEveryUnmetWishHasAReason() {
        RosterExplanation why = solved.explanation();
        int preferred = why.agents().stream().mapToInt(RosterExplanation.AgentReport::preferred).sum();
        int honoured = why.agents().stream().mapToInt(RosterExplanation.AgentReport::preferredHonoured).sum();
        long marked = desk.availability().stream().filter(a -> a.availability() == Availability.PREFERRED).count();
        assertThat(preferred).isEqualTo((int) marked);
        assertThat(honoured).as("%d of %d preferences honoured", honoured, preferred).isGreaterThanOrEqualTo((int) Math.ceil(0.85 * preferred));
        assertThat(why.agents()).allSatisfy(agent -> {
            assertThat(agent.months()).allSatisfy(m -> assertThat(m.missing()).as("%s in %s", agent.name(), m.month()).isZero());
            assertThat(agent.unmetWishes()).hasSize(agent.preferred() - agent.preferredHonoured());
            assertThat(agent.unmetWishes()).allSatisfy(w -> {
                assertThat(w.wish()).isEqualTo(RosterExplanation.Wish.PREFERRED_SHIFT);
                assertThat(w.reason()).isNotNull();
                assertThat(desk.availability(agent.userId(), w.date(), w.templateId())).isEqualTo(Availability.PREFERRED);
            });
            assertThat(agent.shifts()).isEqualTo((int) solved.assignments().stream().filter(a -> a.userId() == agent.userId()).count());
        });
        long unmetInViolations = why.agents().stream().flatMap(a -> a.violations().stream())
                .filter(v -> v.rule() == RosterRule.PREFERRED_SHIFT).count();
        assertThat(unmetInViolations).isEqualTo(preferred - honoured);
    }

    @Test
    void pinnedShiftsAreKeptOnTheAgentsOwnQueue() {
        for (RosterPin pin : pins) {
            assertThat(solved.assignments()).filteredOn(a -> a.userId() == pin.userId() && a.date().equals(pin.date())
                            && a.templateId() == pin.templateId())
                    .singleElement()
                    .satisfies(a -> {
                        assertThat(a.pinned()).isTrue();
                        assertThat(a.optional()).isFalse();
                    });
        }
        assertThat(solved.assignments()).filteredOn(RosterAssignment::pinned).hasSize(pins.size());
    }

    @Test
    void aPinOnAShiftTheAgentMarkedUnavailableStaysAndTheExplanationSaysWhichRuleItBreaks() {
        AgentProfile agent = desk.agents().get(1);
        io.linia.workforce.AvailabilityEntry unavailable = desk.availability().stream()
                .filter(a -> a.userId() == agent.userId() && a.availability() == Availability.UNAVAILABLE).findFirst().orElseThrow();
        RosterPin pin = new RosterPin(agent.userId(), unavailable.date(), unavailable.templateId());

        RosterResult result = solving.solve(desk.problem(List.of(pin), QUICK.withTimeLimit(Duration.ofSeconds(3)).withUnimprovedTimeLimit(null)));

        assertThat(result.score().hard()).isEqualTo(-1);
        assertThat(result.assignments()).contains(new RosterAssignment(agent.userId(), pin.date(), pin.templateId(),
                agent.line(), agent.groupIds().iterator().next(), true));
        assertThat(result.explanation().agent(agent.userId()).violations())
                .filteredOn(v -> v.rule() == RosterRule.UNAVAILABLE_SHIFT).singleElement()
                .satisfies(v -> {
                    assertThat(v.arguments()).containsExactly(pin.date(), pin.templateId());
                    assertThat(v.messageCode()).isEqualTo("roster.rule.unavailable-shift.match");
                    assertThat(v.penalty()).isEqualTo(1);
                });
    }

    @Test
    void stoppingASolveEarlyReturnsTheBestRosterSoFar() throws InterruptedException {
        RosterDesk big = RosterDesk.generate(50, MONDAY, 4, 3);
        UUID id = solving.start(big.problem(List.of(), QUICK.withTimeLimit(Duration.ofMinutes(5)).withUnimprovedTimeLimit(null)));
        RosterProgress seen = solving.progress(id);
        long waited = System.nanoTime();
        while (seen.bestScore() == null || seen.improvements() < 2) {
            assertThat(Duration.ofNanos(System.nanoTime() - waited)).as("waiting for a first roster").isLessThan(Duration.ofSeconds(90));
            Thread.sleep(100);
            seen = solving.progress(id);
        }
        assertThat(seen.status()).isEqualTo(RosterStatus.SOLVING);
        RosterResult sofar = solving.result(id);
        assertThat(sofar.status()).isEqualTo(RosterStatus.SOLVING);
        assertThat(sofar.assignments()).isNotEmpty();

        solving.stop(id);
        RosterResult stopped = solving.await(id);

        assertThat(stopped.status()).isEqualTo(RosterStatus.STOPPED);
        assertThat(stopped.solvingTime()).isLessThan(Duration.ofMinutes(2));
        assertThat(compare(stopped.score(), seen.bestScore())).as("%s against %s", stopped.score(), seen.bestScore()).isGreaterThanOrEqualTo(0);
        RosterProgress end = solving.progress(id);
        assertThat(end.status()).isEqualTo(RosterStatus.STOPPED);
        assertThat(end.bestScore()).isEqualTo(stopped.score());
        assertThat(end.bestFoundAfter()).isLessThanOrEqualTo(end.elapsed());
        assertThat(stopped.assignments()).hasSizeGreaterThanOrEqualTo(big.needs().stream().mapToInt(RosterNeed::required).sum()
                - stopped.explanation().shortfall());
        solving.forget(id);
        assertThatThrownBy(() -> solving.progress(id)).isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void aSecondSolveWaitsForTheFirstWhenOneRunsAtATime() throws InterruptedException {
        RosterSettings short2 = QUICK.withTimeLimit(Duration.ofSeconds(2)).withUnimprovedTimeLimit(null);
        UUID first = solving.start(desk.problem(List.of(), short2));
        UUID second = solving.start(desk.problem(List.of(), short2));

        assertThat(solving.progress(second).status()).isEqualTo(RosterStatus.WAITING);
        assertThat(solving.result(second).assignments()).isEmpty();
        assertThat(solving.await(first).status()).isEqualTo(RosterStatus.FINISHED);
        RosterResult secondResult = solving.await(second);
        assertThat(secondResult.status()).isEqualTo(RosterStatus.FINISHED);
        assertThat(secondResult.score().feasible()).isTrue();
        solving.forget(first);
        solving.forget(second);
    }

    @Test
    void anUnknownSolveIsNotFound() {
        UUID nobody = UUID.randomUUID();
        assertThatThrownBy(() -> solving.progress(nobody)).isInstanceOf(NoSuchElementException.class).hasMessageContaining(nobody.toString());
        assertThatThrownBy(() -> solving.stop(nobody)).isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(() -> solving.result(nobody)).isInstanceOf(NoSuchElementException.class);
    }

    private static int compare(RosterScore a, RosterScore b) {
        return Comparator.comparingLong(RosterScore::hard).thenComparingLong(RosterScore::medium).thenComparingLong(RosterScore::soft).compare(a, b);
    }
}
