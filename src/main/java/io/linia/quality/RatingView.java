package io.linia.quality;

import java.time.Instant;

/** A customer's rating of a solved ticket; {@code changeable} until {@code expiresAt}; {@code low} opened a follow-up. */
public record RatingView(long id, long ticketId, String ticketNumber, Long agentId, RatingScale scale, int score,
                         String comment, Instant createdAt, Instant updatedAt, int changes, Instant expiresAt,
                         boolean changeable, boolean low) {
}
