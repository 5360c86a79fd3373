package io.linia.tickets;

import java.time.Instant;
import java.util.Set;

/**
 * A ticket in a list or queue: no messages loaded; {@code slaDueAt} is its next due time (null when none runs);
 * {@code tags} in alphabetical order, for staff only (empty for customers), read for the whole page at once.
 */
public record TicketSummary(long id, String subject, String customerName, String customerEmail, Channel channel,
                            Long categoryId, Long groupId, Line line, TicketState state, Priority priority,
                            Long assigneeId, String assigneeName, Instant createdAt, Instant queuedAt, Instant updatedAt,
                            Instant slaDueAt, SlaState slaState, Set<String> tags) {

    public TicketSummary {
        tags = tags == null ? Set.of() : tags;
    }

    /** A list row as the query builds it, before its tags are read. */
    public TicketSummary(long id, String subject, String customerName, String customerEmail, Channel channel,
                         Long categoryId, Long groupId, Line line, TicketState state, Priority priority,
                         Long assigneeId, String assigneeName, Instant createdAt, Instant queuedAt, Instant updatedAt,
                         Instant slaDueAt, SlaState slaState) {
        this(id, subject, customerName, customerEmail, channel, categoryId, groupId, line, state, priority, assigneeId,
                assigneeName, createdAt, queuedAt, updatedAt, slaDueAt, slaState, Set.of());
    }

    /** A list row built without SLA facts (no running target). */
    public TicketSummary(long id, String subject, String customerName, String customerEmail, Channel channel,
                         Long categoryId, Long groupId, Line line, TicketState state, Priority priority,
                         Long assigneeId, String assigneeName, Instant createdAt, Instant queuedAt, Instant updatedAt) {
        this(id, subject, customerName, customerEmail, channel, categoryId, groupId, line, state, priority, assigneeId,
                assigneeName, createdAt, queuedAt, updatedAt, null, SlaState.NONE);
    }

    /** The same row with these tags. */
    public TicketSummary withTags(Set<String> tags) {
        return new TicketSummary(id, subject, customerName, customerEmail, channel, categoryId, groupId, line, state,
                priority, assigneeId, assigneeName, createdAt, queuedAt, updatedAt, slaDueAt, slaState, tags);
    }

    public String number() {
        return TicketNumber.format(id);
    }
}
