package io.linia.tickets;

import java.time.Instant;

/** A new ticket was stored (seam for acknowledgements, SLA clocks, analytics). */
public record TicketCreated(long ticketId, Channel channel, Long categoryId, Priority priority, Instant at) {
}
