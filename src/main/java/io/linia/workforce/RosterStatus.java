package io.linia.workforce;

/** Where a roster solve is. */
public enum RosterStatus {
    /** queued behind other solves */
    WAITING,
    SOLVING,
    /** stopped by its time limits */
    FINISHED,
    /** stopped by the team lead before its time limit: the best roster so far stands */
    STOPPED,
    /** ended with an error; see {@link RosterProgress#failure()} */
    FAILED;

    public boolean done() {
        return this == FINISHED || this == STOPPED || this == FAILED;
    }
}
