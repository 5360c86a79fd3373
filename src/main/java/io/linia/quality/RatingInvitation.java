package io.linia.quality;

import java.time.Instant;
import java.util.Map;

/**
 * An open request to rate a ticket: the signed token, one link per score ({@code score → URL}) and the page link,
 * when it expires, and the rating given so far (null when none).
 */
public record RatingInvitation(long requestId, long ticketId, String token, RatingScale scale, Map<Integer, String> links,
                               String pageUrl, Instant expiresAt, boolean expired, RatingView rating) {
}
