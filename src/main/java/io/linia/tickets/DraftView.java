package io.linia.tickets;

import java.time.Duration;
import java.time.Instant;

/**
 * A held draft as its author, their supervisor or a team lead sees it: what was held ({@code action}: ANSWER,
 * ASK_FOR_INFORMATION, REPLY, SOLVE or ESCALATE; {@code body} as the author wrote it, for ESCALATE the note to the
 * second line, with the category and group chosen), {@code sentBody} what went out after an edit, the supervisor's
 * {@code comment}, and the ticket's state and SLA due time now. {@code waiting} is how long it waited for a decision
 * (until now while pending).
 */
public record DraftView(long id, long ticketId, String ticketNumber, String ticketSubject, TicketState ticketState,
                        Instant slaDueAt, SlaState slaState, TicketAction action, long authorId, String authorName,
                        long supervisorId, String supervisorName, String body, String articleUrl, String articleTitle,
                        Long categoryId, Long groupId, DraftStatus status, String sentBody, String comment,
                        Instant createdAt, Instant decidedAt, String decidedByName, Duration waiting, long version) {

    /** Whole minutes waited, for lists. */
    @com.fasterxml.jackson.annotation.JsonProperty
    public long waitingMinutes() {
        return waiting.toMinutes();
    }

    public boolean pending() {
        return status == DraftStatus.PENDING;
    }
}
