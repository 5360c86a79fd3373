package io.linia.tickets;

import java.util.Optional;

/**
 * Where the knowledge base tells the ticket module which article an answer names (the knowledge
 * module provides it). Tickets keep the article's id, title and link with the reply.
 */
public interface ArticleCatalog {

    /** A published article the agent may use in an answer, or empty. */
    Optional<LinkedArticle> usableArticle(long articleId);

    /** {@code url} is the public address of the article, null for an internal one (customers could not open it). */
    record LinkedArticle(long id, String title, String url) {
    }
}
