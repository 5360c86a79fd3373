package io.linia.analytics.slamet;

import io.linia.sla.SlaOutcomes;
import io.linia.sla.SlaTargetFinished;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps SLA met % from the sla module's {@link SlaTargetFinished}: each outcome is recorded once (its ticket, target
 * and start are the key, so a repeated event or a rebuild meeting an event changes nothing more) and, in the same
 * small transaction, added to its finishing hour's cell (target × line × group). Runs after the SLA change commits,
 * off its transaction, so no ticket command waits on the rollup's row locks; an outcome lost to a crash in between is
 * made good by {@link #rebuild()}, which reads the ended targets back through {@link SlaOutcomes}.
 */
@Component
public class SlaMetKeeper {

    private static final Logger log = LoggerFactory.getLogger(SlaMetKeeper.class);
    private static final int ATTEMPTS = 5;
    static final int PAGE = 2000;

    private final JdbcTemplate jdbc;
    private final SlaOutcomes outcomes;
    private final TransactionTemplate tx;

    SlaMetKeeper(JdbcTemplate jdbc, SlaOutcomes outcomes, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.outcomes = outcomes;
        this.tx = new TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(SlaTargetFinished event) {
        try {
            count(List.of(event));
        } catch (RuntimeException e) {
            log.warn("SLA outcome of ticket {} ({}) not counted; a rebuild counts it: {}", event.ticketId(), event.target(), e.toString());
        }
    }

    /** Empties the SLA rollup and counts every ended target again (outcomes arriving meanwhile are counted once). */
    public long rebuild() {
        tx.executeWithoutResult(s -> {
            jdbc.update("delete from analytics_sla_hour");
            jdbc.update("delete from analytics_sla_outcome");
        });
        long after = 0;
        long done = 0;
        while (true) {
            SlaOutcomes.Page page = outcomes.finishedAfter(after, PAGE);
            if (page.outcomes().isEmpty()) {
                break;
            }
            done += count(page.outcomes());
            after = page.last();
        }
        return done;
    }

    /** Records the outcomes not yet recorded and adds them to their hours; answers how many were new. */
    int count(List<SlaTargetFinished> finished) {
        for (int attempt = 1; ; attempt++) {
            try {
                Integer n = tx.execute(s -> countOnce(finished));
                return n == null ? 0 : n;
            } catch (DataIntegrityViolationException | TransientDataAccessException e) {
                // two writers recorded one outcome or created one cell at once: the loser tries again and finds it
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private record CellKey(long hour, String target, String line, long groupId) implements Comparable<CellKey> {
        @Override
        public int compareTo(CellKey o) {
            int c = Long.compare(hour, o.hour);
            if (c == 0) c = target.compareTo(o.target);
            if (c == 0) c = line.compareTo(o.line);
            if (c == 0) c = Long.compare(groupId, o.groupId);
            return c;
        }
    }

    private int countOnce(List<SlaTargetFinished> finished) {
        Map<CellKey, long[]> cells = new TreeMap<>();
        int added = 0;
        for (SlaTargetFinished f : finished) {
            long group = f.groupId() == null ? 0 : f.groupId();
            int inserted = jdbc.update("insert into analytics_sla_outcome (ticket_id, target, started_at, finished_at, line, group_id, met)"
                            + " select cast(? as bigint), cast(? as varchar(20)), cast(? as timestamp with time zone),"
                            + " cast(? as timestamp with time zone), cast(? as varchar(10)), cast(? as bigint), cast(? as boolean)"
                            + " where not exists (select 1 from analytics_sla_outcome where ticket_id = ? and target = ? and started_at = ?)",
                    f.ticketId(), f.target().name(), Timestamp.from(f.startedAt()), Timestamp.from(f.finishedAt()), f.line().name(), group,
                    f.met(), f.ticketId(), f.target().name(), Timestamp.from(f.startedAt()));
            if (inserted == 0) {
                continue;
            }
            added++;
            long[] c = cells.computeIfAbsent(new CellKey(Math.floorDiv(f.finishedAt().getEpochSecond(), 3600), f.target().name(),
                    f.line().name(), group), k -> new long[2]);
            c[0]++;
            if (f.met()) {
                c[1]++;
            }
        }
        // cells in key order: concurrent writers lock them in one order
        cells.forEach((k, c) -> {
            int updated = jdbc.update("update analytics_sla_hour set finished = finished + ?, met = met + ? where hour_no = ? and target = ?"
                    + " and line = ? and group_id = ?", c[0], c[1], k.hour(), k.target(), k.line(), k.groupId());
            if (updated == 0) {
                jdbc.update("insert into analytics_sla_hour (hour_no, target, line, group_id, finished, met) values (?, ?, ?, ?, ?, ?)",
                        k.hour(), k.target(), k.line(), k.groupId(), c[0], c[1]);
            }
        });
        return added;
    }
}
