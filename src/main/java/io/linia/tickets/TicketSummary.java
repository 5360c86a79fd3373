package io.linia.tickets;

import java.time.Instant;

/** A ticket in a list or queue: no messages loaded; {@code slaDueAt} is its next due time (null when none runs). */
public record TicketSummary(long id, String subject, String customerName, String customerEmail, Channel channel,
                            Long categoryId, Long groupId, Line line, TicketState state, Priority priority,
                            Long assigneeId, String assigneeName, Instant createdAt, Instant queuedAt, Instant updatedAt,
                            Instant slaDueAt, SlaState slaState) {

    /** A list row built without SLA facts (no running target). */
    public TicketSummary(long id, String subject, String customerName, String customerEmail, Channel channel,
                         Long categoryId, Long groupId, Line line, TicketState state, Priority priority,
                         Long assigneeId, String assigneeName, Instant createdAt, Instant queuedAt, Instant updatedAt) {
        this(id, subject, customerName, customerEmail, channel, categoryId, groupId, line, state, priority, assigneeId,
                assigneeName, createdAt, queuedAt, updatedAt, null, SlaState.NONE);
    }

    public String number() {
        return TicketNumber.format(id);
    }
}
