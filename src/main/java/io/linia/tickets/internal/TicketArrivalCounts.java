package io.linia.tickets.internal;

import io.linia.tickets.TicketArrivals;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** {@link TicketArrivals} by aggregate queries over {@code ticket.created_at} and the history's line moves. */
@Component
@Transactional(readOnly = true)
class TicketArrivalCounts implements TicketArrivals {

    private final JdbcTemplate jdbc;

    TicketArrivalCounts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public SortedMap<Instant, Long> createdPerHour(Instant from, Instant to) {
        SortedMap<Instant, Long> counts = new TreeMap<>();
        jdbc.query("select floor(extract(epoch from created_at) / 3600) as h, count(*) from ticket"
                + " where created_at >= ? and created_at < ? group by floor(extract(epoch from created_at) / 3600)", rs -> {
            counts.put(Instant.ofEpochSecond(rs.getLong(1) * 3600), rs.getLong(2));
        }, Timestamp.from(from), Timestamp.from(to));
        return counts;
    }

    @Override
    public long created(Instant from, Instant to) {
        Long n = jdbc.queryForObject("select count(*) from ticket where created_at >= ? and created_at < ?", Long.class,
                Timestamp.from(from), Timestamp.from(to));
        return n == null ? 0 : n;
    }

    @Override
    public Map<Long, Long> reachedSecondLine(Instant from, Instant to) {
        Map<Long, Long> counts = new HashMap<>();
        jdbc.query("select to_group_id, count(*) from ticket_history where to_line = 'SECOND' and at >= ? and at < ?"
                + " and to_group_id is not null"
                + " and (from_line is null or from_line <> 'SECOND' or from_group_id is null or from_group_id <> to_group_id)"
                + " group by to_group_id", rs -> {
            counts.put(rs.getLong(1), rs.getLong(2));
        }, Timestamp.from(from), Timestamp.from(to));
        return counts;
    }

    @Override
    public Optional<Instant> firstCreated() {
        Timestamp first = jdbc.queryForObject("select min(created_at) from ticket", Timestamp.class);
        return Optional.ofNullable(first).map(Timestamp::toInstant);
    }
}
