package io.linia.intake.internal;

import io.linia.intake.OutboxView;
import io.linia.intake.OutboxView.OutboxKind;
import io.linia.intake.OutboxView.OutboxState;
import io.linia.tickets.TicketNumber;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;

/**
 * One mail to send, written in the same transaction as what it tells (the reply, the new ticket), so
 * it is never lost; the sender composes it when it is due and retries with backoff until it is sent,
 * refused for good, or too old.
 */
@Entity
@Table(name = "mail_outbox")
public class OutboxEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "mail_outbox_seq")
    @SequenceGenerator(name = "mail_outbox_seq", sequenceName = "mail_outbox_seq", allocationSize = 50)
    private Long id;
    @Enumerated(EnumType.STRING)
    private OutboxKind kind;
    private long ticketId;
    private Long ticketMessageId;
    private String recipient;
    private String messageId;
    @Enumerated(EnumType.STRING)
    private OutboxState state;
    private int attempts;
    private Instant nextAttemptAt;
    private Instant leaseUntil;
    private String lastError;
    private Instant createdAt;
    private Instant sentAt;
    /** For mail not about one conversation (the SLA digest): its lines, as the composer writes them out. */
    private String payload;
    @Version
    private long version;

    protected OutboxEntry() {
    }

    OutboxEntry(OutboxKind kind, long ticketId, Long ticketMessageId, String recipient, String messageId, Instant now) {
        this.kind = kind;
        this.ticketId = ticketId;
        this.ticketMessageId = ticketMessageId;
        this.recipient = recipient;
        this.messageId = messageId;
        this.state = OutboxState.PENDING;
        this.nextAttemptAt = now;
        this.createdAt = now;
    }

    void sent(Instant at) {
        this.state = OutboxState.SENT;
        this.sentAt = at;
        this.attempts++;
        this.lastError = null;
        this.nextAttemptAt = null;
        this.leaseUntil = null;
    }

    /** A failed try: another one after the backoff, or failed for good when permanent or too old. */
    void failed(String error, boolean permanent, Duration firstRetry, Duration maxRetry, Duration giveUpAfter, Instant at) {
        this.attempts++;
        this.lastError = InboundRecord.cut(error == null ? "?" : error, 2000);
        this.leaseUntil = null;
        if (permanent || !at.isBefore(createdAt.plus(giveUpAfter))) {
            this.state = OutboxState.FAILED;
            this.nextAttemptAt = null;
            return;
        }
        this.state = OutboxState.RETRYING;
        long factor = 1L << Math.min(attempts - 1, 20);
        Duration wait = firstRetry.multipliedBy(factor);
        this.nextAttemptAt = at.plus(wait.compareTo(maxRetry) > 0 ? maxRetry : wait);
    }

    void bounced(String diagnostic) {
        this.state = OutboxState.BOUNCED;
        this.lastError = InboundRecord.cut(diagnostic, 2000);
    }

    /** An admin asks for another try now (e.g. after fixing the SMTP settings). */
    boolean retryNow(Instant at) {
        if (state != OutboxState.FAILED && state != OutboxState.RETRYING) {
            return false;
        }
        this.state = OutboxState.RETRYING;
        this.nextAttemptAt = at;
        this.createdAt = this.createdAt.isBefore(at) ? this.createdAt : at;
        return true;
    }

    OutboxEntry withPayload(String payload) {
        this.payload = payload;
        return this;
    }

    public String payload() { return payload; }

    public Long id() { return id; }

    public OutboxKind kind() { return kind; }

    public long ticketId() { return ticketId; }

    public Long ticketMessageId() { return ticketMessageId; }

    public String recipient() { return recipient; }

    public String messageId() { return messageId; }

    public OutboxState state() { return state; }

    public int attempts() { return attempts; }

    public String lastError() { return lastError; }

    public OutboxView toView() {
        return new OutboxView(id, kind, ticketId, TicketNumber.format(ticketId), ticketMessageId, recipient, messageId,
                state, attempts, nextAttemptAt, lastError, createdAt, sentAt);
    }
}
