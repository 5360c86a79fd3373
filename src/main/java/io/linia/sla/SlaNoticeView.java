package io.linia.sla;

import java.time.Instant;

/** A notice to a team lead: a ticket's target is about to be missed (WARNING) or was missed (BREACH). */
public record SlaNoticeView(long id, long ticketId, String ticketNumber, SlaTarget target, Kind kind, Instant createdAt,
                            boolean read) {

    public enum Kind { WARNING, BREACH }
}
