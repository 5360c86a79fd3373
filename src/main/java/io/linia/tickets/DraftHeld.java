package io.linia.tickets;

import java.time.Instant;

/** A supervised agent's command was held as a draft for their supervisor (nothing reached the customer or the queue). */
public record DraftHeld(long ticketId, long draftId, long authorId, long supervisorId, TicketAction action, Instant at) {
}
