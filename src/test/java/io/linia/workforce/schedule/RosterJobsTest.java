package io.linia.workforce.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.linia.accounts.Actor;
import io.linia.accounts.Role;
import io.linia.accounts.UserAdministration;
import io.linia.accounts.UserDirectory;
import io.linia.accounts.UserRef;
import io.linia.tickets.Line;
import io.linia.workforce.RosterAssignment;
import io.linia.workforce.RosterExplanation;
import io.linia.workforce.RosterProblem;
import io.linia.workforce.RosterProgress;
import io.linia.workforce.RosterResult;
import io.linia.workforce.RosterScore;
import io.linia.workforce.RosterSettings;
import io.linia.workforce.RosterSolving;
import io.linia.workforce.RosterStatus;
import io.linia.workforce.ShiftSlot;
import io.linia.workforce.WorkforcePlanning;
import io.linia.workforce.demand.StaffingDemand;
import io.linia.workforce.staff.PeriodView;
import io.linia.workforce.staff.PlanningPeriods;
import io.linia.workforce.staff.StaffFixtures;
import io.linia.workforce.staff.StaffProfiles;
import io.linia.workforce.staff.StaffStoreTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * How a solve's end reaches the stored roster: a solve that fails, or is stopped before it found any
 * roster, leaves the roster before it as it was and says so; the problem handed to the solver holds the
 * period's shifts, its planned agents and the roster's pinned shifts.
 */
@StaffStoreTest
class RosterJobsTest {

    @Autowired
    StaffStoreTest.StaffClock clock;
    @Autowired
    PlanningPeriods periods;
    @Autowired
    StaffProfiles profiles;
    @Autowired
    WorkforcePlanning planning;
    @Autowired
    StaffingDemand demand;
    @Autowired
    Rosters rosters;
    @Autowired
    UserAdministration administration;
    @Autowired
    UserDirectory users;

    StaffFixtures fx;
    Actor lead;
    PeriodView period;
    UserRef nina;
    RosterView before;
    ShiftSlot first;

    @BeforeEach
    void setUp() {
        fx = new StaffFixtures(clock, periods, administration, users);
        lead = fx.actor("lead");
        period = fx.openPeriod(lead, 2);
        nina = fx.newAgent(Role.AGENT_L1, "Нина Сбойная");
        profiles.setContract(lead, nina.id(), StaffFixtures.contract(period.firstDay().minusDays(14), "40000", 8, "3000", 5));
        first = planning.slots(period.firstDay(), period.lastDay()).get(0);
        RosterResult earlier = new RosterResult(RosterStatus.FINISHED, new RosterScore(0, 0, -10),
                List.of(new RosterAssignment(nina.id(), first.date(), first.templateId(), Line.FIRST, 0L, false)),
                new RosterExplanation(List.of(), List.of()), Duration.ofSeconds(3));
        RosterView saved = rosters.saveSolved(lead, period.id(), earlier, null);
        before = rosters.give(lead, period.id(), nina.id(), period.firstDay().plusDays(1), first.templateId(), saved.version());
    }

    @Test
    void aFailedSolveLeavesThePreviousRosterAsItWasAndSaysWhy() throws Exception {
        Scripted solving = new Scripted(RosterStatus.FAILED, null, "the constraint stream broke");
        RosterJobs jobs = new RosterJobs(solving, rosters, periods, planning, demand, clock);

        SolveState started = jobs.start(lead, period.id(), Duration.ofSeconds(5));
        assertThat(started.running()).isTrue();
        // the solver was given the period's shifts, its agents and the pinned shift
        RosterProblem problem = solving.problem.get();
        assertThat(problem.from()).isEqualTo(period.firstDay());
        assertThat(problem.toInclusive()).isEqualTo(period.lastDay());
        assertThat(problem.settings().timeLimit()).isEqualTo(Duration.ofSeconds(5));
        assertThat(problem.agents()).anyMatch(a -> a.userId() == nina.id());
        assertThat(problem.pins()).containsExactly(new io.linia.workforce.RosterPin(nina.id(), period.firstDay().plusDays(1), first.templateId()));
        assertThat(problem.slots()).hasSameSizeAs(planning.slots(period.firstDay(), period.lastDay()));

        solving.end.countDown();
        assertThat(jobs.awaitEnd(period.id(), Duration.ofSeconds(10))).isTrue();
        SolveState ended = jobs.state(lead, period.id()).orElseThrow();
        assertThat(ended.status()).isEqualTo(RosterStatus.FAILED);
        assertThat(ended.failure()).isEqualTo("the constraint stream broke");
        assertThat(ended.savedVersion()).isNull();
        assertThat(ended.running()).isFalse();
        RosterView after = rosters.ofPeriod(lead, period.id()).orElseThrow();
        assertThat(after.version()).isEqualTo(before.version());
        assertThat(after.shifts()).isEqualTo(before.shifts());
        assertThat(solving.forgotten.get()).isEqualTo(started.jobId());
    }

    @Test
    void aSolveStoppedBeforeItsFirstRosterSavesNothing() throws Exception {
        Scripted solving = new Scripted(RosterStatus.STOPPED, null, null);
        RosterJobs jobs = new RosterJobs(solving, rosters, periods, planning, demand, clock);
        jobs.start(lead, period.id(), null);
        assertThat(solving.problem.get().settings().timeLimit()).isEqualTo(solving.defaults().timeLimit());

        SolveState stopping = jobs.stop(lead, period.id());
        assertThat(stopping.stopRequested()).isTrue();
        assertThat(jobs.awaitEnd(period.id(), Duration.ofSeconds(10))).isTrue();
        SolveState ended = jobs.state(lead, period.id()).orElseThrow();
        assertThat(ended.status()).isEqualTo(RosterStatus.STOPPED);
        assertThat(ended.unsaved()).isTrue();
        assertThat(ended.savedVersion()).isNull();
        assertThat(rosters.ofPeriod(lead, period.id()).orElseThrow().version()).isEqualTo(before.version());
    }

    /** A solver whose solve ends as the test says: with that status and score, after {@link #end} (or a stop). */
    static final class Scripted implements RosterSolving {
        final RosterStatus outcome;
        final RosterScore best;
        final String failure;
        final CountDownLatch end = new CountDownLatch(1);
        final AtomicReference<RosterProblem> problem = new AtomicReference<>();
        final AtomicReference<UUID> forgotten = new AtomicReference<>();
        final UUID id = UUID.randomUUID();

        Scripted(RosterStatus outcome, RosterScore best, String failure) {
            this.outcome = outcome;
            this.best = best;
            this.failure = failure;
        }

        @Override
        public RosterSettings defaults() {
            return RosterSettings.defaults().withTimeLimit(Duration.ofSeconds(7));
        }

        @Override
        public UUID start(RosterProblem p) {
            problem.set(p);
            return id;
        }

        @Override
        public RosterProgress progress(UUID jobId) {
            RosterStatus status = end.getCount() == 0 ? outcome : RosterStatus.SOLVING;
            return new RosterProgress(jobId, status, best, Duration.ofMillis(200), null, 0, status == RosterStatus.FAILED ? failure : null);
        }

        @Override
        public void stop(UUID jobId) {
            end.countDown();
        }

        @Override
        public RosterResult result(UUID jobId) {
            return new RosterResult(end.getCount() == 0 ? outcome : RosterStatus.SOLVING, best, List.of(),
                    new RosterExplanation(List.of(), List.of()), Duration.ofMillis(200));
        }

        @Override
        public RosterResult await(UUID jobId) throws InterruptedException {
            end.await();
            return result(jobId);
        }

        @Override
        public void forget(UUID jobId) {
            forgotten.set(jobId);
        }

        @Override
        public RosterResult solve(RosterProblem p) {
            throw new UnsupportedOperationException("only background solves here");
        }
    }
}
