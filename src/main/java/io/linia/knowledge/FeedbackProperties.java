package io.linia.knowledge;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code linia.knowledge.feedback.*}: {@code min-votes} — an article enters the "least helpful" list
 * with at least this many votes (default 3); {@code report-size} — rows per list of the report (default 20).
 */
@ConfigurationProperties("linia.knowledge.feedback")
public record FeedbackProperties(Integer minVotes, Integer reportSize) {

    public FeedbackProperties {
        minVotes = minVotes == null || minVotes < 1 ? 3 : minVotes;
        reportSize = reportSize == null || reportSize < 1 ? 20 : Math.min(reportSize, 200);
    }
}
