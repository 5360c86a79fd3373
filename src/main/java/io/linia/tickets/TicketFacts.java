package io.linia.tickets;

import java.time.Instant;
import java.util.Set;

/**
 * What automation rules look at: the ticket's routing facts, its subject and the text of its latest
 * customer message (the first one for a new ticket), its tags and its customer.
 */
public record TicketFacts(long id, String number, Channel channel, Long categoryId, Long groupId, Line line,
                          TicketState state, Priority priority, long customerId, Long assigneeId, String subject,
                          String lastCustomerText, Set<String> tags, Instant lastActivity) {
}
