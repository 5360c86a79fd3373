package io.linia.intake.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Message-IDs Linia received or sent and the ticket each belongs to: a reply names them in
 * {@code In-Reply-To}/{@code References}. Stored as SHA-256 keys (ids can be up to 998 characters).
 */
@Component
public class ThreadRefs {

    private final NamedParameterJdbcTemplate jdbc;

    ThreadRefs(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void remember(String messageId, long ticketId, Instant at) {
        if (messageId == null || messageId.isBlank()) {
            return;
        }
        jdbc.update("insert into mail_thread_ref (id_key, ticket_id, created_at) values (:key, :ticket, :at)",
                new MapSqlParameterSource("key", key(messageId)).addValue("ticket", ticketId)
                        .addValue("at", Timestamp.from(at)));
    }

    /** Writes many references at once (keys as {@link #key} makes them). */
    public void rememberKeys(Map<String, Long> ticketByKey, Instant at) {
        if (ticketByKey.isEmpty()) {
            return;
        }
        Timestamp when = Timestamp.from(at);
        jdbc.getJdbcTemplate().batchUpdate("insert into mail_thread_ref (id_key, ticket_id, created_at) values (?, ?, ?)",
                ticketByKey.entrySet().stream().map(e -> new Object[] {e.getKey(), e.getValue(), when}).toList());
    }

    /** The ticket of the most recent of these keys (as {@link #key} makes them) that Linia knows. */
    public Optional<Long> ticketOfKeys(List<String> keys) {
        if (keys.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.queryForList("select ticket_id from mail_thread_ref where id_key in (:keys) order by created_at desc",
                new MapSqlParameterSource("keys", keys), Long.class).stream().findFirst();
    }

    /** A Message-ID's key: the SHA-256 of the id without angle brackets and surrounding space. */
    public static String key(String messageId) {
        String id = messageId.strip();
        if (id.startsWith("<") && id.endsWith(">")) {
            id = id.substring(1, id.length() - 1).strip();
        }
        return sha256(id.getBytes(StandardCharsets.UTF_8));
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
