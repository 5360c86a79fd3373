package io.linia.tickets;

import java.time.Instant;

/**
 * Something happened to an existing ticket: an agent's command, a customer's message, an
 * assignment, Linia's own change. {@code byRule} marks changes made by automation rules, which
 * rules themselves do not react to (no rule wakes another in a loop).
 */
public record TicketChanged(long ticketId, TicketAction action, boolean byRule, Instant at) {
}
