package io.linia.quality.internal;

import io.linia.quality.CustomerRated;
import io.linia.quality.RepeatContactRecorded;
import io.linia.quality.ReviewRecorded;
import io.linia.sla.SlaTargetFinished;
import io.linia.tickets.TicketChanged;
import io.linia.tickets.TicketCreated;
import io.linia.tickets.TicketEscalated;
import io.linia.tickets.TicketReturnedToFirstLine;
import io.linia.tickets.TicketStateChanged;
import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What changes a ticket's facts: its history (the tickets' events), its SLA outcomes (stored here, in the transaction
 * that ended the target), its ratings, reviews, repeat contacts and trainers' corrections. After the transaction
 * commits, each ticket is handed once to {@link MeasureUpkeep}'s queue; a rolled-back change is never queued.
 */
@Component
public class MeasureTriggers {

    private final MeasureUpkeep upkeep;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    MeasureTriggers(MeasureUpkeep upkeep, JdbcTemplate jdbc, Clock clock) {
        this.upkeep = upkeep;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @EventListener
    void on(TicketCreated e) {
        changed(e.ticketId());
    }

    @EventListener
    void on(TicketChanged e) {
        changed(e.ticketId());
    }

    @EventListener
    void on(TicketStateChanged e) {
        changed(e.ticketId());
    }

    @EventListener
    void on(TicketEscalated e) {
        changed(e.ticketId());
    }

    @EventListener
    void on(TicketReturnedToFirstLine e) {
        changed(e.ticketId());
    }

    /** The target's outcome is kept with the change that ended it, so SLA met % never misses one. */
    @EventListener
    void on(SlaTargetFinished e) {
        jdbc.update("insert into quality_sla_outcome (ticket_id, target, line, group_id, met, started_at, finished_at, recorded_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?)", e.ticketId(), e.target().name(), e.line().name(), e.groupId(), e.met(),
                Timestamp.from(e.startedAt()), Timestamp.from(e.finishedAt()), Timestamp.from(clock.instant()));
        changed(e.ticketId());
    }

    @EventListener
    void on(CustomerRated e) {
        changed(e.ticketId());
    }

    @EventListener
    void on(ReviewRecorded e) {
        changed(e.ticketId());
    }

    @EventListener
    void on(RepeatContactRecorded e) {
        changed(e.ticketId());
        if (e.repeatTicketId() != null) {
            changed(e.repeatTicketId());
        }
    }

    /** A ticket whose facts must be derived again once the current transaction commits. */
    public void changed(long ticketId) {
        upkeep.afterCommit(ticketId);
    }
}
