package io.linia.training;

import static org.assertj.core.api.Assertions.assertThat;

import io.linia.accounts.Actor;
import io.linia.accounts.Role;
import io.linia.accounts.UserAdministration;
import io.linia.accounts.UserDirectory;
import io.linia.accounts.UserRef;
import io.linia.knowledge.KnowledgeBase;
import io.linia.routing.RoutingDirectory;
import io.linia.tickets.Line;
import io.linia.workforce.AgentProfile;
import io.linia.workforce.DayKind;
import io.linia.workforce.RosterAssignment;
import io.linia.workforce.RosterExplanation;
import io.linia.workforce.RosterNeed;
import io.linia.workforce.RosterProblem;
import io.linia.workforce.RosterResult;
import io.linia.workforce.RosterSettings;
import io.linia.workforce.RosterSolving;
import io.linia.workforce.ShiftSlot;
import io.linia.workforce.TrainingPlacement;
import io.linia.workforce.staff.ContractCommand;
import io.linia.workforce.staff.StaffProfiles;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The workforce roster takes a training stage as the reason for a shift on another line: a second-line agent in a
 * rotation course on the first line, at the shadowing stage, is planned on a first-line shift for the stages of ticket
 * work, and the explanation names the programme and the stage; an agent not enrolled is not.
 */
@TrainingTest
class TrainingRosterTest {

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final long MORNING = 1;

    @Autowired
    TrainingTest.TrainingClock clock;
    @Autowired
    Enrolments enrolments;
    @Autowired
    TrainingProgrammes programmes;
    @Autowired
    TraineesAtWork atWork;
    @Autowired
    StaffProfiles staff;
    @Autowired
    RosterSolving solving;
    @Autowired
    UserAdministration administration;
    @Autowired
    UserDirectory users;
    @Autowired
    KnowledgeBase knowledge;
    @Autowired
    RoutingDirectory routing;

    TrainingFixtures fx;

    @BeforeEach
    void setUp() {
        clock.set(Instant.parse("2026-11-23T07:00:00Z"));
        fx = new TrainingFixtures(administration, users, knowledge, programmes);
    }

    private UserRef secondLineAgentWithContract(String name) {
        long web = routing.groupByCode("web").orElseThrow().id();
        UserRef agent = fx.newUser(name, Set.of(Role.AGENT_L2), Set.of(web));
        staff.setContract(fx.actor("lead"), agent.id(), new ContractCommand(LocalDate.of(2026, 11, 1), new BigDecimal("40000.00"),
                new BigDecimal("3000.00"), "RUB", 0, 5));
        return agent;
    }

    private static ShiftSlot morning(LocalDate day) {
        return new ShiftSlot(day, MORNING, day.atTime(LocalTime.of(9, 0)).atZone(MOSCOW).toInstant(),
                day.atTime(LocalTime.of(15, 0)).atZone(MOSCOW).toInstant(), DayKind.WEEKDAY);
    }

    /** One morning shift needing one first-line agent, planned with these agents only. */
    private RosterResult solveFirstLineMorning(LocalDate day, List<AgentProfile> agents) {
        RosterSettings settings = solving.defaults().withTimeLimit(Duration.ofSeconds(5)).withUnimprovedTimeLimit(Duration.ofSeconds(1))
                .withOptionalSeatsPerShift(0);
        return solving.solve(new RosterProblem(day, day, agents, List.of(morning(day)), List.of(),
                List.of(new RosterNeed(day, MORNING, Line.FIRST, RosterNeed.WHOLE_LINE, 1)), List.of(), settings));
    }

    @Test
    void aSecondLineAgentInARotationCourseIsRosteredOnTheFirstLineWithTheTrainingAsTheReasonAndOthersAreNot() {
        UserRef rotating = secondLineAgentWithContract("Ротация " + UUID.randomUUID().toString().substring(0, 4));
        UserRef notEnrolled = secondLineAgentWithContract("Без обучения " + UUID.randomUUID().toString().substring(0, 4));
        String name = "Ротация на первой линии " + UUID.randomUUID();
        ProgrammeView course = fx.create(new ProgrammeCommand(name, null, TargetKind.ROTATION, null, null, true, List.of(
                new ProgrammeCommand.StageCommand(StageKind.SHADOWING, "Наблюдение за первой линией", 7, 5, MinimumUnit.TICKETS, List.of(), List.of()),
                new ProgrammeCommand.StageCommand(StageKind.SUPERVISED_WORK, "Работа под контролем", 14, 10, MinimumUnit.TICKETS, List.of(), List.of()),
                new ProgrammeCommand.StageCommand(StageKind.ATTESTATION, "Аттестация", 3, null, null, List.of(), List.of()))));
        Actor trainer = fx.actor("trainer");
        EnrolmentView e = enrolments.enrol(fx.actor("lead"), new EnrolmentCommand(course.id(), rotating.id(), trainer.id(), null));
        LocalDate today = LocalDate.of(2026, 11, 23);
        LocalDate until = e.stages().get(1).dueDate();
        assertThat(until).isAfter(today.plusDays(7));

        TraineeAtWork work = atWork.now().stream().filter(t -> t.traineeId() == rotating.id()).findFirst().orElseThrow();
        assertThat(work.kind()).isEqualTo(StageKind.SHADOWING);
        assertThat(work.from()).isEqualTo(today);
        assertThat(work.until()).as("through the supervised stage that follows").isEqualTo(until);

        List<AgentProfile> planned = staff.planned(today);
        AgentProfile profile = planned.stream().filter(p -> p.userId() == rotating.id()).findFirst().orElseThrow();
        AgentProfile other = planned.stream().filter(p -> p.userId() == notEnrolled.id()).findFirst().orElseThrow();
        assertThat(profile.line()).isEqualTo(Line.SECOND);
        assertThat(profile.training()).containsExactly(new TrainingPlacement(Line.FIRST, RosterNeed.WHOLE_LINE, today, until, name,
                "Наблюдение за первой линией"));
        assertThat(other.training()).isEmpty();

        // within the course: the rotating agent takes the first-line seat, and the explanation says why
        LocalDate day = today.plusDays(2);
        RosterResult withTraining = solveFirstLineMorning(day, List.of(profile, other));
        assertThat(withTraining.assignments()).filteredOn(a -> !a.optional()).singleElement().satisfies(a -> {
            assertThat(a.userId()).isEqualTo(rotating.id());
            assertThat(a.line()).isEqualTo(Line.FIRST);
        });
        RosterExplanation.AgentReport report = withTraining.explanation().agent(rotating.id());
        assertThat(report.trainingShifts()).containsExactly(new RosterExplanation.TrainingShift(day, MORNING, Line.FIRST,
                RosterNeed.WHOLE_LINE, name, "Наблюдение за первой линией"));
        assertThat(withTraining.explanation().agent(notEnrolled.id()).trainingShifts()).isEmpty();

        // the agent not enrolled cannot take it; nor the rotating agent after the course's time of ticket work
        RosterResult without = solveFirstLineMorning(day, List.of(other));
        assertThat(without.assignments()).filteredOn(a -> !a.optional()).isEmpty();
        assertThat(without.explanation().shortfall()).isEqualTo(1);
        LocalDate after = until.plusDays(1);
        RosterResult late = solveFirstLineMorning(after, List.of(profile));
        assertThat(late.assignments()).filteredOn(RosterAssignment::pinned).isEmpty();
        assertThat(late.assignments()).filteredOn(a -> !a.optional()).isEmpty();

        // the stage ends: no longer at ticket work, no longer offered the first line
        enrolments.cancel(fx.actor("lead"), e.id());
        assertThat(staff.planned(today).stream().filter(p -> p.userId() == rotating.id()).findFirst().orElseThrow().training()).isEmpty();
    }
}
