package io.linia.intake.internal;

import io.linia.intake.QuarantineView;
import io.linia.intake.QuarantineView.QuarantineState;
import jakarta.persistence.Basic;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** A mail Linia could not take: its raw source is kept until an admin retries or dismisses it. */
@Entity
@Table(name = "mail_quarantine")
public class QuarantinedMail {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "mail_quarantine_seq")
    @SequenceGenerator(name = "mail_quarantine_seq", sequenceName = "mail_quarantine_seq", allocationSize = 50)
    private Long id;
    private long mailboxId;
    private String messageId;
    private String fromHeader;
    private String subject;
    private String reason;
    @Basic(fetch = FetchType.LAZY)
    private byte[] raw;
    private long sizeBytes;
    private Instant receivedAt;
    @Enumerated(EnumType.STRING)
    private QuarantineState state;
    private Instant resolvedAt;
    private String resolvedBy;
    private Long ticketId;

    protected QuarantinedMail() {
    }

    QuarantinedMail(long mailboxId, String messageId, String fromHeader, String subject, String reason, byte[] raw,
                    Instant receivedAt) {
        this.mailboxId = mailboxId;
        this.messageId = InboundRecord.cut(messageId, 998);
        this.fromHeader = InboundRecord.cut(fromHeader, 500);
        this.subject = InboundRecord.cut(subject, 500);
        this.reason = InboundRecord.cut(reason == null ? "?" : reason, 2000);
        this.raw = raw;
        this.sizeBytes = raw.length;
        this.receivedAt = receivedAt;
        this.state = QuarantineState.OPEN;
    }

    void resolve(QuarantineState state, String by, Long ticketId, Instant at) {
        this.state = state;
        this.resolvedBy = InboundRecord.cut(by, 120);
        this.resolvedAt = at;
        this.ticketId = ticketId;
    }

    void stillUnreadable(String reason) {
        this.reason = InboundRecord.cut(reason == null ? "?" : reason, 2000);
    }

    public Long id() { return id; }

    public long mailboxId() { return mailboxId; }

    public byte[] raw() { return raw; }

    public QuarantineState state() { return state; }

    public Long ticketId() { return ticketId; }

    public QuarantineView toView(String mailboxName, String ticketNumber) {
        return new QuarantineView(id, mailboxId, mailboxName, messageId, fromHeader, subject, reason, sizeBytes,
                receivedAt, state, resolvedAt, resolvedBy, ticketNumber);
    }
}
