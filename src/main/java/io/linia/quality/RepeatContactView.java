package io.linia.quality;

import java.time.Instant;

/**
 * A repeat contact against {@code ticketId} (and its solver): NEW_TICKET — the same customer wrote a new ticket
 * ({@code repeatTicketId}) in the same category within the window after the solve; REOPEN — they reopened it.
 */
public record RepeatContactView(long id, long ticketId, String ticketNumber, Long solverId, Kind kind, Long repeatTicketId,
                                String repeatTicketNumber, long customerId, Long categoryId, Instant solvedAt, Instant at) {

    public enum Kind { NEW_TICKET, REOPEN }
}
