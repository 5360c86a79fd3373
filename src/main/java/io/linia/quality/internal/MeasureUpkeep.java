package io.linia.quality.internal;

import io.linia.quality.MeasureProperties;
import io.linia.shared.TicketUpkeep;
import io.linia.tickets.TicketTimelines;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps the quality measures' facts following the tickets and quality's rows, off the commands' threads
 * ({@link TicketUpkeep}: one background thread "quality-measures", batches derived again by {@link MeasureStore#refresh},
 * a catch-up from a watermark in {@code quality_upkeep}). The catch-up derives again the tickets with a history step,
 * an SLA outcome, a rating request or rating, a review or dispute decision, a repeat contact or a trainer's correction
 * recorded since its watermark (less the margin). Deriving a ticket again is idempotent: it replaces its facts.
 */
@Component
public class MeasureUpkeep extends TicketUpkeep {

    static final String CATCH_UP = "measures-catch-up";

    private final MeasureStore store;
    private final TicketTimelines timelines;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    MeasureUpkeep(MeasureStore store, TicketTimelines timelines, JdbcTemplate jdbc, Clock clock, MeasureProperties settings) {
        super("quality-measures", "quality_upkeep", CATCH_UP, jdbc, clock,
                new Pace(settings.delay(), settings.batchSize(), settings.catchUpInterval(), settings.catchUpMargin()));
        this.store = store;
        this.timelines = timelines;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    protected void refresh(List<Long> ticketIds) {
        store.refresh(ticketIds);
    }

    /** Tickets whose history or quality rows changed at or after {@code since}. */
    @Override
    protected List<Long> changedSince(Instant since) {
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

    /**
     * Derives everything again from scratch on the worker's thread (so no batch of the upkeep interleaves) and waits:
     * empties the facts, derives them page by page, sums the cells, then derives again what changed since it began.
     * Answers how many tickets it derived.
     */
    public long rebuild(int pageSize, Duration timeout) throws InterruptedException, ExecutionException, TimeoutException {
        return onWorker(() -> rebuildHere(pageSize), timeout);
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
        refreshAll(changedSince(began.minus(pace().catchUpMargin())));
        return done;
    }
}
