package io.linia.quality;

import io.linia.quality.internal.MeasureTriggers;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The hook for the "trainer corrections" measure. The training module does not yet publish its trainers' corrections
 * of agents' handlings; when it does (an event such as {@code io.linia.training.HandlingCorrected(ticketId, agentId,
 * trainerId, at, note)}), a listener in quality — {@code @ApplicationModuleListener void on(HandlingCorrected e)} —
 * calls {@link #record} with its fields. Until then the measure is 0 for everyone: no figure is invented. Each
 * correction counts on the agent's latest handling of that ticket at or before {@code at} (see {@link Measures}).
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
