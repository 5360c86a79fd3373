package io.linia.knowledge;

/** What readers said about an article: helpful / not helpful votes, open flags, requests it deflected. */
public record FeedbackCounts(long articleId, long helpful, long notHelpful, long openFlags, long deflections) {

    public long votes() {
        return helpful + notHelpful;
    }

    /** Share of "helpful" among the votes, 0–100; 0 without votes. */
    public int helpfulPercent() {
        return votes() == 0 ? 0 : (int) Math.round(helpful * 100.0 / votes());
    }
}
