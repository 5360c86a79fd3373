package io.linia.quality.internal;

import io.linia.quality.TrainerCorrections;
import io.linia.tickets.DraftDecided;
import io.linia.tickets.DraftStatus;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Feeds the "trainer corrections" measure from supervised work: a held draft the trainer edited before approving, or
 * rejected, is one correction of its author's handling of that ticket. Recorded in the transaction of the decision,
 * so a decision and its correction are kept or lost together.
 */
@Component
class SupervisionCorrections {

    private final TrainerCorrections corrections;

    SupervisionCorrections(TrainerCorrections corrections) {
        this.corrections = corrections;
    }

    @EventListener
    void on(DraftDecided e) {
        if (e.outcome() == DraftStatus.EDITED || e.outcome() == DraftStatus.REJECTED) {
            corrections.record(e.ticketId(), e.authorId(), e.decidedById(), e.at(),
                    e.outcome().name() + " " + (e.action() == null ? "" : e.action().name()));
        }
    }
}
