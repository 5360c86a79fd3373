package io.linia.automation.internal;

import io.linia.automation.RuleNoticeView;
import io.linia.tickets.TicketNumber;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "rule_notice")
class RuleNotice {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "rule_notice_seq")
    @SequenceGenerator(name = "rule_notice_seq", sequenceName = "rule_notice_seq", allocationSize = 50)
    private Long id;
    private long recipientId;
    private Long ruleId;
    private String ruleName;
    private long ticketId;
    private String text;
    private Instant createdAt;
    private Instant readAt;

    protected RuleNotice() {
    }

    RuleNotice(long recipientId, long ruleId, String ruleName, long ticketId, String text, Instant now) {
        this.recipientId = recipientId;
        this.ruleId = ruleId;
        this.ruleName = ruleName;
        this.ticketId = ticketId;
        this.text = text.length() > 2000 ? text.substring(0, 1999) + "…" : text;
        this.createdAt = now;
    }

    long recipientId() { return recipientId; }

    void read(Instant now) {
        if (readAt == null) {
            readAt = now;
        }
    }

    RuleNoticeView toView() {
        return new RuleNoticeView(id, ticketId, TicketNumber.format(ticketId), ruleName, text, createdAt, readAt != null);
    }
}
