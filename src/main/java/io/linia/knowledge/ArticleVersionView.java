package io.linia.knowledge;

import java.time.Instant;
import java.util.List;

/** One saved version of an article: the article exactly as it was after that edit. */
public record ArticleVersionView(long articleId, int revision, String title, String body, Long categoryId,
                                 Audience audience, String language, List<String> tags, ArticleStatus status,
                                 String authorName, String changeNote, Instant createdAt) {
}
