package io.linia.quality;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code linia.quality.*}: {@code rating-secret} signs the customers' rating links (HMAC-SHA256; the same on every
 * node; empty = random per process, so links die with a restart); {@code rating-validity} how long a link works and a
 * rating may be changed (30 days); {@code rating-scale} FIVE (1–5) or TWO (bad/good); {@code low-rating} the score
 * at or below which a follow-up is opened (FIVE scale; on TWO "bad" is low); {@code repeat-window} how soon after a
 * solve a new ticket of the same customer and category is a repeat contact; {@code sample-per-agent} tickets drawn
 * per agent and week; {@code zone} where weeks start (Monday 00:00); {@code public-url} the links' base.
 */
@ConfigurationProperties("linia.quality")
public record QualityProperties(String ratingSecret, Duration ratingValidity, RatingScale ratingScale, Integer lowRating,
                                Duration repeatWindow, Integer samplePerAgent, String zone, String publicUrl) {

    public QualityProperties {
        ratingSecret = ratingSecret == null ? "" : ratingSecret;
        ratingValidity = ratingValidity == null ? Duration.ofDays(30) : ratingValidity;
        ratingScale = ratingScale == null ? RatingScale.FIVE : ratingScale;
        lowRating = lowRating == null ? 2 : lowRating;
        repeatWindow = repeatWindow == null ? Duration.ofDays(7) : repeatWindow;
        samplePerAgent = samplePerAgent == null ? 5 : samplePerAgent;
        zone = zone == null || zone.isBlank() ? "Europe/Moscow" : zone;
        publicUrl = publicUrl == null || publicUrl.isBlank() ? "http://localhost:8080" : publicUrl;
        publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /** Whether a score on this scale is low (opens a follow-up). */
    public boolean isLow(RatingScale scale, int score) {
        return scale == RatingScale.TWO ? score == 1 : score <= lowRating;
    }
}
