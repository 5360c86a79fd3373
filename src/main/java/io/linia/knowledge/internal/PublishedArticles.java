package io.linia.knowledge.internal;

import io.linia.knowledge.ArticleStatus;
import io.linia.knowledge.KnowledgeProperties;
import io.linia.tickets.ArticleCatalog;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Tells the ticket module which articles an answer may name: published ones. */
@Component
@Transactional(readOnly = true)
class PublishedArticles implements ArticleCatalog {

    private final ArticleRepository articles;
    private final KnowledgeProperties properties;

    PublishedArticles(ArticleRepository articles, KnowledgeProperties properties) {
        this.articles = articles;
        this.properties = properties;
    }

    @Override
    public Optional<LinkedArticle> usableArticle(long articleId) {
        return articles.findById(articleId).filter(a -> a.status() == ArticleStatus.PUBLISHED)
                // an internal article is for agents: the customer gets no link they could not open
                .map(a -> new LinkedArticle(a.id(), a.title(), a.isPublicAndPublished() ? properties.articleUrl(a.id()) : null));
    }
}
