package io.linia.recovery.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The table {@code recovery_audit}: appending and reading, nothing else. There is deliberately no method that
 * changes or removes an entry (a test checks it), and the database refuses such statements anyway (V25_1).
 */
@Repository
class AuditRecords {

    /** The position of an entry in the log's order (newest first: {@code occurred_at desc, id desc}). */
    record Key(Instant at, long id) {
    }

    private static final String COLUMNS = "id, occurred_at, actor_id, actor_name, action, request_id, ticket_id, mailbox, detail";

    private final JdbcClient jdbc;

    AuditRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts one entry and returns it with its id. */
    public AuditEntry append(Instant at, long actorId, String actorName, AuditAction action, Long requestId, Long ticketId,
                             String mailbox, String detail) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into recovery_audit (occurred_at, actor_id, actor_name, action, request_id, ticket_id, mailbox, detail)"
                        + " values (:at, :actorId, :actorName, :action, :requestId, :ticketId, :mailbox, :detail)")
                .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .param("actorId", actorId)
                .param("actorName", actorName)
                .param("action", action.name())
                .param("requestId", requestId)
                .param("ticketId", ticketId)
                .param("mailbox", mailbox)
                .param("detail", detail)
                .update(key, "id");
        return new AuditEntry(key.getKeyAs(Number.class).longValue(), at, actorId, actorName, action, requestId, ticketId,
                mailbox, detail);
    }

    /**
     * Up to {@code limit} entries matching the filters (null: any), newest first, strictly after {@code after}
     * in that order (null: from the newest).
     */
    public List<AuditEntry> page(String mailbox, Long actorId, AuditAction action, Instant from, Instant to, Long requestId,
                                 Key after, int limit) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from recovery_audit where 1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        if (mailbox != null) {
            sql.append(" and mailbox = :mailbox");
            params.put("mailbox", mailbox);
        }
        if (actorId != null) {
            sql.append(" and actor_id = :actorId");
            params.put("actorId", actorId);
        }
        if (action != null) {
            sql.append(" and action = :action");
            params.put("action", action.name());
        }
        if (from != null) {
            sql.append(" and occurred_at >= :from");
            params.put("from", OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
        }
        if (to != null) {
            sql.append(" and occurred_at < :to");
            params.put("to", OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
        }
        if (requestId != null) {
            sql.append(" and request_id = :requestId");
            params.put("requestId", requestId);
        }
        if (after != null) {
            // a row comparison: one range scan of the (occurred_at desc, id desc) indexes on both stores
            sql.append(" and (occurred_at, id) < (:afterAt, :afterId)");
            params.put("afterAt", OffsetDateTime.ofInstant(after.at(), ZoneOffset.UTC));
            params.put("afterId", after.id());
        }
        sql.append(" order by occurred_at desc, id desc limit :limit");
        params.put("limit", limit);
        return jdbc.sql(sql.toString()).params(params).query(AuditRecords::entry).list();
    }

    private static AuditEntry entry(ResultSet rs, int row) throws SQLException {
        return new AuditEntry(rs.getLong("id"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                rs.getLong("actor_id"), rs.getString("actor_name"), AuditAction.valueOf(rs.getString("action")),
                nullableLong(rs, "request_id"), nullableLong(rs, "ticket_id"), rs.getString("mailbox"), rs.getString("detail"));
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}
