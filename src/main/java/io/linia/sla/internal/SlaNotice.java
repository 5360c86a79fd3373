package io.linia.sla.internal;

import io.linia.sla.SlaNoticeView;
import io.linia.sla.SlaTarget;
import io.linia.tickets.TicketNumber;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** A warning or breach told to one team lead, until they have read it. */
@Entity
@Table(name = "sla_notice")
public class SlaNotice {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sla_notice_seq")
    @SequenceGenerator(name = "sla_notice_seq", sequenceName = "sla_notice_seq", allocationSize = 50)
    private Long id;
    private long userId;
    private long ticketId;
    @Enumerated(EnumType.STRING)
    private SlaTarget target;
    @Enumerated(EnumType.STRING)
    private SlaNoticeView.Kind kind;
    private Instant createdAt;
    private Instant readAt;

    protected SlaNotice() {
    }

    SlaNotice(long userId, long ticketId, SlaTarget target, SlaNoticeView.Kind kind, Instant now) {
        this.userId = userId;
        this.ticketId = ticketId;
        this.target = target;
        this.kind = kind;
        this.createdAt = now;
    }

    void read(Instant now) {
        if (readAt == null) {
            readAt = now;
        }
    }

    SlaNoticeView toView() {
        return new SlaNoticeView(id, ticketId, TicketNumber.format(ticketId), target, kind, createdAt, readAt != null);
    }
}
