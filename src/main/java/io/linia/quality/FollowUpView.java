package io.linia.quality;

import java.time.Instant;

/** A team lead's follow-up of a low rating: OPEN until marked DONE with notes. */
public record FollowUpView(long id, long ratingId, long ticketId, String ticketNumber, Long agentId, String agentName,
                           int score, RatingScale scale, String comment, Instant createdAt, State state, String notes,
                           Instant doneAt, String doneByName) {

    public enum State { OPEN, DONE }
}
