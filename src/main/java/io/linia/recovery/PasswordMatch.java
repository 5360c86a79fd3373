package io.linia.recovery;

import java.time.LocalDate;

/**
 * The answer to "was this ever the mailbox's password?": whether it matched, whether it is the
 * current one, and when it was in use. Never carries the hash.
 *
 * @param usedUntil null for the current password
 */
public record PasswordMatch(boolean matched, boolean current, LocalDate usedFrom, LocalDate usedUntil) {

    public static PasswordMatch none() {
        return new PasswordMatch(false, false, null, null);
    }
}
