package io.linia.workforce;

import java.time.Duration;
import java.util.List;

/**
 * A roster and why it is so: the best found when the solve ended, or so far while it runs.
 *
 * @param status      {@link RosterStatus#SOLVING} for a roster taken from a running solve
 * @param solvingTime time spent solving up to this roster's moment
 */
public record RosterResult(RosterStatus status, RosterScore score, List<RosterAssignment> assignments, RosterExplanation explanation,
                           Duration solvingTime) {

    public RosterResult {
        assignments = List.copyOf(assignments);
    }
}
