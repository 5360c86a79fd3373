package io.linia.knowledge;

import java.util.List;

/**
 * An article found by a search or suggested for a text. {@code titleHtml} and {@code fragments} are
 * HTML-escaped text with the matched words in {@code <mark>}; {@code score} orders the hits;
 * {@code evidence} counts the past tickets answered with this article that voted for it.
 */
public record ArticleHit(long id, String title, String titleHtml, List<String> fragments, Long categoryId,
                         Audience audience, String language, ArticleStatus status, double score, int evidence) {
}
