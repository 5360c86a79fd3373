package io.linia.tickets;

import java.time.Instant;

/**
 * A held draft was decided: APPROVED and EDITED ones were carried out as the author's (the edited text in the
 * latter), REJECTED ones went back to the author with the comment. {@code firstApprovedOnTicket}: this is the author's
 * first approved draft on this ticket (supervised work counts distinct tickets).
 */
public record DraftDecided(long ticketId, long draftId, long authorId, long supervisorId, long decidedById,
                           String decidedByName, TicketAction action, DraftStatus outcome, boolean firstApprovedOnTicket,
                           Instant at) {
}
