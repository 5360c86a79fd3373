package io.linia.workforce.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.linia.accounts.Actor;
import io.linia.accounts.Role;
import io.linia.accounts.UserAdministration;
import io.linia.accounts.UserDirectory;
import io.linia.accounts.UserRef;
import io.linia.shared.DomainException;
import io.linia.tickets.Line;
import io.linia.workforce.DayKind;
import io.linia.workforce.RosterAssignment;
import io.linia.workforce.RosterExplanation;
import io.linia.workforce.RosterPin;
import io.linia.workforce.RosterResult;
import io.linia.workforce.RosterRule;
import io.linia.workforce.RosterScore;
import io.linia.workforce.RosterStatus;
import io.linia.workforce.ShiftSlot;
import io.linia.workforce.WorkforcePlanning;
import io.linia.workforce.schedule.RosterView.State;
import io.linia.workforce.staff.PeriodView;
import io.linia.workforce.staff.PlanningPeriods;
import io.linia.workforce.staff.StaffFixtures;
import io.linia.workforce.staff.StaffProfiles;
import io.linia.workforce.staff.StaffStoreTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@StaffStoreTest
class RostersTest {

    private static final long MORNING = 1;
    private static final long EVENING = 2;
    private static final long WEEKEND = 3;

    @Autowired
    StaffStoreTest.StaffClock clock;
    @Autowired
    PlanningPeriods periods;
    @Autowired
    StaffProfiles profiles;
    @Autowired
    WorkforcePlanning planning;
    @Autowired
    Rosters rosters;
    @Autowired
    UserAdministration administration;
    @Autowired
    UserDirectory users;

    StaffFixtures fx;
    Actor lead;
    PeriodView period;
    UserRef anna;
    UserRef boris;

    @BeforeEach
    void setUp() {
        fx = new StaffFixtures(clock, periods, administration, users);
        lead = fx.actor("lead");
        period = fx.openPeriod(lead, 2);
        LocalDate today = period.firstDay().minusDays(14);
        anna = fx.newAgent(Role.AGENT_L1, "Анна Графикова");
        boris = fx.newAgent(Role.AGENT_L1, "Борис Графиков");
        profiles.setContract(lead, anna.id(), StaffFixtures.contract(today, "40000", 10, "3000", 5));
        profiles.setContract(lead, boris.id(), StaffFixtures.contract(today, "40000", 10, "3000", 5));
    }

    @Test
    void aSolvedRosterIsStoredAsADraftOnlyPlannersSeeUntilItIsPublished() {
        LocalDate monday = period.firstDay();
        ShiftSlot morning = slot(monday, MORNING);
        RosterResult result = result(new RosterScore(0, -1, -120),
                new RosterAssignment(anna.id(), monday, MORNING, Line.FIRST, 11L, false),
                new RosterAssignment(boris.id(), monday, EVENING, null, null, false),
                new RosterAssignment(boris.id(), monday.plusDays(5), WEEKEND, Line.FIRST, 11L, false));

        RosterView saved = rosters.saveSolved(lead, period.id(), result, null);

        assertThat(saved.state()).isEqualTo(State.DRAFT);
        assertThat(saved.score()).isEqualTo(new RosterScore(0, -1, -120));
        assertThat(saved.solvingTime()).isEqualTo(Duration.ofSeconds(7));
        assertThat(saved.shifts()).hasSize(3);
        ScheduledShift first = saved.shifts().get(0);
        assertThat(first.userId()).isEqualTo(anna.id());
        assertThat(first.start()).isEqualTo(morning.start());
        assertThat(first.end()).isEqualTo(morning.end());
        assertThat(first.start()).isEqualTo(monday.atTime(9, 0).atZone(StaffFixtures.MOSCOW).toInstant());
        assertThat(first.line()).isEqualTo(Line.FIRST);
        assertThat(first.groupId()).isEqualTo(11L);
        assertThat(saved.shifts().get(1).line()).isNull();
        assertThat(saved.shifts().get(1).groupId()).isNull();

        Actor agent = fx.actor(users.user(anna.id()).orElseThrow().login());
        assertThat(rosters.ofPeriod(agent, period.id())).isEmpty();
        Instant duringMorning = morning.start().plusSeconds(3600);
        assertThat(rosters.publishedAt(duringMorning)).noneMatch(s -> s.periodId() == period.id());

        RosterView published = rosters.publish(lead, period.id(), saved.version());

        assertThat(published.state()).isEqualTo(State.PUBLISHED);
        assertThat(published.publishedById()).isEqualTo(lead.id());
        assertThat(rosters.ofPeriod(agent, period.id())).map(RosterView::shifts).get().asList().hasSize(3);
        assertThat(rosters.publishedAt(duringMorning)).filteredOn(s -> s.periodId() == period.id())
                .extracting(ScheduledShift::userId).containsExactly(anna.id());
        assertThat(rosters.publishedAt(morning.end())).noneMatch(s -> s.userId() == anna.id());
        assertThat(rosters.published(monday, monday.plusDays(13))).filteredOn(s -> s.periodId() == period.id()).hasSize(3);

        RosterView withdrawn = rosters.withdraw(lead, period.id(), published.version());
        assertThat(withdrawn.state()).isEqualTo(State.DRAFT);
        assertThat(rosters.publishedAt(duringMorning)).noneMatch(s -> s.periodId() == period.id());
    }

    @Test
    void pinnedShiftsSurviveANewSolveWhileEveryOtherShiftIsReplaced() {
        LocalDate monday = period.firstDay();
        rosters.saveSolved(lead, period.id(), result(new RosterScore(0, 0, -10),
                new RosterAssignment(anna.id(), monday, MORNING, Line.FIRST, 11L, false),
                new RosterAssignment(boris.id(), monday, EVENING, Line.FIRST, 11L, false)), null);
        // the lead gives Anna Tuesday evening by hand and pins Boris's Monday evening
        RosterView edited = rosters.give(lead, period.id(), anna.id(), monday.plusDays(1), EVENING, null);
        assertThat(edited.shifts()).filteredOn(s -> s.date().equals(monday.plusDays(1)))
                .singleElement().satisfies(s -> {
                    assertThat(s.pinned()).isTrue();
                    assertThat(s.line()).isEqualTo(Line.FIRST);
                    assertThat(s.groupId()).isNull();
                });
        edited = rosters.pin(lead, period.id(), boris.id(), monday, EVENING, true, edited.version());
        assertThat(rosters.pins(period.id())).containsExactlyInAnyOrder(new RosterPin(anna.id(), monday.plusDays(1), EVENING),
                new RosterPin(boris.id(), monday, EVENING));

        // the next solve kept the pins (placing Anna's in a queue) and moved Anna's Monday to Wednesday
        RosterView resolved = rosters.saveSolved(lead, period.id(), result(new RosterScore(0, 0, -5),
                new RosterAssignment(anna.id(), monday.plusDays(1), EVENING, Line.FIRST, 11L, true),
                new RosterAssignment(boris.id(), monday, EVENING, Line.FIRST, 11L, true),
                new RosterAssignment(anna.id(), monday.plusDays(2), MORNING, Line.FIRST, 11L, false)), edited.version());

        assertThat(resolved.version()).isGreaterThan(edited.version());
        assertThat(resolved.shifts()).extracting(s -> s.userId() + "@" + s.date() + "/" + s.templateId() + (s.pinned() ? "*" : ""))
                .containsExactlyInAnyOrder(boris.id() + "@" + monday + "/" + EVENING + "*",
                        anna.id() + "@" + monday.plusDays(1) + "/" + EVENING + "*",
                        anna.id() + "@" + monday.plusDays(2) + "/" + MORNING);
        assertThat(resolved.shifts()).filteredOn(s -> s.userId() == anna.id() && s.pinned()).singleElement()
                .extracting(ScheduledShift::groupId).isEqualTo(11L);

        // unpinned, a shift goes with the next solve; taken away, it is gone at once
        RosterView unpinned = rosters.pin(lead, period.id(), boris.id(), monday, EVENING, false, null);
        assertThat(unpinned.shifts()).filteredOn(s -> s.userId() == boris.id()).singleElement().extracting(ScheduledShift::pinned).isEqualTo(false);
        RosterView taken = rosters.takeAway(lead, period.id(), anna.id(), monday.plusDays(2), MORNING, unpinned.version());
        assertThat(taken.shifts()).noneMatch(s -> s.userId() == anna.id() && s.date().equals(monday.plusDays(2)));
    }

    @Test
    void handEditsThatCannotBeAreRefusedAndChangeNothing() {
        LocalDate monday = period.firstDay();
        RosterView roster = rosters.give(lead, period.id(), anna.id(), monday, MORNING, null);
        long version = roster.version();

        assertProblem(() -> rosters.give(lead, period.id(), anna.id(), monday.plusDays(5), MORNING, null),
                DomainException.Kind.INVALID_INPUT, "wfroster.error.noSuchShift"); // Saturday has no weekday shift
        assertProblem(() -> rosters.give(lead, period.id(), anna.id(), monday.minusDays(1), WEEKEND, null),
                DomainException.Kind.INVALID_INPUT, "wfroster.error.outsidePeriod");
        UserRef noContract = fx.newAgent(Role.AGENT_L1, "Без Договора");
        assertProblem(() -> rosters.give(lead, period.id(), noContract.id(), monday, EVENING, null),
                DomainException.Kind.INVALID_INPUT, "wfroster.error.notPlanned");
        assertProblem(() -> rosters.give(lead, period.id(), anna.id(), monday, EVENING, version - 1),
                DomainException.Kind.CONFLICT, "wfroster.error.stale");
        assertProblem(() -> rosters.takeAway(lead, period.id(), boris.id(), monday, MORNING, null),
                DomainException.Kind.NOT_FOUND, "wfroster.error.noSuchAssignment");
        Actor agent = fx.actor(users.user(anna.id()).orElseThrow().login());
        assertProblem(() -> rosters.give(agent, period.id(), anna.id(), monday, EVENING, null),
                DomainException.Kind.FORBIDDEN, "wfstaff.error.planners");

        RosterView after = rosters.ofPeriod(lead, period.id()).orElseThrow();
        assertThat(after.version()).isEqualTo(version);
        assertThat(after.shifts()).extracting(ScheduledShift::userId).containsExactly(anna.id());
    }

    @Test
    void theExplanationOfTheLastSolveIsKeptWithTheRoster() {
        LocalDate monday = period.firstDay();
        assertThat(rosters.explanation(lead, period.id())).isEmpty();
        ShiftSlot morning = slot(monday, MORNING);
        RosterExplanation explanation = new RosterExplanation(
                List.of(new RosterExplanation.ShiftCoverage(morning, List.of(new RosterExplanation.QueueCoverage(Line.FIRST, 11L, 3, 2)), 1,
                        List.of(12L), List.of(new RosterExplanation.Violation(RosterRule.REQUIRED_COVERAGE, 1, "roster.rule.need", List.of(1, "x"))))),
                List.of());
        rosters.saveSolved(lead, period.id(), new RosterResult(RosterStatus.STOPPED, new RosterScore(0, -1, 0),
                List.of(new RosterAssignment(anna.id(), monday, MORNING, Line.FIRST, 11L, false)), explanation, Duration.ofSeconds(2)), null);

        RosterExplanation read = rosters.explanation(lead, period.id()).orElseThrow();

        assertThat(read.shifts()).hasSize(1);
        RosterExplanation.ShiftCoverage shift = read.shift(monday, MORNING);
        assertThat(shift.slot()).isEqualTo(morning);
        assertThat(shift.shortfall()).isEqualTo(1);
        assertThat(shift.groupsWithoutCertified()).containsExactly(12L);
        assertThat(shift.violations().get(0).rule()).isEqualTo(RosterRule.REQUIRED_COVERAGE);
        assertThat(shift.violations().get(0).arguments()).containsExactly(1, "x");
    }

    private ShiftSlot slot(LocalDate date, long templateId) {
        return planning.slots(date, date).stream().filter(s -> s.templateId() == templateId).findFirst().orElseThrow();
    }

    private static RosterResult result(RosterScore score, RosterAssignment... assignments) {
        return new RosterResult(RosterStatus.FINISHED, score, List.of(assignments), new RosterExplanation(List.of(), List.of()),
                Duration.ofSeconds(7));
    }

    private static void assertProblem(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, DomainException.Kind kind, String key) {
        assertThatThrownBy(call).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.kind()).isEqualTo(kind);
            assertThat(e.messageKey()).isEqualTo(key);
        });
    }
}
