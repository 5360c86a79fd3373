package io.linia.automation.internal;

import io.linia.automation.RuleRunView;
import io.linia.tickets.TicketNumber;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** One rule matched one ticket: applied or failed (insert only: no row is a hot spot). */
@Entity
@Table(name = "automation_run")
class RuleRun {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "automation_run_seq")
    @SequenceGenerator(name = "automation_run_seq", sequenceName = "automation_run_seq", allocationSize = 50)
    private Long id;
    private long ruleId;
    private long ticketId;
    private Instant ranAt;
    private boolean ok;
    private String detail;

    protected RuleRun() {
    }

    RuleRun(long ruleId, long ticketId, Instant ranAt, boolean ok, String detail) {
        this.ruleId = ruleId;
        this.ticketId = ticketId;
        this.ranAt = ranAt;
        this.ok = ok;
        this.detail = detail == null ? null : detail.length() > 1000 ? detail.substring(0, 999) + "…" : detail;
    }

    RuleRunView toView() {
        return new RuleRunView(id, ruleId, ticketId, TicketNumber.format(ticketId), ranAt, ok, detail);
    }
}
