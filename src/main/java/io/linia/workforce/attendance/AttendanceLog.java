package io.linia.workforce.attendance;

import io.linia.accounts.ShiftChanged;
import io.linia.accounts.ShiftChanged.Source;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The attendance log: every change of an agent's on-shift flag, written in the transaction that changed
 * it (a synchronous listener), so the log and the flag never disagree.
 */
@Component
class AttendanceLog {

    private final JdbcTemplate jdbc;

    AttendanceLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(ShiftChanged event) {
        jdbc.update("insert into attendance_log (user_id, on_shift, source, by_id, at) values (?, ?, ?, ?, ?)",
                event.userId(), event.onShift(), event.source().name(), event.byId(), Timestamp.from(event.at()));
    }

    /** Entries from {@code from} (inclusive) to {@code to} (inclusive), oldest first; {@code userId} null: everyone's. */
    List<AttendanceEntry> between(Long userId, Instant from, Instant to) {
        String sql = "select l.id, l.user_id, u.display_name, l.on_shift, l.source, l.by_id, b.display_name, l.at"
                + " from attendance_log l join app_user u on u.id = l.user_id left join app_user b on b.id = l.by_id"
                + " where l.at >= ? and l.at <= ?" + (userId == null ? "" : " and l.user_id = ?") + " order by l.at, l.id";
        Object[] args = userId == null ? new Object[] {Timestamp.from(from), Timestamp.from(to)}
                : new Object[] {Timestamp.from(from), Timestamp.from(to), userId};
        return jdbc.query(sql, (rs, i) -> new AttendanceEntry(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getBoolean(4),
                Source.valueOf(rs.getString(5)), rs.getLong(6), rs.getString(7) == null ? "" : rs.getString(7),
                rs.getTimestamp(8).toInstant()), args);
    }

    /** The agents' last entries (their flag's last change), by agent. */
    java.util.Map<Long, AttendanceEntry> last(java.util.Collection<Long> userIds) {
        java.util.Map<Long, AttendanceEntry> last = new java.util.HashMap<>();
        if (userIds.isEmpty()) {
            return last;
        }
        String in = String.join(",", java.util.Collections.nCopies(userIds.size(), "?"));
        jdbc.query("select l.id, l.user_id, u.display_name, l.on_shift, l.source, l.by_id, b.display_name, l.at"
                + " from attendance_log l join app_user u on u.id = l.user_id left join app_user b on b.id = l.by_id"
                + " where l.id in (select max(m.id) from attendance_log m where m.user_id in (" + in + ") group by m.user_id)", rs -> {
            AttendanceEntry e = new AttendanceEntry(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getBoolean(4),
                    Source.valueOf(rs.getString(5)), rs.getLong(6), rs.getString(7) == null ? "" : rs.getString(7),
                    rs.getTimestamp(8).toInstant());
            last.put(e.userId(), e);
        }, userIds.toArray());
        return last;
    }
}
