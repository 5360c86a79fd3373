package io.linia.recovery.requests;

/**
 * The reason templates of a refusal; each has a label for the agent and a text for the person
 * ({@code recovery.reason.<NAME>} and {@code recovery.mail.refused.<NAME>}).
 */
public enum RefusalReason {
    /** The answers do not prove ownership. */
    NOT_ENOUGH_EVIDENCE,
    /** The answers contradict what the mailbox shows. */
    ANSWERS_CONTRADICT,
    /** There is no such mailbox. */
    MAILBOX_NOT_FOUND,
    /** The person did not add answers in time. */
    NO_ANSWER,
    /** Other: the agent's comment says why (required). */
    OTHER;

    public boolean needsComment() {
        return this == OTHER;
    }
}
