/**
 * Knowledge base: articles (public and internal, every version kept), Russian and English full-text
 * search (Lucene through Hibernate Search), article suggestions for agents that learn from the
 * tickets answered with an article, self-service suggestions for customers, feedback, canned
 * answers. Public API: {@link io.linia.knowledge.KnowledgeBase}, {@link io.linia.knowledge.ArticleSuggestions}
 * and the records beside them.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Knowledge")
package io.linia.knowledge;
