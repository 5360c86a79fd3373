package io.linia.knowledge;

import java.util.List;

/** A page of articles in id order; {@code nextAfter} is the id to continue after, null at the end. */
public record ArticlePage(List<ArticleView> articles, Long nextAfter) {
}
