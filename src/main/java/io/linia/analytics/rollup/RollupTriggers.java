package io.linia.analytics.rollup;

import io.linia.tickets.TicketChanged;
import io.linia.tickets.TicketCreated;
import io.linia.tickets.TicketEscalated;
import io.linia.tickets.TicketReturnedToFirstLine;
import io.linia.tickets.TicketStateChanged;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

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
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            upkeep.handOff(List.of(ticketId));
            return;
        }
        Pending pending = (Pending) TransactionSynchronizationManager.getResource(this);
        if (pending == null || pending.done) {
            // none yet in this transaction, or one left bound by a finished outer transaction (a plain resource is
            // not suspended by REQUIRES_NEW): this transaction gets its own
            if (pending != null) {
                TransactionSynchronizationManager.unbindResource(this);
            }
            Pending mine = new Pending();
            TransactionSynchronizationManager.bindResource(this, mine);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    mine.done = true;
                    if (TransactionSynchronizationManager.getResource(RollupTriggers.this) == mine) {
                        TransactionSynchronizationManager.unbindResource(RollupTriggers.this);
                    }
                    if (status == STATUS_COMMITTED) {
                        upkeep.handOff(mine.ids);
                    }
                }
            });
            pending = mine;
        }
        pending.ids.add(ticketId);
    }

    private static final class Pending {
        final Set<Long> ids = new TreeSet<>();
        volatile boolean done;
    }
}
