package io.linia.tickets;

import java.time.Instant;

/** Second line sent a ticket back to the first line. */
public record TicketReturnedToFirstLine(long ticketId, Long fromGroupId, Instant at) {
}
