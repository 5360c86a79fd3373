package io.linia.analytics.alert;

import io.linia.tickets.TicketNumber;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The spike alerts as they are read: open ones, recent ones, and a team lead's unread notices of them. */
@Component
public class SpikeAlerts {

    private static final String COLUMNS = "id, dimension, dim_key, opened_at, closed_at, window_count, usual, z_score, weeks,"
            + " peak_count, last_count, evaluated_at, samples, words";

    private final JdbcTemplate jdbc;
    private final SpikeWatch watch;
    private final Clock clock;

    SpikeAlerts(JdbcTemplate jdbc, SpikeWatch watch, Clock clock) {
        this.jdbc = jdbc;
        this.watch = watch;
        this.clock = clock;
    }

    /** The open alerts, newest first. */
    @Transactional(readOnly = true)
    public List<SpikeAlertView> open(Locale locale) {
        return jdbc.query("select " + COLUMNS + " from analytics_alert where open_key is not null order by opened_at desc, id desc",
                (rs, i) -> view(rs, locale));
    }

    /** Open alerts and those opened in the last {@code days} days, newest first, at most {@code limit}. */
    @Transactional(readOnly = true)
    public List<SpikeAlertView> recent(int days, int limit, Locale locale) {
        Instant since = clock.instant().minus(java.time.Duration.ofDays(days));
        return jdbc.query("select " + COLUMNS + " from analytics_alert where open_key is not null or opened_at >= ?"
                + " order by opened_at desc, id desc fetch first " + limit + " rows only", (rs, i) -> view(rs, locale), Timestamp.from(since));
    }

    /** A team lead's alerts not yet seen. */
    @Transactional(readOnly = true)
    public long unread(long userId) {
        Long n = jdbc.queryForObject("select count(*) from analytics_alert_notice where user_id = ? and read_at is null", Long.class, userId);
        return n == null ? 0 : n;
    }

    /** The ids of alerts a user was told of and has not seen. */
    @Transactional(readOnly = true)
    public List<Long> unreadIds(long userId) {
        return jdbc.queryForList("select alert_id from analytics_alert_notice where user_id = ? and read_at is null order by alert_id",
                Long.class, userId);
    }

    /** Marks a user's notices seen (they looked at the alerts). */
    @Transactional
    public int markRead(long userId) {
        return jdbc.update("update analytics_alert_notice set read_at = ? where user_id = ? and read_at is null",
                Timestamp.from(clock.instant()), userId);
    }

    private SpikeAlertView view(java.sql.ResultSet rs, Locale locale) throws java.sql.SQLException {
        AlertKey key = new AlertKey(AlertKey.Dimension.valueOf(rs.getString(2)), rs.getString(3));
        List<SpikeAlertView.Sample> samples = new ArrayList<>();
        String text = rs.getString(13);
        if (text != null && !text.isBlank()) {
            for (String line : text.split("\n")) {
                int tab = line.indexOf('\t');
                long id = Long.parseLong(tab < 0 ? line : line.substring(0, tab));
                samples.add(new SpikeAlertView.Sample(id, TicketNumber.format(id), tab < 0 ? "" : line.substring(tab + 1)));
            }
        }
        String words = rs.getString(14);
        Timestamp closed = rs.getTimestamp(5);
        return new SpikeAlertView(rs.getLong(1), key.dimension().name(), key.key(), watch.label(key, locale),
                rs.getTimestamp(4).toInstant(), closed == null ? null : closed.toInstant(), rs.getLong(6),
                Math.round(rs.getDouble(7) * 10.0) / 10.0, Math.round(rs.getDouble(8) * 10.0) / 10.0, rs.getInt(9), rs.getLong(10),
                rs.getLong(11), rs.getTimestamp(12).toInstant(), samples,
                words == null || words.isBlank() ? List.of() : List.of(words.split(" ")));
    }
}
