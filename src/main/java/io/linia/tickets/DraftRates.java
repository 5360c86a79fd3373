package io.linia.tickets;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How an author's drafts were decided: counts, and the edited and rejected shares of the decided ones in percent
 * (one decimal, half up; null when none is decided yet).
 */
public record DraftRates(long authorId, String authorName, long pending, long approved, long edited, long rejected) {

    @com.fasterxml.jackson.annotation.JsonProperty
    public long decided() {
        return approved + edited + rejected;
    }

    @com.fasterxml.jackson.annotation.JsonProperty
    public BigDecimal editedPercent() {
        return percent(edited);
    }

    @com.fasterxml.jackson.annotation.JsonProperty
    public BigDecimal rejectedPercent() {
        return percent(rejected);
    }

    private BigDecimal percent(long part) {
        long all = decided();
        return all == 0 ? null : BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(all), 1, RoundingMode.HALF_UP);
    }
}
