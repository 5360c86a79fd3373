package io.linia.workforce.schedule;

import io.linia.accounts.Actor;
import io.linia.shared.DomainException;
import io.linia.workforce.AgentProfile;
import io.linia.workforce.RosterNeed;
import io.linia.workforce.RosterPin;
import io.linia.workforce.RosterProblem;
import io.linia.workforce.RosterProgress;
import io.linia.workforce.RosterResult;
import io.linia.workforce.RosterSettings;
import io.linia.workforce.RosterSolving;
import io.linia.workforce.RosterStatus;
import io.linia.workforce.ShiftSlot;
import io.linia.workforce.WorkforcePlanning;
import io.linia.workforce.demand.StaffingDemand;
import io.linia.workforce.staff.PeriodView;
import io.linia.workforce.staff.PlanningPeriods;
import io.linia.workforce.staff.StaffAccess;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Roster solves of planning periods, one at a time per period: the problem is read from the period's
 * agents, shifts, availability, staffing need and pinned shifts; the solve runs in the background; when
 * it ends (its time limits or the team lead's stop) a watcher saves its roster with
 * {@link Rosters#saveSolved}, whether or not anyone is looking at the page. A solve that fails, or is
 * stopped before it found any roster, saves nothing: the roster before it stands.
 *
 * <p>Solves live in memory: a restart forgets the running ones (their period keeps its last saved roster).
 */
@Service
public class RosterJobs {

    /** The least and the most a team lead may let one solve run. */
    public static final Duration MIN_TIME_LIMIT = Duration.ofSeconds(1);
    public static final Duration MAX_TIME_LIMIT = Duration.ofMinutes(10);

    private static final Logger log = LoggerFactory.getLogger(RosterJobs.class);

    private final RosterSolving solving;
    private final Rosters rosters;
    private final PlanningPeriods periods;
    private final WorkforcePlanning planning;
    private final StaffingDemand demand;
    private final Clock clock;
    private final Map<Long, Run> runs = new ConcurrentHashMap<>();
    private final ExecutorService watchers = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "roster-watcher");
        thread.setDaemon(true);
        return thread;
    });

    RosterJobs(RosterSolving solving, Rosters rosters, PlanningPeriods periods, WorkforcePlanning planning, StaffingDemand demand,
               Clock clock) {
        this.solving = solving;
        this.rosters = rosters;
        this.periods = periods;
        this.planning = planning;
        this.demand = demand;
        this.clock = clock;
    }

    /** The solve's time limit when the team lead names none. */
    public Duration defaultTimeLimit() {
        return solving.defaults().timeLimit();
    }

    /**
     * Starts solving the period's roster around its pinned shifts.
     *
     * @param timeLimit how long it may run ({@link #MIN_TIME_LIMIT} to {@link #MAX_TIME_LIMIT}); null: the configured one
     * @throws DomainException forbidden unless a planner; not found; conflict while a solve of the period runs;
     *                         invalid for a time limit out of bounds or a period with no agents or no shifts
     */
    public SolveState start(Actor actor, long periodId, Duration timeLimit) {
        StaffAccess.requirePlanner(actor);
        PeriodView period = periods.get(actor, periodId);
        if (timeLimit != null && (timeLimit.compareTo(MIN_TIME_LIMIT) < 0 || timeLimit.compareTo(MAX_TIME_LIMIT) > 0)) {
            throw DomainException.invalid("timeLimit", "wfrosterui.error.timeLimit", MIN_TIME_LIMIT.toSeconds(), MAX_TIME_LIMIT.toSeconds());
        }
        RosterSettings settings = solving.defaults();
        if (timeLimit != null) {
            settings = settings.withTimeLimit(timeLimit);
            if (settings.unimprovedTimeLimit() != null && settings.unimprovedTimeLimit().compareTo(timeLimit) > 0) {
                settings = settings.withUnimprovedTimeLimit(timeLimit);
            }
        }
        RosterProblem problem = problem(period, settings);
        synchronized (runs) {
            Run current = runs.get(periodId);
            if (current != null && !current.ended()) {
                throw DomainException.conflict("wfrosterui.error.running");
            }
            UUID jobId = solving.start(problem);
            Run run = new Run(periodId, jobId, actor, clock.instant(), settings.timeLimit(), problem.pins().size());
            runs.put(periodId, run);
            watchers.execute(() -> finish(run));
            log.info("Roster solve {} of period {} started by {}: {} agents, {} shifts, {} pinned, up to {}", jobId, periodId,
                    actor.id(), problem.agents().size(), problem.slots().size(), problem.pins().size(), settings.timeLimit());
            return state(run);
        }
    }

    /** The period's solve, running or the last one since the application started; empty when there is none. */
    public Optional<SolveState> state(Actor actor, long periodId) {
        StaffAccess.requirePlanner(actor);
        periods.get(actor, periodId);
        return Optional.ofNullable(runs.get(periodId)).map(this::state);
    }

    /** Whether a solve of the period is running (or saving its roster): hand edits wait until it has. */
    public boolean running(long periodId) {
        Run run = runs.get(periodId);
        return run != null && !run.ended();
    }

    /** Refuses a hand edit while a solve runs: its result would be saved over the edit. */
    public void requireIdle(long periodId) {
        if (running(periodId)) {
            throw DomainException.conflict("wfrosterui.error.editWhileSolving");
        }
    }

    /**
     * Asks the period's solve to stop: the best roster so far is saved as its result.
     *
     * @throws DomainException forbidden, not found; conflict when no solve of the period runs
     */
    public SolveState stop(Actor actor, long periodId) {
        StaffAccess.requirePlanner(actor);
        periods.get(actor, periodId);
        Run run = runs.get(periodId);
        if (run == null || run.ended()) {
            throw DomainException.conflict("wfrosterui.error.notRunning");
        }
        run.stopRequested = true;
        try {
            solving.stop(run.jobId);
        } catch (java.util.NoSuchElementException e) {
            // the watcher has just forgotten it: the solve has ended on its own
        }
        return state(run);
    }

    /** Waits until the period's solve has ended and its roster is saved (for tests and batch use); false on timeout. */
    public boolean awaitEnd(long periodId, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (running(periodId)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }

    private RosterProblem problem(PeriodView period, RosterSettings settings) {
        List<AgentProfile> agents = planning.profiles();
        if (agents.isEmpty()) {
            throw DomainException.invalid("agents", "wfrosterui.error.noAgents");
        }
        List<ShiftSlot> slots = planning.slots(period.firstDay(), period.lastDay());
        if (slots.isEmpty()) {
            throw DomainException.invalid("slots", "wfrosterui.error.noShifts");
        }
        Set<Long> planned = agents.stream().map(AgentProfile::userId).collect(Collectors.toSet());
        Set<String> slotKeys = slots.stream().map(s -> s.date() + "/" + s.templateId()).collect(Collectors.toSet());
        // a pin of an agent no longer planned (their contract ended) or of a shift no longer laid stays stored, outside the solve
        List<RosterPin> pins = rosters.pins(period.id()).stream()
                .filter(p -> planned.contains(p.userId()) && slotKeys.contains(p.date() + "/" + p.templateId())).toList();
        List<RosterNeed> needs = demand.needs(period.firstDay(), period.lastDay());
        try {
            return new RosterProblem(period.firstDay(), period.lastDay(), agents, slots,
                    planning.availability(period.firstDay(), period.lastDay()), needs, pins, settings);
        } catch (IllegalArgumentException e) {
            String field = e.getMessage() == null || !e.getMessage().contains(":") ? "period" : e.getMessage().substring(0, e.getMessage().indexOf(':'));
            throw DomainException.invalid(field, "wfrosterui.error.problem", e.getMessage());
        }
    }

    /** The watcher: waits for the solve, saves its roster, remembers how it ended. */
    private void finish(Run run) {
        try {
            RosterResult result = solving.await(run.jobId);
            RosterProgress last = solving.progress(run.jobId);
            run.last = last;
            if (result.status() == RosterStatus.FAILED) {
                run.failure = last.failure() == null ? "?" : last.failure();
                log.warn("Roster solve {} of period {} failed: {}", run.jobId, run.periodId, run.failure);
            } else if (last.bestScore() == null) {
                run.unsaved = true;
            } else {
                RosterView saved = rosters.saveSolved(run.actor, run.periodId, result, null);
                run.savedVersion = saved.version();
                log.info("Roster solve {} of period {} {} after {} with {}", run.jobId, run.periodId, result.status(),
                        result.solvingTime(), result.score());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            run.failure = "interrupted";
        } catch (RuntimeException e) {
            log.warn("Roster solve {} of period {}: its roster could not be saved", run.jobId, run.periodId, e);
            run.failure = e instanceof DomainException d ? d.messageKey() : String.valueOf(e.getMessage());
        } finally {
            run.endedAt = clock.instant();
            try {
                solving.forget(run.jobId);
            } catch (RuntimeException ignored) {
                // already forgotten
            }
        }
    }

    private SolveState state(Run run) {
        RosterProgress progress = run.last;
        if (progress == null) {
            try {
                progress = solving.progress(run.jobId);
            } catch (java.util.NoSuchElementException e) {
                progress = run.last;
            }
        }
        RosterStatus status = progress == null ? RosterStatus.WAITING : progress.status();
        if (run.failure != null) {
            status = RosterStatus.FAILED;
        }
        boolean ended = run.ended();
        return new SolveState(run.periodId, run.jobId, ended ? status : (status.done() ? RosterStatus.SOLVING : status), !ended,
                run.startedAt, run.endedAt, run.timeLimit, run.pins, progress == null ? null : progress.bestScore(),
                progress == null ? Duration.ZERO : progress.elapsed(), progress == null ? null : progress.bestFoundAfter(),
                progress == null ? 0 : progress.improvements(), run.failure, run.savedVersion, run.unsaved, run.stopRequested);
    }

    @PreDestroy
    void close() throws InterruptedException {
        runs.values().stream().filter(r -> !r.ended()).forEach(r -> {
            try {
                solving.stop(r.jobId);
            } catch (RuntimeException ignored) {
                // ended meanwhile
            }
        });
        watchers.shutdown();
        watchers.awaitTermination(10, TimeUnit.SECONDS);
    }

    private static final class Run {
        final long periodId;
        final UUID jobId;
        final Actor actor;
        final Instant startedAt;
        final Duration timeLimit;
        final int pins;
        volatile boolean stopRequested;
        volatile RosterProgress last;
        volatile String failure;
        volatile Long savedVersion;
        volatile boolean unsaved;
        volatile Instant endedAt;

        Run(long periodId, UUID jobId, Actor actor, Instant startedAt, Duration timeLimit, int pins) {
            this.periodId = periodId;
            this.jobId = jobId;
            this.actor = actor;
            this.startedAt = startedAt;
            this.timeLimit = timeLimit;
            this.pins = pins;
        }

        boolean ended() {
            return endedAt != null;
        }
    }
}
