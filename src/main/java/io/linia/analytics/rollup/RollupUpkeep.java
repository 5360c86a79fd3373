package io.linia.analytics.rollup;

import io.linia.shared.TicketUpkeep;
import io.linia.tickets.TicketTimelines;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps the rollups following the tickets off the ticket commands' threads ({@link TicketUpkeep}: one background
 * thread "analytics-upkeep", batches, a catch-up from a watermark in {@code analytics_upkeep}). A batch is counted in
 * one transaction with {@link RollupKeeper}'s row locks and differences, so several nodes' workers and a rebuild may
 * count one ticket at once; the catch-up counts again the tickets with a step recorded since its watermark.
 */
@Component
public class RollupUpkeep extends TicketUpkeep {

    static final String CATCH_UP = "catch-up";

    private final RollupKeeper keeper;
    private final TicketTimelines timelines;

    RollupUpkeep(RollupKeeper keeper, TicketTimelines timelines, JdbcTemplate jdbc, Clock clock, UpkeepProperties settings) {
        super("analytics-upkeep", "analytics_upkeep", CATCH_UP, jdbc, clock,
                new Pace(settings.delay(), settings.batchSize(), settings.catchUpInterval(), settings.catchUpMargin()));
        this.keeper = keeper;
        this.timelines = timelines;
    }

    @Override
    protected void refresh(List<Long> ticketIds) {
        keeper.refresh(ticketIds);
    }

    @Override
    protected List<Long> changedSince(Instant since) {
        return timelines.changedSince(since);
    }
}
