package io.linia.quality;

import java.math.BigDecimal;
import java.time.Instant;

/** A review was saved (also a dispute's re-scoring: {@code disputeOf} set). */
public record ReviewRecorded(long reviewId, long ticketId, long agentId, long reviewerId, BigDecimal totalPercent,
                             Long disputeOf, Instant at) {
}
