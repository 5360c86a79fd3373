package io.linia.recovery.requests;

/** Where a recovery request stands. */
public enum RequestState {
    /** Waiting for a decision. */
    OPEN,
    /** An agent asked for more answers; the person has a link to add them. */
    AWAITING_ANSWERS,
    /** An agent decided to restore on a score below the auto-recommend threshold; a second agent must confirm. */
    AWAITING_CONFIRMATION,
    /** Access given back (reset link sent and/or mailbox unblocked). */
    RESTORED,
    /** Refused (with a reason template, or by the third-party policy). */
    REFUSED;

    public boolean finished() {
        return this == RESTORED || this == REFUSED;
    }
}
