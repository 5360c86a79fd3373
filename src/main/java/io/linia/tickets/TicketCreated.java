package io.linia.tickets;

import java.time.Instant;

/**
 * A new ticket was stored (seam for acknowledgements, SLA clocks, automation rules, analytics). It
 * carries what rules look at first — the customer, the subject and the first message's text — so that
 * the creation path reads nothing back for them.
 */
public record TicketCreated(long ticketId, Channel channel, Long categoryId, Priority priority, long customerId,
                            String subject, String text, Instant at) {
}
