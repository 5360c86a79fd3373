package io.linia.quality.internal;

import io.linia.quality.MeasureProperties;
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
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
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
 * Keeps the measures' facts following the tickets and quality's rows, off the commands' threads (the model is
 * analytics' rollup upkeep). A committed change only hands its ticket ids to {@link #handOff}; one background thread
 * ("quality-measures") derives the waiting tickets' facts again in batches ({@link MeasureStore#refresh}), every
 * {@code delay} or at once when {@code batch-size} wait. A failed batch goes back to the queue (logged at WARN). What
 * the queue cannot keep (a crash, a stop) the catch-up makes good: every {@code catch-up-interval} it derives again the
 * tickets with a history step, an SLA outcome, a rating request or rating, a review or dispute decision, a repeat
 * contact or a trainer's correction recorded since its watermark (less {@code catch-up-margin}), kept in
 * {@code quality_upkeep} so that it survives restarts. Deriving a ticket again is idempotent: it replaces its facts.
 */
@Component
public class MeasureUpkeep implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MeasureUpkeep.class);
    static final String CATCH_UP = "measures-catch-up";

    private final MeasureStore store;
    private final TicketTimelines timelines;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final MeasureProperties settings;
    private final Object lock = new Object();
    private final Set<Long> waiting = new LinkedHashSet<>();
    private boolean drainQueued;
    private volatile ScheduledExecutorService worker;

    MeasureUpkeep(MeasureStore store, TicketTimelines timelines, JdbcTemplate jdbc, Clock clock, MeasureProperties settings) {
        this.store = store;
        this.timelines = timelines;
        this.jdbc = jdbc;
        this.clock = clock;
        this.settings = settings;
    }

    /** Queues these tickets to be derived again; returns at once. */
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
                w.execute(() -> {
                    synchronized (lock) {
                        drainQueued = false;
                    }
                    drain();
                });
            } catch (RejectedExecutionException stopping) {
                // stopping: the last drain in stop() or the next catch-up derives them
            }
        }
    }

    public int waiting() {
        synchronized (lock) {
            return waiting.size();
        }
    }

    /** Derives every waiting ticket now on the worker's thread and waits; true when the queue was empty at the end. */
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

    /** Runs a catch-up now on the worker's thread and waits; answers how many tickets it derived again. */
    public int catchUpNow(Duration timeout) throws InterruptedException, ExecutionException, TimeoutException {
        ScheduledExecutorService w = worker;
        if (w == null) {
            return catchUp();
        }
        return w.submit(this::catchUp).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

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
                store.refresh(batch);
            } catch (RuntimeException e) {
                synchronized (lock) {
                    waiting.addAll(batch);
                }
                log.warn("Quality measures not derived for a batch of {} tickets; it waits for the next turn (in {}): {}",
                        batch.size(), settings.delay(), e.toString());
                return;
            }
        }
    }

    /** Derives again every ticket changed since the watermark less the margin, then moves the watermark (never back). */
    int catchUp() {
        Instant began = clock.instant();
        Instant since = watermark().orElse(began).minus(settings.catchUpMargin());
        List<Long> changed = changedSince(since);
        for (int i = 0; i < changed.size(); i += settings.batchSize()) {
            store.refresh(changed.subList(i, Math.min(changed.size(), i + settings.batchSize())));
        }
        advance(began);
        return changed.size();
    }

    /** Tickets whose history or quality rows changed at or after {@code since}. */
    List<Long> changedSince(Instant since) {
        Set<Long> ids = new TreeSet<>(timelines.changedSince(since));
        Timestamp t = Timestamp.from(since);
        ids.addAll(jdbc.queryForList("select ticket_id from quality_sla_outcome where recorded_at >= ? "
                + "union select ticket_id from quality_rating_request where issued_at >= ? "
                + "union select ticket_id from quality_rating where updated_at >= ? "
                + "union select ticket_id from quality_review where created_at >= ? "
                + "union select r.ticket_id from quality_dispute d join quality_review r on r.id = d.review_id where d.resolved_at >= ? "
                + "union select ticket_id from quality_repeat_contact where at >= ? "
                + "union select ticket_id from quality_trainer_correction where recorded_at >= ?", Long.class, t, t, t, t, t, t, t));
        return new ArrayList<>(ids);
    }

    Optional<Instant> watermark() {
        List<Timestamp> at = jdbc.queryForList("select caught_up_to from quality_upkeep where name = ?", Timestamp.class, CATCH_UP);
        return at.isEmpty() ? Optional.empty() : Optional.of(at.get(0).toInstant());
    }

    private void advance(Instant to) {
        Timestamp t = Timestamp.from(to);
        if (jdbc.update("update quality_upkeep set caught_up_to = ? where name = ? and caught_up_to < ?", t, CATCH_UP, t) > 0
                || watermark().isPresent()) {
            return;
        }
        try {
            jdbc.update("insert into quality_upkeep (name, caught_up_to) values (?, ?)", CATCH_UP, t);
        } catch (DuplicateKeyException anotherNode) {
            jdbc.update("update quality_upkeep set caught_up_to = ? where name = ? and caught_up_to < ?", t, CATCH_UP, t);
        }
    }

    private void scheduled(Runnable turn, String what) {
        try {
            turn.run();
        } catch (RuntimeException e) {
            log.warn("Quality measures {} failed; tried again at the next turn: {}", what, e.toString());
        }
    }

    @Override
    public synchronized void start() {
        if (worker != null) {
            return;
        }
        ScheduledThreadPoolExecutor w = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "quality-measures");
            t.setDaemon(true);
            return t;
        });
        w.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        w.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
        long delay = settings.delay().toMillis();
        w.scheduleWithFixedDelay(() -> scheduled(this::drain, "upkeep"), delay, delay, TimeUnit.MILLISECONDS);
        long every = settings.catchUpInterval().toMillis();
        w.scheduleWithFixedDelay(() -> scheduled(this::catchUp, "catch-up"), every, every, TimeUnit.MILLISECONDS);
        worker = w;
    }

    @Override
    public synchronized void stop() {
        ScheduledExecutorService w = worker;
        if (w == null) {
            return;
        }
        w.execute(() -> scheduled(this::drain, "upkeep"));
        w.shutdown();
        try {
            if (!w.awaitTermination(10, TimeUnit.SECONDS)) {
                w.shutdownNow();
                log.warn("Quality measures upkeep stopped with {} tickets not derived; the next catch-up derives them", waiting());
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

    @Override
    public int getPhase() {
        return 0;
    }

    /**
     * Derives everything again from scratch on the worker's thread (so no batch of the upkeep interleaves) and waits:
     * empties the facts, derives them page by page, sums the cells, then derives again what changed since it began.
     * Answers how many tickets it derived.
     */
    public long rebuild(int pageSize, Duration timeout) throws InterruptedException, ExecutionException, TimeoutException {
        ScheduledExecutorService w = worker;
        if (w == null) {
            return rebuildHere(pageSize);
        }
        return w.submit(() -> rebuildHere(pageSize)).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private long rebuildHere(int pageSize) {
        Instant began = clock.instant();
        store.clear();
        long after = 0;
        long done = 0;
        while (true) {
            List<TicketTimelines.Timeline> page = timelines.page(after, pageSize);
            if (page.isEmpty()) {
                break;
            }
            store.derivePage(page);
            done += page.size();
            after = page.get(page.size() - 1).ticketId();
        }
        store.sumAllCells();
        List<Long> changed = changedSince(began.minus(settings.catchUpMargin()));
        for (int i = 0; i < changed.size(); i += settings.batchSize()) {
            store.refresh(changed.subList(i, Math.min(changed.size(), i + settings.batchSize())));
        }
        return done;
    }
}
