package io.linia.quality.internal;

import io.linia.accounts.Actor;
import io.linia.quality.AnswerReviews;
import io.linia.quality.DrawResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Draws last week's review samples every Monday morning (agents already drawn for that week are skipped). */
@Component
class WeeklySampling {

    private static final Logger log = LoggerFactory.getLogger(WeeklySampling.class);

    private final AnswerReviews reviews;

    WeeklySampling(AnswerReviews reviews) {
        this.reviews = reviews;
    }

    @Scheduled(cron = "${linia.quality.sample-cron:0 0 3 * * MON}", zone = "${linia.quality.zone:Europe/Moscow}")
    void drawLastWeek() {
        DrawResult result = reviews.draw(Actor.system(), null, null, null);
        log.info("quality samples for the week of {}: {} tickets (seed {})", result.weekStart(), result.samples().size(), result.seed());
    }
}
