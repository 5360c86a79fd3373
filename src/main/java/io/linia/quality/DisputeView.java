package io.linia.quality;

import java.math.BigDecimal;
import java.time.Instant;

/** An agent's dispute of a review and, once decided, its outcome (the original review is kept either way). */
public record DisputeView(long id, long reviewId, long ticketId, String ticketNumber, long agentId, String agentName,
                          String reason, Instant raisedAt, long resolverId, String resolverName, Outcome outcome,
                          Long resolutionReviewId, BigDecimal originalPercent, BigDecimal resolvedPercent, String note,
                          Instant resolvedAt) {

    public enum Outcome { UPHELD, CHANGED }

    public boolean open() {
        return outcome == null;
    }
}
