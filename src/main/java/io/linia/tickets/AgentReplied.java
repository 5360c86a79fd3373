package io.linia.tickets;

import java.time.Instant;

/** An agent wrote something the customer will read (answer, question, reply). */
public record AgentReplied(long ticketId, long messageId, long agentId, Instant at) {
}
