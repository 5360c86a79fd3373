package io.linia.recovery;

/** Why the platform blocked a mailbox. */
public enum BlockReason {
    /** it sent spam (usually after a break-in) */
    SPAM,
    /** signs of a break-in: logins from unusual places, password guessing */
    COMPROMISED,
    /** a complaint or a breach of the terms of use */
    TERMS_VIOLATION,
    /** the owner asked to freeze it */
    OWNER_REQUEST
}
