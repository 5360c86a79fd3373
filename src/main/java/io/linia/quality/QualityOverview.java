package io.linia.quality;

import io.linia.accounts.Actor;
import io.linia.shared.DomainException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** An agent's own quality page: review scores (after disputes), customer ratings, repeat contacts and FCR over a period. */
@Service
@Transactional(readOnly = true)
public class QualityOverview {

    private final AnswerReviews reviews;
    private final CustomerRatings ratings;
    private final RepeatContacts repeats;
    private final java.time.Clock clock;

    QualityOverview(AnswerReviews reviews, CustomerRatings ratings, RepeatContacts repeats, java.time.Clock clock) {
        this.clock = clock;
        this.reviews = reviews;
        this.ratings = ratings;
        this.repeats = repeats;
    }

    public MyQuality of(Actor actor, long agentId, Instant from, Instant to) {
        if (!actor.isStaff()) {
            throw DomainException.forbidden("quality.error.notStaff");
        }
        List<ReviewView> myReviews = reviews.ofAgent(actor, agentId, from, to);
        List<RatingView> myRatings = ratings.ratings(actor, agentId, from, to);
        RatingScale scale = ratings.scale();
        List<RatingView> onScale = myRatings.stream().filter(r -> r.scale() == scale).toList();
        return new MyQuality(agentId, from, to, myReviews.size(),
                average(myReviews.stream().map(ReviewView::effectivePercent).toList()), onScale.size(),
                average(onScale.stream().map(r -> BigDecimal.valueOf(r.score())).toList()), scale,
                (int) myRatings.stream().filter(RatingView::low).count(),
                repeats.firstContactResolution(actor, agentId, from, to),
                myReviews.stream().limit(50).toList(), myRatings.stream().limit(50).toList(),
                repeats.list(actor, agentId, from, to).stream().limit(50).toList());
    }

    public Instant now() {
        return clock.instant();
    }

    static BigDecimal average(List<BigDecimal> values) {
        if (values.isEmpty()) {
            return null;
        }
        return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add).divide(BigDecimal.valueOf(values.size()), 2, RoundingMode.HALF_UP);
    }
}
