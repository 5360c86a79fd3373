package io.linia.tickets.internal;

import io.linia.tickets.Channel;
import io.linia.tickets.Line;
import io.linia.tickets.TicketAction;
import io.linia.tickets.TicketState;
import io.linia.tickets.TicketTimelines;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** {@link TicketTimelines} by two plain queries per call (tickets, then their history in order); no entities loaded. */
@Component
@Transactional(readOnly = true)
class TicketTimelineReads implements TicketTimelines {

    private static final String STEPS = "select ticket_id, id, at, action, from_state, to_state, from_line, to_line,"
            + " from_group_id, to_group_id, actor_id from ticket_history";

    private final JdbcTemplate jdbc;

    TicketTimelineReads(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Timeline> timeline(long ticketId) {
        Map<Long, Head> heads = heads("select id, channel, category_id, created_at from ticket where id = ?", ticketId);
        if (heads.isEmpty()) {
            return Optional.empty();
        }
        jdbc.query(STEPS + " where ticket_id = ? order by id", rs -> {
            heads.get(ticketId).steps.add(step(rs));
        }, ticketId);
        return Optional.of(heads.get(ticketId).timeline(ticketId));
    }

    @Override
    public List<Timeline> page(long afterTicketId, int limit) {
        Map<Long, Head> heads = heads("select id, channel, category_id, created_at from ticket where id > ? order by id limit ?",
                afterTicketId, limit);
        if (heads.isEmpty()) {
            return List.of();
        }
        long first = heads.keySet().iterator().next();
        long last = 0;
        for (long id : heads.keySet()) {
            last = id;
        }
        jdbc.query(STEPS + " where ticket_id >= ? and ticket_id <= ? order by ticket_id, id", rs -> {
            Head head = heads.get(rs.getLong(1));
            if (head != null) {
                head.steps.add(step(rs));
            }
        }, first, last);
        List<Timeline> page = new ArrayList<>(heads.size());
        heads.forEach((id, head) -> page.add(head.timeline(id)));
        return page;
    }

    @Override
    public List<Timeline> timelines(java.util.Collection<Long> ticketIds) {
        List<Long> ids = new ArrayList<>(new java.util.TreeSet<>(ticketIds));
        List<Timeline> all = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i += 500) {
            List<Long> chunk = ids.subList(i, Math.min(ids.size(), i + 500));
            String in = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
            Object[] args = chunk.toArray();
            Map<Long, Head> heads = heads("select id, channel, category_id, created_at from ticket where id in (" + in + ") order by id",
                    args);
            if (heads.isEmpty()) {
                continue;
            }
            jdbc.query(STEPS + " where ticket_id in (" + in + ") order by ticket_id, id", rs -> {
                Head head = heads.get(rs.getLong(1));
                if (head != null) {
                    head.steps.add(step(rs));
                }
            }, args);
            heads.forEach((id, head) -> all.add(head.timeline(id)));
        }
        return all;
    }

    @Override
    public long count() {
        Long n = jdbc.queryForObject("select count(*) from ticket", Long.class);
        return n == null ? 0 : n;
    }

    @Override
    public List<Long> changedSince(Instant since) {
        return jdbc.queryForList("select distinct ticket_id from ticket_history where at >= ?", Long.class, Timestamp.from(since));
    }

    private Map<Long, Head> heads(String sql, Object... args) {
        Map<Long, Head> heads = new LinkedHashMap<>();
        jdbc.query(sql, rs -> {
            long category = rs.getLong(3);
            heads.put(rs.getLong(1), new Head(Channel.valueOf(rs.getString(2)), rs.wasNull() ? null : category,
                    rs.getTimestamp(4).toInstant()));
        }, args);
        return heads;
    }

    private static Step step(ResultSet rs) throws SQLException {
        long fromGroup = rs.getLong(9);
        Long fromGroupId = rs.wasNull() ? null : fromGroup;
        long toGroup = rs.getLong(10);
        Long toGroupId = rs.wasNull() ? null : toGroup;
        long actor = rs.getLong(11);
        Long actorId = rs.wasNull() ? null : actor;
        return new Step(rs.getLong(2), rs.getTimestamp(3).toInstant(), TicketAction.valueOf(rs.getString(4)),
                state(rs.getString(5)), state(rs.getString(6)), line(rs.getString(7)), line(rs.getString(8)),
                fromGroupId, toGroupId, actorId);
    }

    private static TicketState state(String s) {
        return s == null ? null : TicketState.valueOf(s);
    }

    private static Line line(String s) {
        return s == null ? null : Line.valueOf(s);
    }

    private static final class Head {
        final Channel channel;
        final Long categoryId;
        final Instant createdAt;
        final List<Step> steps = new ArrayList<>();

        Head(Channel channel, Long categoryId, Instant createdAt) {
            this.channel = channel;
            this.categoryId = categoryId;
            this.createdAt = createdAt;
        }

        Timeline timeline(long id) {
            return new Timeline(id, channel, categoryId, createdAt, steps);
        }
    }
}
