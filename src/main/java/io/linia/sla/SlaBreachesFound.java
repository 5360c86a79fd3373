package io.linia.sla;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The SLA pass found breached targets: for each person told (by user id) — the team leads, and whom
 * the policy names (the agent working the ticket, one more person) — the breaches they were told of.
 * Published in the pass's transaction (the mail channel turns it into one digest per person).
 */
public record SlaBreachesFound(Map<Long, List<Breach>> byLead, Instant at) {

    public record Breach(long ticketId, String ticketNumber, SlaTarget target) {
    }
}
