package io.linia.tickets;

import java.time.Instant;

/** A ticket in a list or queue: no messages loaded. */
public record TicketSummary(long id, String subject, String customerName, String customerEmail, Channel channel,
                            Long categoryId, Long groupId, Line line, TicketState state, Priority priority,
                            Long assigneeId, String assigneeName, Instant createdAt, Instant queuedAt, Instant updatedAt) {

    public String number() {
        return TicketNumber.format(id);
    }
}
