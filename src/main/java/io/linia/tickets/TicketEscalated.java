package io.linia.tickets;

import java.time.Instant;

/** First line passed a ticket to a second-line group. */
public record TicketEscalated(long ticketId, long groupId, Long categoryId, Instant at) {
}
