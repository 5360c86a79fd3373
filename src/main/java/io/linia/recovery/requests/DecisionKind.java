package io.linia.recovery.requests;

/** The kinds of decision on a recovery request. */
public enum DecisionKind {
    /** Give access back: at once when the score reaches the auto-recommend threshold, otherwise after a second agent confirms. */
    RESTORE,
    /** A second agent confirms a restore decided below the threshold (the directory acts then). */
    CONFIRM,
    /** A second agent does not confirm; the request is open again. */
    REJECT,
    /** Ask the person for more answers (they get a link). */
    ASK_MORE,
    /** Refuse with a reason template. */
    REFUSE,
    /** Refused by the policy: the request is about someone else's mailbox (from the text or an agent's tick). */
    POLICY
}
