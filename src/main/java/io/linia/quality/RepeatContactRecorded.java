package io.linia.quality;

import java.time.Instant;

/** A repeat contact was recorded against {@code ticketId} and its solver. */
public record RepeatContactRecorded(long ticketId, Long solverId, RepeatContactView.Kind kind, Long repeatTicketId, Instant at) {
}
