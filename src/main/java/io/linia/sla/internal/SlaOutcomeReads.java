package io.linia.sla.internal;

import io.linia.sla.SlaOutcomes;
import io.linia.sla.SlaTarget;
import io.linia.sla.SlaTargetFinished;
import io.linia.tickets.Line;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** {@link SlaOutcomes} from {@code sla_target}: the rows with an end, in id order ({@link TargetClock} writes met then). */
@Component
@Transactional(readOnly = true)
class SlaOutcomeReads implements SlaOutcomes {

    private final JdbcTemplate jdbc;

    SlaOutcomeReads(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Page finishedAfter(long after, int limit) {
        List<SlaTargetFinished> outcomes = new ArrayList<>();
        long[] last = {-1};
        jdbc.query("select id, ticket_id, target, line, group_id, met, started_at, finished_at from sla_target"
                + " where finished_at is not null and id > ? order by id fetch first " + Math.max(1, limit) + " rows only", rs -> {
            last[0] = rs.getLong(1);
            outcomes.add(new SlaTargetFinished(rs.getLong(2), SlaTarget.valueOf(rs.getString(3)), Line.valueOf(rs.getString(4)),
                    (Long) rs.getObject(5, Long.class), rs.getBoolean(6), rs.getTimestamp(7).toInstant(), rs.getTimestamp(8).toInstant()));
        }, after);
        return new Page(outcomes, last[0]);
    }
}
