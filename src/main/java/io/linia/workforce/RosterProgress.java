package io.linia.workforce;

import java.time.Duration;
import java.util.UUID;

/**
 * A solve as it runs, for a live view.
 *
 * @param bestScore      the best roster's score so far, null before the first one
 * @param elapsed        solving time so far (the whole solve once done)
 * @param bestFoundAfter when the best roster so far was found, from the start; null before the first one
 * @param improvements   how many times the best roster improved
 * @param failure        the error's message when {@link RosterStatus#FAILED}, otherwise null
 */
public record RosterProgress(UUID jobId, RosterStatus status, RosterScore bestScore, Duration elapsed, Duration bestFoundAfter,
                             long improvements, String failure) {
}
