package io.linia.recovery.audit;

import java.time.Instant;

/**
 * One entry of the recovery audit log, as stored: who ({@code actorName} as it was at the time), what, when
 * (microsecond precision, the stores' own), and about which request, ticket and mailbox (each may be absent).
 */
public record AuditEntry(long id, Instant at, long actorId, String actorName, AuditAction action, Long requestId,
                         Long ticketId, String mailbox, String detail) {
}
