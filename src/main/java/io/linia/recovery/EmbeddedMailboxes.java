package io.linia.recovery;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Filling the embedded directory (demo data, tests). Exists only with
 * the embedded directory; the real platform owns its mailboxes.
 */
public interface EmbeddedMailboxes {

    /** Adds the mailbox unless one with its address exists; true when added. */
    boolean register(Mailbox mailbox);

    /**
     * A mailbox as the platform holds it. Passwords are salted hashes in Spring Security's
     * {@code {id}hash} form (e.g. {@code {bcrypt}$2a$10$...}), never plain text.
     *
     * @param phone E.164 ({@code +79161234567}) or null
     * @param blockReason null when not blocked
     */
    public record Mailbox(String address, LocalDate registeredOn, String registrationCity, String phone, String spareEmail,
                          BlockReason blockReason, Instant blockedAt, List<Password> passwords, List<String> folders,
                          List<Contact> contacts, List<Filter> filters, List<Login> logins) {
    }

    /** @param usedUntil null for the current password */
    public record Password(String hash, LocalDate usedFrom, LocalDate usedUntil) {
    }

    public record Contact(String address, String displayName, int messages) {
    }

    public record Filter(String name, String description) {
    }

    public record Login(Instant at, String country, String client) {
    }
}
