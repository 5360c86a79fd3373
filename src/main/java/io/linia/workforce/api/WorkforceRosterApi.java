package io.linia.workforce.api;

import io.linia.accounts.Actor;
import io.linia.shared.DomainException;
import io.linia.workforce.RosterExplanation;
import io.linia.workforce.schedule.RosterJobs;
import io.linia.workforce.schedule.RosterView;
import io.linia.workforce.schedule.Rosters;
import io.linia.workforce.schedule.SolveState;
import io.linia.workforce.staff.StaffAccess;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A planning period's roster over the API: read it (agents: once published), solve it in the background
 * and follow or stop the solve, give, take away and pin shifts by hand, publish and withdraw it (team
 * leads, administrators). Changes name the version read; a stale one answers 409. Bad input answers 400
 * with a problem detail naming the field, and changes nothing.
 */
@RestController
@RequestMapping("/api/v1/workforce/periods/{id}/roster")
@Tag(name = "Workforce: roster", description = "The shift roster of a planning period: background solve, hand edits, publishing")
class WorkforceRosterApi {

    /** A solve to start; no time limit: the configured one. */
    record SolveCommand(@Schema(description = "How long the solve may run, in seconds (1–600)", example = "30") Long timeLimitSeconds) {
    }

    /** The version read, for a change that must not overwrite someone else's. */
    record VersionCommand(@Schema(description = "The roster's version read; null skips the check") Long version) {
    }

    record PinCommand(@Schema(description = "true pins the shift (a new solve keeps it), false lets the solve move it") Boolean pinned,
                      Long version) {
    }

    private final Rosters rosters;
    private final RosterJobs jobs;

    WorkforceRosterApi(Rosters rosters, RosterJobs jobs) {
        this.rosters = rosters;
        this.jobs = jobs;
    }

    @GetMapping
    @Operation(summary = "The period's roster: every agent on every shift (planners: also drafts; agents: once published). 404 while there is none")
    RosterView roster(Actor actor, @PathVariable long id) {
        StaffAccess.requireStaff(actor);
        return rosters.ofPeriod(actor, id).orElseThrow(() -> DomainException.notFound("wfroster.error.noRoster", id));
    }

    @GetMapping("/explanation")
    @Operation(summary = "Why the roster is so, as of the last solve: per shift the need against the agents, per agent the unmet wishes with their reasons (planners)")
    RosterExplanation explanation(Actor actor, @PathVariable long id) {
        return rosters.explanation(actor, id).orElseThrow(() -> DomainException.notFound("wfroster.error.noRoster", id));
    }

    @PostMapping("/solve")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Start solving the roster in the background around its pinned shifts (planners); its result is saved when it ends. "
            + "409 while a solve of the period runs")
    SolveState solve(Actor actor, @PathVariable long id, @RequestBody(required = false) SolveCommand command) {
        Long seconds = command == null ? null : command.timeLimitSeconds();
        if (seconds != null && (seconds < RosterJobs.MIN_TIME_LIMIT.toSeconds() || seconds > RosterJobs.MAX_TIME_LIMIT.toSeconds())) {
            StaffAccess.requirePlanner(actor);
            throw DomainException.invalid("timeLimitSeconds", "wfrosterui.error.timeLimit", RosterJobs.MIN_TIME_LIMIT.toSeconds(),
                    RosterJobs.MAX_TIME_LIMIT.toSeconds());
        }
        return jobs.start(actor, id, seconds == null ? null : Duration.ofSeconds(seconds));
    }

    @GetMapping("/solve")
    @Operation(summary = "The period's solve: live progress while it runs (status, best score, elapsed, improvements), how it ended after (planners). "
            + "404 when none ran since the application started")
    SolveState progress(Actor actor, @PathVariable long id) {
        return jobs.state(actor, id).orElseThrow(() -> DomainException.notFound("wfrosterui.error.notRunning"));
    }

    @PostMapping("/solve/stop")
    @Operation(summary = "Stop the running solve: the best roster so far is saved (planners). 409 when none runs")
    SolveState stop(Actor actor, @PathVariable long id) {
        return jobs.stop(actor, id);
    }

    @PutMapping("/shifts/{userId}/{date}/{templateId}")
    @Operation(summary = "Give the agent this shift by hand, pinned (planners). 409 while a solve runs or for a stale version")
    RosterView give(Actor actor, @PathVariable long id, @PathVariable long userId,
                    @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, @PathVariable long templateId,
                    @RequestBody(required = false) VersionCommand command) {
        StaffAccess.requirePlanner(actor);
        jobs.requireIdle(id);
        return rosters.give(actor, id, userId, date, templateId, command == null ? null : command.version());
    }

    @DeleteMapping("/shifts/{userId}/{date}/{templateId}")
    @Operation(summary = "Take the shift away from the agent (planners)")
    RosterView takeAway(Actor actor, @PathVariable long id, @PathVariable long userId,
                        @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, @PathVariable long templateId,
                        @Parameter(description = "The roster's version read") @RequestParam(required = false) Long version) {
        StaffAccess.requirePlanner(actor);
        jobs.requireIdle(id);
        return rosters.takeAway(actor, id, userId, date, templateId, version);
    }

    @PutMapping("/shifts/{userId}/{date}/{templateId}/pin")
    @Operation(summary = "Pin or unpin an agent's shift (planners)")
    RosterView pin(Actor actor, @PathVariable long id, @PathVariable long userId,
                   @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, @PathVariable long templateId,
                   @RequestBody PinCommand command) {
        StaffAccess.requirePlanner(actor);
        if (command == null || command.pinned() == null) {
            throw DomainException.invalid("pinned", "linia.validation.required");
        }
        jobs.requireIdle(id);
        return rosters.pin(actor, id, userId, date, templateId, command.pinned(), command.version());
    }

    @PostMapping("/publish")
    @Operation(summary = "Publish the roster: agents see it, it puts them on shift and counts for pay (planners)")
    RosterView publish(Actor actor, @PathVariable long id, @RequestBody(required = false) VersionCommand command) {
        StaffAccess.requirePlanner(actor);
        jobs.requireIdle(id);
        return rosters.publish(actor, id, command == null ? null : command.version());
    }

    @PostMapping("/withdraw")
    @Operation(summary = "Take the roster back to a draft (planners)")
    RosterView withdraw(Actor actor, @PathVariable long id, @RequestBody(required = false) VersionCommand command) {
        StaffAccess.requirePlanner(actor);
        jobs.requireIdle(id);
        return rosters.withdraw(actor, id, command == null ? null : command.version());
    }
}
