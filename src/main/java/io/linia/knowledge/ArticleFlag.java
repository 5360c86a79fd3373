package io.linia.knowledge;

import java.time.Instant;

/** An "out of date" flag on an article: who raised it and why; {@code resolvedAt} is null while it is open. */
public record ArticleFlag(long id, long articleId, String articleTitle, String flaggedBy, String reason,
                          Instant createdAt, Instant resolvedAt, String resolvedBy) {

    public boolean open() {
        return resolvedAt == null;
    }
}
