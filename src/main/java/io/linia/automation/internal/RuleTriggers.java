package io.linia.automation.internal;

import io.linia.automation.RuleTrigger;
import io.linia.tickets.TicketChanged;
import io.linia.tickets.TicketCreated;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Rules run after the ticket's own transaction has committed — the ticket is saved whatever a rule
 * does — and before automatic assignment looks at it (a rule may first move it to another group).
 * Changes made by rules do not trigger "updated" rules: no rule can wake another in a loop.
 */
@Component
class RuleTriggers {

    private static final Logger log = LoggerFactory.getLogger(RuleTriggers.class);

    private final RuleBook book;
    private final RuleEngine engine;

    RuleTriggers(RuleBook book, RuleEngine engine) {
        this.book = book;
        this.engine = engine;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void on(TicketCreated event) {
        run(RuleTrigger.CREATED, event.ticketId());
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void on(TicketChanged event) {
        if (!event.byRule()) {
            run(RuleTrigger.UPDATED, event.ticketId());
        }
    }

    private void run(RuleTrigger trigger, long ticketId) {
        try {
            engine.run(book.active(trigger), ticketId);
        } catch (RuntimeException e) {
            // the engine records each rule's failure itself; this is the rest (e.g. the database gone)
            log.warn("{} rules on ticket {} did not run: {}", trigger, ticketId, e.toString());
        }
    }
}
