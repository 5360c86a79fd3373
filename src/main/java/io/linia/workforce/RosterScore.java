package io.linia.workforce;

/**
 * A roster's score, three levels compared in order. {@code hard}: broken rules (unavailable shift, overlap,
 * rest, week limit, wrong queue), 0 in a valid roster. {@code medium}: seats of the need left empty, the
 * shortfall. {@code soft}: the weighted wishes (see {@link RosterRule}). Each is 0 or negative; higher is better.
 */
public record RosterScore(long hard, long medium, long soft) {

    /** No hard rule broken. */
    public boolean feasible() {
        return hard == 0;
    }

    @Override
    public String toString() {
        return hard + "hard/" + medium + "medium/" + soft + "soft";
    }
}
