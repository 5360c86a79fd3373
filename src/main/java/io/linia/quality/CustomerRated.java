package io.linia.quality;

import java.time.Instant;

/** A customer rated a ticket or changed their rating ({@code changed}). */
public record CustomerRated(long ratingId, long ticketId, Long agentId, RatingScale scale, int score, boolean low,
                            boolean changed, Instant at) {
}
