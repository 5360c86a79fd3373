package io.linia.tickets.internal;

import io.linia.tickets.Line;
import io.linia.tickets.TicketAction;
import io.linia.tickets.TicketState;
import io.linia.tickets.TicketView.HistoryView;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** One step in a ticket's life: who, when, what, from which state/line/group to which, and why. */
@Entity
@Table(name = "ticket_history")
public class TicketHistoryEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ticket_history_seq")
    @SequenceGenerator(name = "ticket_history_seq", sequenceName = "ticket_history_seq", allocationSize = 50)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "ticket_id")
    private Ticket ticket;
    private Instant at;
    private Long actorId;
    private String actorName;
    @Enumerated(EnumType.STRING)
    private TicketAction action;
    @Enumerated(EnumType.STRING)
    private TicketState fromState;
    @Enumerated(EnumType.STRING)
    private TicketState toState;
    @Enumerated(EnumType.STRING)
    private Line fromLine;
    @Enumerated(EnumType.STRING)
    private Line toLine;
    private Long fromGroupId;
    private Long toGroupId;
    private String detail;
    /** Set when the step carried out a trainee's draft: the supervisor who approved it. */
    private Long approvedById;
    private String approvedByName;

    protected TicketHistoryEntry() {
    }

    TicketHistoryEntry(Ticket ticket, Instant at, Long actorId, String actorName, TicketAction action,
                       TicketState fromState, TicketState toState, Line fromLine, Line toLine,
                       Long fromGroupId, Long toGroupId, String detail) {
        this.ticket = ticket;
        this.at = at;
        this.actorId = actorId;
        this.actorName = actorName;
        this.action = action;
        this.fromState = fromState;
        this.toState = toState;
        this.fromLine = fromLine;
        this.toLine = toLine;
        this.fromGroupId = fromGroupId;
        this.toGroupId = toGroupId;
        this.detail = detail;
    }

    public TicketAction action() { return action; }

    public TicketState fromState() { return fromState; }

    public TicketState toState() { return toState; }

    public String detail() { return detail; }

    public Instant at() { return at; }

    public Long actorId() { return actorId; }

    public String actorName() { return actorName; }

    public Line fromLine() { return fromLine; }

    public Line toLine() { return toLine; }

    public Long fromGroupId() { return fromGroupId; }

    public Long toGroupId() { return toGroupId; }

    public String approvedByName() { return approvedByName; }

    void approvedBy(long supervisorId, String supervisorName) {
        this.approvedById = supervisorId;
        this.approvedByName = supervisorName;
    }

    public HistoryView toView() {
        return new HistoryView(id, at, actorId, actorName, action, fromState, toState, fromLine, toLine,
                fromGroupId, toGroupId, detail, approvedByName);
    }
}
