package io.linia.quality;

import io.linia.quality.internal.MeasureTriggers;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The "trainer corrections" measure's records: a trainer's correction of an agent's handling of a ticket. Supervised
 * work feeds it — a held draft the trainer edited before approving, or rejected, is one correction of its author
 * (quality listens to the tickets module's {@code DraftDecided}). Each correction counts on the agent's latest handling
 * of that ticket at or before {@code at}, else on a fact of its own at that moment (see {@link Measures}).
 */
@Service
public class TrainerCorrections {

    private final JdbcTemplate jdbc;
    private final MeasureTriggers triggers;
    private final Clock clock;

    TrainerCorrections(JdbcTemplate jdbc, MeasureTriggers triggers, Clock clock) {
        this.jdbc = jdbc;
        this.triggers = triggers;
        this.clock = clock;
    }

    /** Records one correction of {@code agentId}'s handling of the ticket; its measures follow after the commit. */
    @Transactional
    public void record(long ticketId, long agentId, Long trainerId, Instant at, String note) {
        jdbc.update("insert into quality_trainer_correction (ticket_id, agent_id, trainer_id, at, note, recorded_at) "
                + "values (?, ?, ?, ?, ?, ?)", ticketId, agentId, trainerId, Timestamp.from(at),
                note == null || note.length() <= 2000 ? note : note.substring(0, 2000), Timestamp.from(clock.instant()));
        triggers.changed(ticketId);
    }
}
