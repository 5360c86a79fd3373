package io.linia.analytics.rollup;

import io.linia.tickets.TicketChanged;
import io.linia.tickets.TicketCreated;
import io.linia.tickets.TicketEscalated;
import io.linia.tickets.TicketReturnedToFirstLine;
import io.linia.tickets.TicketStateChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The tickets module's events name the tickets that changed; after their transaction commits, each is handed once
 * (however many events it published) to {@link RollupUpkeep}'s queue, and counted there on its worker's thread: a
 * ticket command never waits on the rollups, and a rolled-back change is never queued. Without a transaction the
 * ticket is queued at once.
 */
@Component
class RollupTriggers {

    private final RollupUpkeep upkeep;

    RollupTriggers(RollupUpkeep upkeep) {
        this.upkeep = upkeep;
    }

    @EventListener
    void on(TicketCreated e) {
        changed(e.ticketId());
    }

    @EventListener
    void on(TicketChanged e) {
        changed(e.ticketId());
    }

    @EventListener
    void on(TicketStateChanged e) {
        changed(e.ticketId());
    }

    @EventListener
    void on(TicketEscalated e) {
        changed(e.ticketId());
    }

    @EventListener
    void on(TicketReturnedToFirstLine e) {
        changed(e.ticketId());
    }

    private void changed(long ticketId) {
        upkeep.afterCommit(ticketId);
    }
}
