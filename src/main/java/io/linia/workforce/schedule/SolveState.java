package io.linia.workforce.schedule;

import io.linia.workforce.RosterScore;
import io.linia.workforce.RosterStatus;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A period's roster solve as the page and the API show it: while it runs, its live progress; once it has
 * ended, how (finished by its time limits, stopped, failed) and whether its roster was saved.
 *
 * @param running        solving, or saving its roster: the page keeps polling
 * @param pins           pinned shifts the solve plans around
 * @param bestScore      the best roster's score so far; null before the first
 * @param elapsed        solving time so far
 * @param bestFoundAfter when the best so far was found, from the start
 * @param improvements   how many times the best roster improved
 * @param failure        why it failed (the error's message); null unless {@link RosterStatus#FAILED}
 * @param savedVersion   the roster's version once the result is saved; null before, and when nothing was saved
 * @param unsaved        it ended before finding any roster (stopped at once): nothing was saved
 */
public record SolveState(long periodId, UUID jobId, RosterStatus status, boolean running, Instant startedAt, Instant endedAt,
                         @Schema(type = "string", example = "PT30S") Duration timeLimit, int pins, RosterScore bestScore,
                         @Schema(type = "string", example = "PT4.2S") Duration elapsed,
                         @Schema(type = "string", example = "PT1.5S") Duration bestFoundAfter, long improvements, String failure,
                         Long savedVersion, boolean unsaved, boolean stopRequested) {
}
