package io.linia.tickets;

import io.linia.accounts.Actor;
import io.linia.shared.DomainException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Who else has a ticket open, and who is typing on it: every open ticket page reports every two
 * seconds, and is told who else reported in the last few. Kept in the database, so agents on
 * different nodes see each other.
 */
@Service
public class TicketPresence {

    /** A page that has not reported for this long is taken as closed. */
    static final Duration GONE_AFTER = Duration.ofSeconds(6);

    private final JdbcTemplate jdbc;
    private final TicketService tickets;
    private final Clock clock;

    TicketPresence(JdbcTemplate jdbc, TicketService tickets, Clock clock) {
        this.jdbc = jdbc;
        this.tickets = tickets;
        this.clock = clock;
    }

    public record Viewer(long userId, String name, boolean typing) {
    }

    /** The actor has the ticket open (and is typing or not); returns the others who have it open now. */
    public List<Viewer> report(Actor actor, String number, boolean typing) {
        if (!actor.isStaff() || !tickets.isVisibleTo(actor, number)) {
            throw DomainException.notFound("linia.error.ticketNotFound", number);
        }
        long ticketId = TicketNumber.parse(number).orElseThrow();
        Timestamp now = Timestamp.from(clock.instant());
        int updated = jdbc.update("update ticket_presence set typing = ?, seen_at = ?, user_name = ? where ticket_id = ? and user_id = ?",
                typing, now, actor.name(), ticketId, actor.id());
        if (updated == 0) {
            try {
                jdbc.update("insert into ticket_presence (ticket_id, user_id, user_name, typing, seen_at) values (?, ?, ?, ?, ?)",
                        ticketId, actor.id(), actor.name(), typing, now);
            } catch (DuplicateKeyException raced) {
                jdbc.update("update ticket_presence set typing = ?, seen_at = ? where ticket_id = ? and user_id = ?",
                        typing, now, ticketId, actor.id());
            }
        }
        Instant since = clock.instant().minus(GONE_AFTER);
        return jdbc.query("select user_id, user_name, typing from ticket_presence where ticket_id = ? and user_id <> ?"
                        + " and seen_at > ? order by user_name",
                (rs, i) -> new Viewer(rs.getLong(1), rs.getString(2), rs.getBoolean(3)), ticketId, actor.id(), Timestamp.from(since));
    }

    /** The actor closed the ticket page. */
    public void leave(Actor actor, String number) {
        TicketNumber.parse(number).ifPresent(id ->
                jdbc.update("delete from ticket_presence where ticket_id = ? and user_id = ?", id, actor.id()));
    }

    /** Forgets pages closed long ago (rows are tiny; this keeps the table small). */
    @org.springframework.scheduling.annotation.Scheduled(fixedDelay = 600_000, initialDelay = 600_000)
    void forgetOld() {
        jdbc.update("delete from ticket_presence where seen_at < ?", Timestamp.from(clock.instant().minus(Duration.ofHours(1))));
    }
}
