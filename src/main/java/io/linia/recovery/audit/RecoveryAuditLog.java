package io.linia.recovery.audit;

import io.linia.accounts.Actor;
import io.linia.recovery.MailboxAddress;
import io.linia.shared.DomainException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The access-recovery audit log: every request, view of evidence, decision and directory action, appended
 * in the same transaction as the act itself (so neither exists without the other), read by administrators.
 * Entries are never changed or removed: this class and its table offer no way to, and the database refuses
 * UPDATE, DELETE and TRUNCATE of the table (migration V25_1, per store).
 */
@Component
public class RecoveryAuditLog {

    public static final int MAX_DETAIL = 2000;
    static final int MAX_MAILBOX = 254;
    static final int MAX_ACTOR_NAME = 120;

    /** A page cursor: the last entry's time in microseconds since the epoch, and its id. */
    private static final Pattern CURSOR = Pattern.compile("(\\d{1,19})_(\\d{1,19})");

    private final AuditRecords records;
    private final Clock clock;

    RecoveryAuditLog(AuditRecords records, Clock clock) {
        this.records = records;
        this.clock = clock;
    }

    /**
     * Appends one entry in the caller's transaction, which must exist and must not be read-only (a view of
     * evidence is a write here too). The time comes from the clock, at the stores' precision (microseconds).
     *
     * @param mailbox normalised already ({@link MailboxAddress}); null when the entry concerns none
     * @param detail  short free text, at most {@value #MAX_DETAIL} characters (longer is refused as invalid input
     *                of {@code detail}); never a password or other secret
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public AuditEntry record(Actor actor, AuditAction action, Long requestId, Long ticketId, String mailbox, String detail) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        if (TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            // PostgreSQL would refuse the insert, H2 would not: refuse it on both alike
            throw new IllegalStateException("an audit entry needs a read-write transaction, the caller's is read-only");
        }
        String text = detail == null || detail.isBlank() ? null : detail.strip();
        if (text != null && text.length() > MAX_DETAIL) {
            throw DomainException.invalid("detail", "recovery.audit.detail.tooLong", MAX_DETAIL, text.length());
        }
        String address = mailbox == null || mailbox.isBlank() ? null : mailbox.strip();
        if (address != null && address.length() > MAX_MAILBOX) {
            throw DomainException.invalid("mailbox", "recovery.audit.mailbox.tooLong", MAX_MAILBOX);
        }
        String name = actor.name() == null ? "" : actor.name();
        // the name is a label as of then (the id is what identifies the actor): a long one is cut, not refused
        name = name.length() > MAX_ACTOR_NAME ? name.substring(0, MAX_ACTOR_NAME) : name;
        return records.append(clock.instant().truncatedTo(ChronoUnit.MICROS), actor.id(), name, action, requestId, ticketId,
                address, text);
    }

    /**
     * Entries matching every given filter, newest first (by time, then id), one page at a time: the page's
     * {@link AuditPage#nextCursor()} goes into the next query (keyset paging: a page costs the same however deep,
     * and entries appended meanwhile never shift the pages after). Bad filters are refused as invalid input
     * naming the filter: {@code mailbox} (not an address), {@code to} (not after {@code from}), {@code cursor},
     * {@code limit}.
     */
    @Transactional(readOnly = true)
    public AuditPage find(AuditQuery query) {
        if (query.limit() < 1 || query.limit() > AuditQuery.MAX_LIMIT) {
            throw DomainException.invalid("limit", "recovery.audit.filter.limit", 1, AuditQuery.MAX_LIMIT);
        }
        String mailbox = query.mailbox() == null || query.mailbox().isBlank() ? null
                : MailboxAddress.parse("mailbox", query.mailbox()).value();
        if (query.from() != null && query.to() != null && !query.from().isBefore(query.to())) {
            throw DomainException.invalid("to", "recovery.audit.filter.range");
        }
        AuditRecords.Key after = query.cursor() == null || query.cursor().isBlank() ? null : key(query.cursor().strip());
        List<AuditEntry> entries = records.page(mailbox, query.actorId(), query.action(), query.from(), query.to(),
                query.requestId(), after, query.limit() + 1);
        if (entries.size() <= query.limit()) {
            return new AuditPage(entries, null);
        }
        List<AuditEntry> page = entries.subList(0, query.limit());
        return new AuditPage(page, cursor(page.get(page.size() - 1)));
    }

    static String cursor(AuditEntry last) {
        long micros = Math.addExact(Math.multiplyExact(last.at().getEpochSecond(), 1_000_000L), last.at().getNano() / 1_000);
        return micros + "_" + last.id();
    }

    private static AuditRecords.Key key(String cursor) {
        Matcher m = CURSOR.matcher(cursor);
        if (m.matches()) {
            try {
                long micros = Long.parseLong(m.group(1));
                return new AuditRecords.Key(Instant.EPOCH.plus(micros, ChronoUnit.MICROS), Long.parseLong(m.group(2)));
            } catch (NumberFormatException | ArithmeticException | java.time.DateTimeException e) {
                // out of range: the same refusal as any other malformed cursor
            }
        }
        throw DomainException.invalid("cursor", "recovery.audit.filter.cursor");
    }
}
