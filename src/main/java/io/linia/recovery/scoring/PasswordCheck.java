package io.linia.recovery.scoring;

/**
 * Whether a candidate password is one the mailbox has had, checked by the directory with its own salted hash
 * algorithm, so hashes never reach the scoring engine and candidates are never kept by it.
 */
@FunctionalInterface
public interface PasswordCheck {

    /** A check for a mailbox whose password history the directory does not give. */
    PasswordCheck UNAVAILABLE = candidate -> false;

    boolean matches(String candidate);
}
