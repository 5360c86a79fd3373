package io.linia.workforce.pay;

/** What the team lead records against the published roster. */
public enum AdjustmentKind {
    /** A rostered shift the agent did not work. */
    ABSENT,
    /** A shift the agent worked without being rostered on it. */
    EXTRA,
    /** The agent's rostered shift worked by another agent (the substitute): both sides in one action. */
    SWAP
}
