package io.linia.sla;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The SLA pass found breached targets: for each team lead told (by user id), the breaches they were
 * told of. Published in the pass's transaction (the mail channel turns it into one digest per lead).
 */
public record SlaBreachesFound(Map<Long, List<Breach>> byLead, Instant at) {

    public record Breach(long ticketId, String ticketNumber, SlaTarget target) {
    }
}
