package io.linia.knowledge;

import java.time.Instant;
import java.util.List;

/** One article as its reader sees it; {@code bodyHtml} is the Markdown rendered and sanitised. */
public record ArticleView(long id, String title, String body, String bodyHtml, Long categoryId, Audience audience,
                          String language, List<String> tags, ArticleStatus status, String authorName, int revision,
                          Instant createdAt, Instant updatedAt, Instant publishedAt, long version) {
}
