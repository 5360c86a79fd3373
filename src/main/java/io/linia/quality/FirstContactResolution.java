package io.linia.quality;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * First-contact resolution over [from, to): of the tickets resolved (solved, or closed without a solve) in the period
 * — by {@code agentId} when given — the share with no repeat contact against them (so far), in percent, two decimals;
 * null when none was resolved.
 */
public record FirstContactResolution(Instant from, Instant to, Long agentId, long resolved, long repeated,
                                     BigDecimal percent) {
}
