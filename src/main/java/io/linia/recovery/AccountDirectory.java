package io.linia.recovery;

import io.linia.accounts.Actor;
import java.util.Optional;

/**
 * The mail platform's account directory as Linia sees it. Reads return only what an agent may see:
 * phone and spare e-mail masked, no password hashes; a remembered password is compared on the
 * directory's side. Addresses are normalised ({@link MailboxAddress#parse}); malformed input is
 * refused with {@code DomainException} (invalid input) naming the field.
 */
public interface AccountDirectory {

    /** The facts about a mailbox, or empty when no such mailbox exists. */
    Optional<MailboxFacts> facts(String address);

    /**
     * Whether {@code candidate} is one of the mailbox's passwords, current or past, and when it was in
     * use. Every stored hash is checked (no early exit), so the time taken does not tell which matched.
     * Passwords are compared exactly (case matters), as the platform's login does.
     */
    PasswordMatch matchPassword(String address, String candidate);

    /** Asks the platform to send a password-reset link to {@code newContactAddress} (the user's new address). */
    DirectoryActionResult sendResetLink(String address, String newContactAddress, Actor actor, String reason);

    /** Asks the platform to lift the mailbox's block. */
    DirectoryActionResult unblock(String address, Actor actor, String reason);
}
