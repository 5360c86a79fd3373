package io.linia.knowledge;

/** A search in the knowledge base; null filters mean "any". */
public record ArticleSearch(String text, Long categoryId, Audience audience, String language, ArticleStatus status,
                            int limit) {

    public ArticleSearch {
        limit = Math.max(1, Math.min(limit <= 0 ? 20 : limit, 100));
    }

    public static ArticleSearch of(String text) {
        return new ArticleSearch(text, null, null, null, null, 20);
    }
}
