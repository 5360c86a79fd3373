package io.linia.quality;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A review: {@code totalPercent} = 100 × Σ(weight × score) / Σ(weight × 2) over the applicable criteria, two decimals.
 * {@code disputeOf} is set on a resolver's re-scoring of a disputed review; {@code dispute} on the disputed one;
 * {@code effectivePercent} is what counts for the agent (the re-scoring's total when the dispute changed it).
 */
public record ReviewView(long id, long ticketId, String ticketNumber, long agentId, String agentName, long reviewerId,
                         String reviewerName, int rubricVersion, BigDecimal totalPercent, BigDecimal effectivePercent,
                         String comment, Long sampleId, Long disputeOf, Instant createdAt, List<ScoreView> scores,
                         DisputeView dispute) {

    public record ScoreView(long criterionId, String code, String nameRu, String nameEn, int weight, Integer score,
                            String comment) {

        public String name(java.util.Locale locale) {
            return locale != null && "en".equals(locale.getLanguage()) ? nameEn : nameRu;
        }
    }
}
