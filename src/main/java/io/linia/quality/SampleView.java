package io.linia.quality;

import java.time.Instant;
import java.time.LocalDate;

/** A ticket drawn into an agent's weekly sample, assigned to a reviewer; {@code reviewId} once reviewed. */
public record SampleView(long id, LocalDate weekStart, long agentId, String agentName, long ticketId, String ticketNumber,
                         long reviewerId, String reviewerName, String line, Long categoryId, long seed, Instant drawnAt,
                         Long reviewId) {
}
