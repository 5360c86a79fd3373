package io.linia.recovery.scoring;

/** What the score suggests to the agent who decides. */
public enum Recommendation {
    /** Enough evidence of ownership to restore access. */
    RESTORE,
    /** Some evidence; ask the person for more answers. */
    ASK_FOR_MORE,
    /** Too little evidence; refuse. */
    REFUSE
}
