package io.linia.tickets;

import java.time.Instant;

/**
 * An agent answered a ticket with a knowledge-base article. Carries the ticket's text (subject and
 * the customer's messages) so that the knowledge base can learn which questions the article answers.
 */
public record ArticleUsed(long ticketId, long articleId, String ticketText, Instant at) {
}
