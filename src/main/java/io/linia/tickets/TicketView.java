package io.linia.tickets;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * One ticket as its viewer may see it: customers get no internal notes, no history and no actions.
 * {@code version} goes back with the next command so that a stale page is refused (409).
 * {@code acceptsCustomerMessage} false means a customer's message will start a follow-up ticket.
 */
public record TicketView(
        long id, String number, String subject,
        long customerId, String customerEmail, String customerName,
        Channel channel, Long categoryId, Long groupId, Line line, TicketState state, Priority priority,
        Long assigneeId, String assigneeName, CloseReason closeReason, String followUpOf, int reopenCount,
        Instant createdAt, Instant updatedAt, Instant queuedAt, Instant firstResponseAt, Instant solvedAt, Instant closedAt,
        long version,
        List<MessageView> messages, List<HistoryView> history, Set<TicketAction> availableActions,
        boolean acceptsCustomerMessage) {

    public record MessageView(long id, MessageKind kind, Long authorId, String authorName, String body,
                              String articleUrl, String articleTitle, Instant createdAt, Long articleId) {
    }

    public record HistoryView(long id, Instant at, Long actorId, String actorName, TicketAction action,
                              TicketState fromState, TicketState toState, Line fromLine, Line toLine,
                              Long fromGroupId, Long toGroupId, String detail) {
    }

    public boolean allows(TicketAction action) {
        return availableActions.contains(action);
    }

    /** For templates: {@code t.can('ESCALATE')}. */
    public boolean can(String action) {
        return availableActions.stream().anyMatch(a -> a.name().equals(action));
    }
}
