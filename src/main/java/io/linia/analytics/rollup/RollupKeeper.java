package io.linia.analytics.rollup;

import io.linia.analytics.rollup.RollupStore.Counted;
import io.linia.tickets.TicketTimelines;
import io.linia.tickets.TicketTimelines.Timeline;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Brings the rollups up to date with tickets: for each, in one transaction with its row locked, adds (its flows now)
 * minus (its flows as counted) and remembers what is now counted. Idempotent and order-free: a repeated, late or
 * reordered event changes nothing more, and a lost one is made good by the ticket's next event,
 * {@link RollupUpkeep}'s catch-up or a rebuild.
 */
@Component
public class RollupKeeper {

    private static final Logger log = LoggerFactory.getLogger(RollupKeeper.class);
    private static final int ATTEMPTS = 5;

    private final RollupStore store;
    private final TicketTimelines timelines;
    private final TransactionTemplate transactions;

    RollupKeeper(RollupStore store, TicketTimelines timelines, PlatformTransactionManager transactionManager) {
        this.store = store;
        this.timelines = timelines;
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The zone of the daily rollups' days (the desk's zone when they were last rebuilt, or when the desk began). */
    public java.time.ZoneId dayZone() {
        return store.dayZone();
    }

    /** Counts these tickets' changes, all in one transaction (retried on a deadlock or a duplicate new cell). */
    public void refresh(Collection<Long> ticketIds) {
        if (ticketIds.isEmpty()) {
            return;
        }
        List<Long> ids = ticketIds.stream().distinct().sorted().toList();
        retrying(() -> {
            Map<Long, Counted> counted = store.claim(ids);
            List<Timeline> now = new ArrayList<>(ids.size());
            for (long id : ids) {
                timelines.timeline(id).ifPresent(now::add);
            }
            count(now, counted);
            return null;
        });
    }

    /**
     * Counts the next page of tickets after {@code afterTicketId} (a rebuild's step); answers the last ticket id
     * of the page and how many it held, or -1 when there were none.
     */
    long[] refreshPage(long afterTicketId, int size) {
        return retrying(() -> {
            List<Timeline> page = timelines.page(afterTicketId, size);
            if (page.isEmpty()) {
                return new long[] {-1, 0};
            }
            Map<Long, Counted> counted = store.claim(page.stream().map(Timeline::ticketId).toList());
            // read again under the locks: a change committed meanwhile is then counted here, not half here
            List<Timeline> locked = timelines.page(afterTicketId, size).stream()
                    .filter(t -> counted.containsKey(t.ticketId())).toList();
            count(locked, counted);
            return new long[] {page.get(page.size() - 1).ticketId(), page.size()};
        });
    }

    private void count(List<Timeline> now, Map<Long, Counted> counted) {
        Map<Cell, long[]> deltas = new TreeMap<>();
        List<Counted> records = new ArrayList<>(now.size());
        Map<Long, Timeline> byId = new HashMap<>();
        now.forEach(t -> byId.put(t.ticketId(), t));
        for (Timeline t : now) {
            Counted before = counted.get(t.ticketId());
            Map<Cell, long[]> after = TicketFlows.of(t);
            Map<Cell, long[]> was = before == null || before.nothing() ? Map.of()
                    : TicketFlows.of(t, before.channel(), before.categoryId(), before.lastStepId());
            TicketFlows.addAll(deltas, TicketFlows.difference(after, was));
            long last = t.steps().isEmpty() ? 0 : t.steps().get(t.steps().size() - 1).id();
            records.add(new Counted(t.ticketId(), t.channel().name(), TicketFlows.key(t.categoryId()), last));
        }
        deltas.values().removeIf(TicketFlows::zero);
        store.add(deltas);
        store.record(records);
    }

    private <T> T retrying(java.util.function.Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.execute(s -> work.get());
            } catch (DataIntegrityViolationException | TransientDataAccessException e) {
                // two writers created one cell at once (H2's merge) or met in a deadlock: the loser tries again
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
                try {
                    Thread.sleep(5L * attempt);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }
}
