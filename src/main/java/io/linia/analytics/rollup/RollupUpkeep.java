package io.linia.analytics.rollup;

import io.linia.tickets.TicketTimelines;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps the rollups following the tickets off the ticket commands' threads. A committed change only hands its ticket
 * ids to {@link #handOff}; one background thread ("analytics-upkeep") counts the waiting tickets in batches, many per
 * transaction (every {@code delay}, or at once when {@code batch-size} wait), with {@link RollupKeeper}'s row locks
 * and differences, so several nodes' workers and a rebuild may count one ticket at once. A failed batch goes back to
 * the queue (logged at WARN with its size) and is tried again at the next turn. What the queue cannot keep (a crash,
 * a stop) the catch-up makes good: every {@code catch-up-interval} it counts again the tickets with a step recorded
 * since its watermark (less {@code catch-up-margin}), kept in {@code analytics_upkeep} so it survives restarts.
 */
@Component
public class RollupUpkeep implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RollupUpkeep.class);
    static final String CATCH_UP = "catch-up";

    private final RollupKeeper keeper;
    private final TicketTimelines timelines;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final UpkeepProperties settings;
    private final Object lock = new Object();
    /** Tickets waiting to be counted, in the order they came; guarded by {@link #lock}. */
    private final Set<Long> waiting = new LinkedHashSet<>();
    private boolean drainQueued;
    private volatile ScheduledExecutorService worker;

    RollupUpkeep(RollupKeeper keeper, TicketTimelines timelines, JdbcTemplate jdbc, Clock clock, UpkeepProperties settings) {
        this.keeper = keeper;
        this.timelines = timelines;
        this.jdbc = jdbc;
        this.clock = clock;
        this.settings = settings;
    }

    /** Queues these tickets to be counted; returns at once (the caller's thread never touches the rollups). */
    public void handOff(Collection<Long> ticketIds) {
        if (ticketIds.isEmpty()) {
            return;
        }
        boolean full;
        synchronized (lock) {
            waiting.addAll(ticketIds);
            full = waiting.size() >= settings.batchSize() && !drainQueued;
            if (full) {
                drainQueued = true;
            }
        }
        ScheduledExecutorService w = worker;
        if (full && w != null) {
            try {
                w.execute(this::drainFull);
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                // stopping: the last drain in stop() or the next start's catch-up counts them
            }
        }
    }

    /** How many tickets wait to be counted. */
    public int waiting() {
        synchronized (lock) {
            return waiting.size();
        }
    }

    /**
     * Counts every waiting ticket now, on the worker's thread, and waits for it; answers whether the queue was empty
     * when it finished (false: a batch failed and waits for its retry, or the time ran out).
     */
    public boolean awaitIdle(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            ScheduledExecutorService w = worker;
            if (w == null) {
                drain();
            } else {
                Future<?> f = w.submit(this::drain);
                try {
                    f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                } catch (ExecutionException | TimeoutException e) {
                    return false;
                }
            }
            if (waiting() == 0) {
                return true;
            }
            if (System.nanoTime() >= deadline) {
                return false;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    /** Runs a catch-up now on the worker's thread and waits for it; answers how many tickets it counted again. */
    public int catchUpNow(Duration timeout) throws InterruptedException, ExecutionException, TimeoutException {
        ScheduledExecutorService w = worker;
        if (w == null) {
            return catchUp();
        }
        return w.submit(this::catchUp).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The tickets waiting to be counted, as now. */
    Set<Long> waitingIds() {
        synchronized (lock) {
            return Set.copyOf(waiting);
        }
    }

    /** What a crash between a commit and its batch loses: the waiting tickets, forgotten (for tests of the catch-up). */
    void forgetWaiting() {
        synchronized (lock) {
            waiting.clear();
        }
    }

    private void drainFull() {
        synchronized (lock) {
            drainQueued = false;
        }
        drain();
    }

    /** Counts the waiting tickets batch by batch; a failed batch goes back to the queue and the turn ends. */
    void drain() {
        while (true) {
            List<Long> batch = new ArrayList<>();
            synchronized (lock) {
                Iterator<Long> it = waiting.iterator();
                while (it.hasNext() && batch.size() < settings.batchSize()) {
                    batch.add(it.next());
                    it.remove();
                }
            }
            if (batch.isEmpty()) {
                return;
            }
            try {
                keeper.refresh(batch);
            } catch (RuntimeException e) {
                synchronized (lock) {
                    waiting.addAll(batch);
                }
                log.warn("Rollups not updated for a batch of {} tickets; it waits for the next turn (in {}): {}",
                        batch.size(), settings.delay(), e.toString());
                return;
            }
        }
    }

    /**
     * Counts again every ticket with a step recorded since the watermark less the margin, then moves the watermark to
     * when this catch-up began (never back: another node's may be ahead). A failure leaves the watermark where it was.
     */
    int catchUp() {
        Instant began = clock.instant();
        Instant since = watermark().orElse(began).minus(settings.catchUpMargin());
        List<Long> changed = timelines.changedSince(since);
        for (int i = 0; i < changed.size(); i += settings.batchSize()) {
            keeper.refresh(changed.subList(i, Math.min(changed.size(), i + settings.batchSize())));
        }
        advance(began);
        if (!changed.isEmpty()) {
            log.debug("Analytics catch-up counted {} tickets changed since {}", changed.size(), since);
        }
        return changed.size();
    }

    private void scheduledCatchUp() {
        try {
            catchUp();
        } catch (RuntimeException e) {
            log.warn("Analytics catch-up failed; the next one (in {}) looks back from the same watermark: {}",
                    settings.catchUpInterval(), e.toString());
        }
    }

    private void scheduledDrain() {
        try {
            drain();
        } catch (RuntimeException e) {
            log.warn("Analytics upkeep turn failed: {}", e.toString());
        }
    }

    java.util.Optional<Instant> watermark() {
        List<Timestamp> at = jdbc.queryForList("select caught_up_to from analytics_upkeep where name = ?", Timestamp.class, CATCH_UP);
        return at.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(at.get(0).toInstant());
    }

    private void advance(Instant to) {
        Timestamp t = Timestamp.from(to);
        if (jdbc.update("update analytics_upkeep set caught_up_to = ? where name = ? and caught_up_to < ?", t, CATCH_UP, t) > 0
                || watermark().isPresent()) {
            return;
        }
        try {
            jdbc.update("insert into analytics_upkeep (name, caught_up_to) values (?, ?)", CATCH_UP, t);
        } catch (DuplicateKeyException anotherNode) {
            jdbc.update("update analytics_upkeep set caught_up_to = ? where name = ? and caught_up_to < ?", t, CATCH_UP, t);
        }
    }

    @Override
    public synchronized void start() {
        if (worker != null) {
            return;
        }
        ScheduledThreadPoolExecutor w = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "analytics-upkeep");
            t.setDaemon(true);
            return t;
        });
        w.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        w.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
        long delay = settings.delay().toMillis();
        w.scheduleWithFixedDelay(this::scheduledDrain, delay, delay, TimeUnit.MILLISECONDS);
        long every = settings.catchUpInterval().toMillis();
        w.scheduleWithFixedDelay(this::scheduledCatchUp, every, every, TimeUnit.MILLISECONDS);
        worker = w;
    }

    /** Stops the worker after one last turn counting what waits (up to 10 s); what is left the next catch-up counts. */
    @Override
    public synchronized void stop() {
        ScheduledExecutorService w = worker;
        if (w == null) {
            return;
        }
        w.execute(this::scheduledDrain);
        w.shutdown();
        try {
            if (!w.awaitTermination(10, TimeUnit.SECONDS)) {
                w.shutdownNow();
                log.warn("Analytics upkeep stopped with {} tickets not counted; the next catch-up counts them", waiting());
            }
        } catch (InterruptedException e) {
            w.shutdownNow();
            Thread.currentThread().interrupt();
        }
        worker = null;
    }

    @Override
    public boolean isRunning() {
        return worker != null;
    }

    /** Starts before and stops after the web server, so that no command's hand-off finds it stopped. */
    @Override
    public int getPhase() {
        return 0;
    }
}
