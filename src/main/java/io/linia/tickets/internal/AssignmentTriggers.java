package io.linia.tickets.internal;

import io.linia.accounts.ShiftChanged;
import io.linia.tickets.TicketAssignment;
import io.linia.tickets.TicketCreated;
import io.linia.tickets.TicketEscalated;
import io.linia.tickets.TicketReturnedToFirstLine;
import io.linia.tickets.TicketState;
import io.linia.tickets.TicketStateChanged;
import io.linia.routing.AssignmentRules;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * When a ticket enters a queue, automatic assignment gets its chance; when an agent goes off shift,
 * their tickets go back. Each runs after the triggering transaction has committed, in a transaction
 * of its own: the ticket (or the shift change) is saved whatever happens here, and a failure is only
 * logged. It runs in the same thread, so the caller's answer already reflects it — a few
 * milliseconds, and none at all for manual queues (the first line by default) which return before
 * touching the database.
 */
@Component
class AssignmentTriggers {

    private static final Logger log = LoggerFactory.getLogger(AssignmentTriggers.class);

    private final TicketAssignment assignment;
    private final AssignmentRules rules;
    private final boolean releaseOnShiftEnd;

    AssignmentTriggers(TicketAssignment assignment, AssignmentRules rules,
                       @Value("${linia.routing.release-on-shift-end:true}") boolean releaseOnShiftEnd) {
        this.assignment = assignment;
        this.rules = rules;
        this.releaseOnShiftEnd = releaseOnShiftEnd;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(TicketCreated event) {
        // new tickets always start on the first line
        if (rules.firstLine().mode().automatic()) {
            assign(event.ticketId());
        }
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(TicketEscalated event) {
        assign(event.ticketId());
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(TicketReturnedToFirstLine event) {
        if (rules.firstLine().mode().automatic()) {
            assign(event.ticketId());
        }
    }

    /** Back in the queue: the customer answered a question, or reopened a solved ticket. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(TicketStateChanged event) {
        if (event.to() == TicketState.OPEN
                && (event.from() == TicketState.WAITING_FOR_CUSTOMER || event.from() == TicketState.SOLVED)) {
            assign(event.ticketId());
        }
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(ShiftChanged event) {
        if (event.onShift() || !releaseOnShiftEnd) {
            return;
        }
        List<Long> released;
        try {
            released = assignment.releaseAtShiftEnd(event.userId());
        } catch (RuntimeException e) {
            log.warn("Tickets of agent {} not returned to the queue at the end of their shift: {}", event.userId(), e.toString());
            return;
        }
        log.info("Agent {} went off shift: {} ticket(s) returned to the queue", event.userId(), released.size());
        released.forEach(this::assign);
    }

    private void assign(long ticketId) {
        try {
            assignment.assignAutomatically(ticketId);
        } catch (RuntimeException e) {
            // typically someone took the ticket meanwhile (optimistic lock): it is theirs, nothing to do
            log.info("Ticket {} not assigned automatically: {}", ticketId, e.toString());
        }
    }
}
