package io.linia.automation.internal;

import io.linia.automation.RuleTrigger;
import io.linia.tickets.TicketChanged;
import io.linia.tickets.Line;
import io.linia.tickets.TicketCreated;
import io.linia.tickets.TicketFacts;
import io.linia.tickets.TicketNumber;
import io.linia.tickets.TicketState;
import java.util.List;
import java.util.Set;
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
    void on(TicketCreated e) {
        List<RuleBook.LoadedRule> rules = book.active(RuleTrigger.CREATED);
        if (rules.isEmpty()) {
            return;
        }
        // a new ticket is what the event says: nothing to read back before the first rule matches
        TicketFacts facts = new TicketFacts(e.ticketId(), TicketNumber.format(e.ticketId()), e.channel(), e.categoryId(),
                null, Line.FIRST, TicketState.NEW, e.priority(), e.customerId(), null, e.subject(), e.text(), Set.of(), e.at());
        try {
            engine.run(rules, facts, f -> true);
        } catch (RuntimeException ex) {
            log.warn("CREATED rules on ticket {} did not run: {}", e.ticketId(), ex.toString());
        }
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
