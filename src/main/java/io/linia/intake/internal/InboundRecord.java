package io.linia.intake.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A mail read from a mailbox, once: (mailbox, key of its Message-ID) is unique, so a mail seen again
 * (a crash before it was flagged on the server, two nodes) is recognised and not taken twice.
 */
@Entity
@Table(name = "mail_inbound")
public class InboundRecord {

    /** Same values as {@link io.linia.intake.InboundView.Outcome}. */
    public enum Outcome { NEW_TICKET, REPLY, AUTO_REPLY, BOUNCE, QUARANTINED }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "mail_inbound_seq")
    @SequenceGenerator(name = "mail_inbound_seq", sequenceName = "mail_inbound_seq", allocationSize = 50)
    private Long id;
    private long mailboxId;
    private String dedupKey;
    private String messageId;
    private String fromAddress;
    private String subject;
    private Instant receivedAt;
    @Enumerated(EnumType.STRING)
    private Outcome outcome;
    private Long ticketId;
    private Long ticketMessageId;
    private boolean acknowledged;
    private String detail;

    protected InboundRecord() {
    }

    InboundRecord(long mailboxId, String dedupKey, String messageId, String fromAddress, String subject,
                  Instant receivedAt, Outcome outcome, Long ticketId, Long ticketMessageId, boolean acknowledged,
                  String detail) {
        this.mailboxId = mailboxId;
        this.dedupKey = dedupKey;
        this.messageId = cut(messageId, 998);
        this.fromAddress = cut(fromAddress, 254);
        this.subject = cut(subject, 255);
        this.receivedAt = receivedAt;
        this.outcome = outcome;
        this.ticketId = ticketId;
        this.ticketMessageId = ticketMessageId;
        this.acknowledged = acknowledged;
        this.detail = cut(detail, 1000);
    }

    static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    public Outcome outcome() { return outcome; }

    public io.linia.intake.InboundView toView(String mailboxName) {
        return new io.linia.intake.InboundView(id, mailboxId, mailboxName, messageId, fromAddress, subject, receivedAt,
                io.linia.intake.InboundView.Outcome.valueOf(outcome.name()),
                ticketId == null ? null : io.linia.tickets.TicketNumber.format(ticketId), acknowledged, detail);
    }

    public Long ticketId() { return ticketId; }

    public long mailboxId() { return mailboxId; }
}
