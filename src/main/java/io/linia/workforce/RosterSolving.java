package io.linia.workforce;

import java.util.NoSuchElementException;
import java.util.UUID;

/**
 * Item 5: rosters solved in the background, with a live view of the progress, an early stop, and the best
 * roster with its explanation at the end. One solve runs at a time per core pair; the others wait in turn.
 * Unknown ids raise {@link NoSuchElementException}.
 */
public interface RosterSolving {

    /** Settings from the configuration ({@code linia.workforce.roster.*}), for problems to start from. */
    RosterSettings defaults();

    /** Starts solving in the background; returns at once. */
    UUID start(RosterProblem problem);

    RosterProgress progress(UUID jobId);

    /** Asks the solve to stop early; the best roster so far becomes its result. Nothing happens to a finished solve. */
    void stop(UUID jobId);

    /** The best roster so far while the solve runs, the final one after it; before the first one, only the pinned shifts. */
    RosterResult result(UUID jobId);

    /** Waits for the solve to end and returns its roster. */
    RosterResult await(UUID jobId) throws InterruptedException;

    /** Stops the solve if it runs and forgets it. */
    void forget(UUID jobId);

    /** Solves in the calling thread until the time limits; for batch use and benchmarks. */
    RosterResult solve(RosterProblem problem);
}
