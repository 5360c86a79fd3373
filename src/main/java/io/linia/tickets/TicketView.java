package io.linia.tickets;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * One ticket as its viewer may see it: customers get no internal notes, no history and no actions.
 * {@code version} goes back with the next command so that a stale page is refused (409).
 * {@code acceptsCustomerMessage} false means a customer's message will start a follow-up ticket.
 * {@code suggested…} is what the categoriser proposed at creation (staff only; null when nothing);
 * {@code categoryByPerson} says whether a person chose the current category.
 * {@code tags} are the ticket's tags in alphabetical order (staff only; empty for customers), and
 * {@code mayTag} whether the viewer may put tags on and take them off now (works the ticket, not closed).
 */
public record TicketView(
        long id, String number, String subject,
        long customerId, String customerEmail, String customerName,
        Channel channel, Long categoryId, Long groupId, Line line, TicketState state, Priority priority,
        Long assigneeId, String assigneeName, CloseReason closeReason, String followUpOf, int reopenCount,
        Instant createdAt, Instant updatedAt, Instant queuedAt, Instant firstResponseAt, Instant solvedAt, Instant closedAt,
        long version,
        List<MessageView> messages, List<HistoryView> history, Set<TicketAction> availableActions,
        boolean acceptsCustomerMessage,
        Long suggestedCategoryId, Long suggestedGroupId, Double suggestionConfidence, boolean suggestionConfident,
        boolean categoryByPerson,
        Set<String> tags, boolean mayTag) {

    /**
     * One message. Mail brings {@code senderEmail} (flagged {@code foreignSender} when it is not the
     * ticket's customer), sanitised {@code html} and attachments; replies sent by mail carry their
     * {@code delivery} state.
     */
    public record MessageView(long id, MessageKind kind, Long authorId, String authorName, String body,
                              String articleUrl, String articleTitle, Instant createdAt, Long articleId,
                              String senderEmail, boolean foreignSender, String html,
                              Delivery delivery, String deliveryDetail, Instant deliveryAt,
                              List<AttachmentView> attachments) {

        public List<AttachmentView> files() {
            return attachments.stream().filter(a -> !a.inline() || a.contentId() == null).toList();
        }

        public List<AttachmentView> inlineImages() {
            return attachments.stream().filter(a -> a.inline() && a.contentId() != null).toList();
        }
    }

    /** An attachment's facts (never its bytes); {@code contentId} is set for parts the HTML shows inline. */
    public record AttachmentView(long id, String fileName, String contentType, String contentId, boolean inline, long size) {

        public boolean image() {
            return contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).matches("image/(png|jpeg|gif|webp)");
        }
    }

    public record HistoryView(long id, Instant at, Long actorId, String actorName, TicketAction action,
                              TicketState fromState, TicketState toState, Line fromLine, Line toLine,
                              Long fromGroupId, Long toGroupId, String detail, String approvedByName) {

        /** A step nobody had to approve. */
        public HistoryView(long id, Instant at, Long actorId, String actorName, TicketAction action,
                           TicketState fromState, TicketState toState, Line fromLine, Line toLine,
                           Long fromGroupId, Long toGroupId, String detail) {
            this(id, at, actorId, actorName, action, fromState, toState, fromLine, toLine, fromGroupId, toGroupId, detail, null);
        }

        /** The category ids named in an AUTO_CATEGORISED ("12 (87 %)") or SUGGESTION_CORRECTED ("12 → 15") detail. */
        public List<Long> categoryIds() {
            if (detail == null || (action != TicketAction.AUTO_CATEGORISED && action != TicketAction.SUGGESTION_CORRECTED)) {
                return List.of();
            }
            String ids = detail.contains("(") ? detail.substring(0, detail.indexOf('(')) : detail;
            return java.util.Arrays.stream(ids.split("→")).map(String::strip).filter(s -> s.matches("\\d{1,18}"))
                    .map(Long::valueOf).toList();
        }

        /** The percentage in an AUTO_CATEGORISED detail, e.g. "87 %"; empty otherwise. */
        public String percent() {
            return detail != null && action == TicketAction.AUTO_CATEGORISED && detail.contains("(")
                    ? detail.substring(detail.indexOf('(') + 1, detail.lastIndexOf(')') > 0 ? detail.lastIndexOf(')') : detail.length())
                    : "";
        }
    }

    /** The suggestion is pre-selected in the agent's forms: confident, and no person has chosen a category yet. */
    public boolean preselectSuggestion() {
        return suggestedCategoryId != null && suggestionConfident && !categoryByPerson;
    }

    /** The suggestion's confidence in whole percent (0 when there is none). */
    public long suggestionPercent() {
        return suggestionConfidence == null ? 0 : Math.round(suggestionConfidence * 100);
    }

    public boolean allows(TicketAction action) {
        return availableActions.contains(action);
    }

    /** For templates: {@code t.can('ESCALATE')}. */
    public boolean can(String action) {
        return availableActions.stream().anyMatch(a -> a.name().equals(action));
    }
}
