package io.linia.analytics.rollup;

import io.linia.tickets.TicketTimelines;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds the rollups from the tickets' histories, in the background, one at a time: empties them, counts every
 * ticket page by page (the same rule and the same locks as the events' upkeep, so changes made meanwhile are
 * counted once), then counts again the tickets that changed since it began. While it runs the figures grow back
 * from nothing; {@link #status()} says how far it is.
 */
@Component
public class RollupRebuild {

    /** Where a rebuild is: {@code done} of {@code total} tickets counted. */
    public record Status(State state, long done, long total, Instant startedAt, Instant finishedAt, String error) {

        public int percent() {
            if (state == State.DONE) {
                return 100;
            }
            return total == 0 ? 0 : (int) Math.min(100, done * 100 / total);
        }

        public boolean running() {
            return state == State.RUNNING;
        }
    }

    public enum State { IDLE, RUNNING, DONE, FAILED }

    private static final Logger log = LoggerFactory.getLogger(RollupRebuild.class);
    /** Steps recorded this long before the start are counted again at the end (clocks of several nodes differ). */
    private static final Duration MARGIN = Duration.ofMinutes(5);

    private final RollupStore store;
    private final RollupKeeper keeper;
    private final TicketTimelines timelines;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final int pageSize;
    private final io.linia.analytics.slamet.SlaMetKeeper slaMet;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "analytics-rebuild");
        t.setDaemon(true);
        return t;
    });
    private final AtomicReference<Status> status = new AtomicReference<>(new Status(State.IDLE, 0, 0, null, null, null));

    RollupRebuild(RollupStore store, RollupKeeper keeper, TicketTimelines timelines, PlatformTransactionManager transactionManager,
                  Clock clock, @Value("${linia.analytics.rebuild.page-size:2000}") int pageSize,
                  io.linia.analytics.slamet.SlaMetKeeper slaMet) {
        this.slaMet = slaMet;
        this.store = store;
        this.keeper = keeper;
        this.timelines = timelines;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.pageSize = pageSize;
    }

    public Status status() {
        return status.get();
    }

    /** Starts a rebuild; answers false (nothing started) while one runs. */
    public synchronized boolean start() {
        if (status.get().running()) {
            return false;
        }
        Instant started = clock.instant();
        status.set(new Status(State.RUNNING, 0, 0, started, null, null));
        worker.submit(() -> run(started));
        return true;
    }

    private void run(Instant started) {
        try {
            long total = timelines.count();
            status.set(new Status(State.RUNNING, 0, total, started, null, null));
            transactions.executeWithoutResult(s -> store.clear());
            long after = 0;
            long done = 0;
            while (true) {
                long[] page = keeper.refreshPage(after, pageSize);
                if (page[0] < 0) {
                    break;
                }
                after = page[0];
                done += page[1];
                status.set(new Status(State.RUNNING, done, Math.max(total, done), started, null, null));
            }
            List<Long> changed = timelines.changedSince(started.minus(MARGIN));
            for (int i = 0; i < changed.size(); i += pageSize) {
                keeper.refresh(changed.subList(i, Math.min(changed.size(), i + pageSize)));
            }
            // SLA met % from the targets' outcomes as the sla module recorded them
            long outcomes = slaMet.rebuild();
            status.set(new Status(State.DONE, done, done, started, clock.instant(), null));
            log.info("Analytics rollups rebuilt from {} tickets and {} SLA outcomes", done, outcomes);
        } catch (RuntimeException e) {
            log.error("Analytics rollups' rebuild failed", e);
            Status s = status.get();
            status.set(new Status(State.FAILED, s.done(), s.total(), started, clock.instant(), e.toString()));
        }
    }
}
