package io.linia.recovery;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What an agent may know about a mailbox. Phone and spare e-mail are masked
 * ({@code +7 *** ***-**-67}, {@code i***@example.ru}) and null when none is linked; there is
 * deliberately no password or hash here.
 *
 * @param blockReason null unless blocked
 * @param pendingReset the reset link sent and still valid, or null
 * @param lastLogins newest first
 */
public record MailboxFacts(String address, boolean blocked, BlockReason blockReason, Instant blockedAt,
                           LocalDate registeredOn, String registrationCity, String maskedPhone, String maskedSpareEmail,
                           List<String> folders, List<Contact> frequentContacts, List<Filter> filters,
                           List<Login> lastLogins, PendingReset pendingReset) {

    public MailboxFacts {
        folders = List.copyOf(folders);
        frequentContacts = List.copyOf(frequentContacts);
        filters = List.copyOf(filters);
        lastLogins = List.copyOf(lastLogins);
    }

    /** Someone the owner writes to often; {@code messages} is how many messages went between them. */
    public record Contact(String address, String displayName, int messages) {
    }

    public record Filter(String name, String description) {
    }

    /** A successful login; {@code country} is ISO 3166-1 alpha-2. */
    public record Login(Instant at, String country, String client) {
    }

    /** A reset link sent to {@code contact} (masked), valid until {@code expiresAt}. */
    public record PendingReset(String contact, Instant expiresAt) {
    }
}
