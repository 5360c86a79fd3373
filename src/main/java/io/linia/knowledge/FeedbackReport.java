package io.linia.knowledge;

import java.util.List;

/**
 * The team lead's view of the knowledge base's quality: open "out of date" flags, the least helpful
 * articles (among those with at least {@code minVotes} votes) and the articles that deflect most requests.
 */
public record FeedbackReport(List<ArticleFlag> openFlags, List<Helpfulness> leastHelpful,
                             List<Deflections> mostDeflecting, int minVotes) {

    public record Helpfulness(long articleId, String title, long helpful, long votes) {

        public long notHelpful() {
            return votes - helpful;
        }

        public int helpfulPercent() {
            return votes == 0 ? 0 : (int) Math.round(helpful * 100.0 / votes);
        }
    }

    public record Deflections(long articleId, String title, long deflections) {
    }
}
