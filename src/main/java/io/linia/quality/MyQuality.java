package io.linia.quality;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** An agent's own quality over [from, to): review scores, customer ratings, repeat contacts and first-contact resolution. */
public record MyQuality(long agentId, Instant from, Instant to, int reviews, BigDecimal reviewAverage, int ratings,
                        BigDecimal ratingAverage, RatingScale scale, int lowRatings, FirstContactResolution fcr,
                        List<ReviewView> recentReviews, List<RatingView> recentRatings, List<RepeatContactView> repeatContacts) {
}
