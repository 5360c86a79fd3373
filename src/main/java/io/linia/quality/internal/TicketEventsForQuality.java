package io.linia.quality.internal;

import io.linia.quality.CustomerRatings;
import io.linia.quality.RepeatContacts;
import io.linia.tickets.TicketAction;
import io.linia.tickets.TicketChanged;
import io.linia.tickets.TicketCreated;
import io.linia.tickets.TicketEscalated;
import io.linia.tickets.TicketService;
import io.linia.tickets.TicketState;
import io.linia.tickets.TicketStateChanged;
import io.linia.tickets.TicketView;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps quality's record of tickets from the tickets' events, in the transaction of the change (so a solve is never
 * stored without its rating request, nor a reopen without its repeat contact): new tickets, category changes,
 * solves and closes (who resolved it, on which line) and reopens.
 */
@Component
class TicketEventsForQuality {

    /** Changes after which a ticket's category may be another than before. */
    private static final Set<TicketAction> CATEGORY_CHANGES = EnumSet.of(TicketAction.RECATEGORISE, TicketAction.AUTO_CATEGORISED,
            TicketAction.SUGGESTION_CORRECTED, TicketAction.ESCALATE, TicketAction.RETURN_TO_FIRST_LINE);

    private final RepeatContacts repeats;
    private final CustomerRatings ratings;
    private final TicketService tickets;

    TicketEventsForQuality(RepeatContacts repeats, CustomerRatings ratings, TicketService tickets) {
        this.repeats = repeats;
        this.ratings = ratings;
        this.tickets = tickets;
    }

    @EventListener
    void on(TicketCreated event) {
        repeats.created(event.ticketId(), event.customerId(), event.categoryId(), event.at());
    }

    @EventListener
    void on(TicketEscalated event) {
        repeats.categoryIs(event.ticketId(), event.categoryId());
    }

    @EventListener
    void on(TicketChanged event) {
        if (CATEGORY_CHANGES.contains(event.action())) {
            tickets.facts(event.ticketId()).ifPresent(f -> repeats.categoryIs(f.id(), f.categoryId()));
        }
    }

    @EventListener
    void on(TicketStateChanged event) {
        if (event.action() == TicketAction.REOPENED) {
            repeats.reopened(event.ticketId(), event.at());
            return;
        }
        boolean solved = event.to() == TicketState.SOLVED && event.from() != TicketState.SOLVED;
        boolean closedUnsolved = event.to() == TicketState.CLOSED && event.from() != TicketState.SOLVED
                && event.action() == TicketAction.CLOSE;
        if (!solved && !closedUnsolved) {
            return;
        }
        tickets.forMail(event.ticketId()).ifPresent(t -> {
            Long solver = t.history().stream()
                    .filter(h -> h.toState() == event.to() && h.fromState() != event.to() && h.actorId() != null)
                    .reduce((a, b) -> b).map(TicketView.HistoryView::actorId).orElse(t.assigneeId());
            if (solver != null && solver == io.linia.accounts.Actor.SYSTEM_ID) {
                solver = t.assigneeId();
            }
            repeats.resolved(t.id(), t.customerId(), t.categoryId(), t.createdAt(), solver, event.line().name(), event.at());
            if (solved) {
                ratings.request(t.id(), solver, t.customerId(), event.at());
            }
        });
    }
}
