package io.linia.shared;

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
import java.util.concurrent.Callable;
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
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps something derived from the tickets (analytics' rollups, quality's facts) following them, off the commands'
 * threads. A committed change only hands its ticket ids to {@link #handOff} ({@link #afterCommit} from inside the
 * changing transaction); one background thread works the waiting
 * tickets off in batches ({@link #refresh}, one transaction each): every {@code delay}, or at once when
 * {@code batchSize} wait. A failed batch goes back to the queue (logged at WARN with its size) and is tried again at
 * the next turn. What the queue cannot keep (a crash, a stop) the catch-up makes good: every {@code catchUpInterval}
 * it refreshes the tickets {@link #changedSince} its watermark less {@code catchUpMargin}, then moves the watermark to
 * when it began (never back: another node's may be ahead). The watermark is a row of a table with the columns
 * {@code name} and {@code caught_up_to}, so it survives restarts. {@link #refresh} must be idempotent: a ticket may be
 * refreshed by several nodes' workers at once, or twice.
 */
public abstract class TicketUpkeep implements SmartLifecycle {

    /**
     * How an upkeep paces itself.
     *
     * @param delay           a changed ticket waits at most this long before its batch
     * @param batchSize       tickets in one batch; a batch starts at once when this many wait
     * @param catchUpInterval every this long the catch-up runs
     * @param catchUpMargin   the catch-up also looks this far behind its watermark (transactions still open then)
     */
    public record Pace(Duration delay, int batchSize, Duration catchUpInterval, Duration catchUpMargin) {
    }

    private final Logger log = LoggerFactory.getLogger(getClass());
    private final String thread;
    private final String watermarkTable;
    private final String watermarkName;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Pace pace;
    private final Object lock = new Object();
    /** Tickets waiting, in the order they came; guarded by {@link #lock}. */
    private final Set<Long> waiting = new LinkedHashSet<>();
    private boolean drainQueued;
    private volatile ScheduledExecutorService worker;

    /**
     * @param thread         the worker thread's name (also in the log)
     * @param watermarkTable the table keeping the watermark (a fixed identifier of the caller, never user input)
     * @param watermarkName  the watermark's row in it
     */
    protected TicketUpkeep(String thread, String watermarkTable, String watermarkName, JdbcTemplate jdbc, Clock clock,
                           Pace pace) {
        if (!watermarkTable.matches("[a-z_]+")) {
            throw new IllegalArgumentException(watermarkTable);
        }
        this.thread = thread;
        this.watermarkTable = watermarkTable;
        this.watermarkName = watermarkName;
        this.jdbc = jdbc;
        this.clock = clock;
        this.pace = pace;
    }

    /** Derives these tickets again (one transaction; idempotent). */
    protected abstract void refresh(List<Long> ticketIds);

    /** The tickets whose sources changed at or after {@code since}. */
    protected abstract List<Long> changedSince(Instant since);

    protected Pace pace() {
        return pace;
    }

    /** Queues these tickets; returns at once (the caller's thread never does the work). */
    public void handOff(Collection<Long> ticketIds) {
        if (ticketIds.isEmpty()) {
            return;
        }
        boolean full;
        synchronized (lock) {
            waiting.addAll(ticketIds);
            full = waiting.size() >= pace.batchSize() && !drainQueued;
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
                // stopping: the last drain in stop() or the next start's catch-up takes them
            }
        }
    }

    /**
     * Hands this ticket off when the current transaction commits (with the others of the same transaction, at once;
     * nothing when it rolls back), or now outside a transaction.
     */
    public void afterCommit(long ticketId) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            handOff(List.of(ticketId));
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
                    if (TransactionSynchronizationManager.getResource(TicketUpkeep.this) == mine) {
                        TransactionSynchronizationManager.unbindResource(TicketUpkeep.this);
                    }
                    if (status == STATUS_COMMITTED) {
                        handOff(mine.ids);
                    }
                }
            });
            pending = mine;
        }
        pending.ids.add(ticketId);
    }

    /** The tickets one transaction changed, handed off when it completes. */
    private static final class Pending {
        final Set<Long> ids = new java.util.TreeSet<>();
        volatile boolean done;
    }

    /** How many tickets wait. */
    public int waiting() {
        synchronized (lock) {
            return waiting.size();
        }
    }

    /** The tickets waiting, as now. */
    public Set<Long> waitingIds() {
        synchronized (lock) {
            return Set.copyOf(waiting);
        }
    }

    /** What a crash between a commit and its batch loses: the waiting tickets, forgotten (tests of the catch-up). */
    public void forgetWaiting() {
        synchronized (lock) {
            waiting.clear();
        }
    }

    /**
     * Works every waiting ticket off now, on the worker's thread, and waits for it; answers whether the queue was empty
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

    /** Runs a catch-up now on the worker's thread and waits for it; answers how many tickets it refreshed. */
    public int catchUpNow(Duration timeout) throws InterruptedException, ExecutionException, TimeoutException {
        return onWorker(this::catchUp, timeout);
    }

    /** Runs {@code task} on the worker's thread (so that no batch interleaves) and waits; here when it is not running. */
    protected <T> T onWorker(Callable<T> task, Duration timeout) throws InterruptedException, ExecutionException,
            TimeoutException {
        ScheduledExecutorService w = worker;
        if (w == null) {
            try {
                return task.call();
            } catch (RuntimeException | InterruptedException | ExecutionException | TimeoutException e) {
                throw e;
            } catch (Exception e) {
                throw new ExecutionException(e);
            }
        }
        return w.submit(task).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Works the waiting tickets off batch by batch; a failed batch goes back to the queue and the turn ends. */
    public void drain() {
        while (true) {
            List<Long> batch = new ArrayList<>();
            synchronized (lock) {
                Iterator<Long> it = waiting.iterator();
                while (it.hasNext() && batch.size() < pace.batchSize()) {
                    batch.add(it.next());
                    it.remove();
                }
            }
            if (batch.isEmpty()) {
                return;
            }
            try {
                refresh(batch);
            } catch (RuntimeException e) {
                synchronized (lock) {
                    waiting.addAll(batch);
                }
                log.warn("{}: a batch of {} tickets failed; it waits for the next turn (in {}): {}", thread, batch.size(),
                        pace.delay(), e.toString());
                return;
            }
        }
    }

    /**
     * Refreshes every ticket changed since the watermark less the margin, then moves the watermark to when this
     * catch-up began (never back). A failure leaves the watermark where it was. Answers how many it refreshed.
     */
    public int catchUp() {
        Instant began = clock.instant();
        Instant since = watermark().orElse(began).minus(pace.catchUpMargin());
        List<Long> changed = changedSince(since);
        refreshAll(changed);
        advance(began);
        if (!changed.isEmpty()) {
            log.debug("{} catch-up refreshed {} tickets changed since {}", thread, changed.size(), since);
        }
        return changed.size();
    }

    /** Refreshes these tickets batch by batch, here. */
    protected void refreshAll(List<Long> ticketIds) {
        for (int i = 0; i < ticketIds.size(); i += pace.batchSize()) {
            refresh(ticketIds.subList(i, Math.min(ticketIds.size(), i + pace.batchSize())));
        }
    }

    /** Where the catch-up will look back from (less the margin); empty before the first one. */
    public Optional<Instant> watermark() {
        List<Timestamp> at = jdbc.queryForList("select caught_up_to from " + watermarkTable + " where name = ?",
                Timestamp.class, watermarkName);
        return at.isEmpty() ? Optional.empty() : Optional.of(at.get(0).toInstant());
    }

    private void advance(Instant to) {
        Timestamp t = Timestamp.from(to);
        String forward = "update " + watermarkTable + " set caught_up_to = ? where name = ? and caught_up_to < ?";
        if (jdbc.update(forward, t, watermarkName, t) > 0 || watermark().isPresent()) {
            return;
        }
        try {
            jdbc.update("insert into " + watermarkTable + " (name, caught_up_to) values (?, ?)", watermarkName, t);
        } catch (DuplicateKeyException anotherNode) {
            jdbc.update(forward, t, watermarkName, t);
        }
    }

    private void scheduled(Runnable turn, String what) {
        try {
            turn.run();
        } catch (RuntimeException e) {
            log.warn("{}: {} failed; tried again at the next turn: {}", thread, what, e.toString());
        }
    }

    @Override
    public synchronized void start() {
        if (worker != null) {
            return;
        }
        ScheduledThreadPoolExecutor w = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, thread);
            t.setDaemon(true);
            return t;
        });
        w.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        w.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
        long delay = pace.delay().toMillis();
        w.scheduleWithFixedDelay(() -> scheduled(this::drain, "upkeep"), delay, delay, TimeUnit.MILLISECONDS);
        long every = pace.catchUpInterval().toMillis();
        w.scheduleWithFixedDelay(() -> scheduled(this::catchUp, "catch-up"), every, every, TimeUnit.MILLISECONDS);
        worker = w;
    }

    /** Stops the worker after one last turn on what waits (up to 10 s); what is left the next catch-up takes. */
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
                log.warn("{} stopped with {} tickets waiting; the next catch-up takes them", thread, waiting());
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
