package io.linia.tickets;

import java.time.Instant;

/**
 * An agent wrote something the customer will read: {@code action} says what (ANSWER and SOLVE also
 * solve the ticket, ASK_FOR_INFORMATION makes it wait for the customer, REPLY keeps it in work).
 */
public record AgentReplied(long ticketId, long messageId, long agentId, TicketAction action, Instant at) {
}
