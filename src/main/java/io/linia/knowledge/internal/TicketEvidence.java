package io.linia.knowledge.internal;

import io.linia.tickets.ArticleUsed;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Learning from the desk's work: when an answer with an article has been committed, the ticket's
 * text becomes evidence for that article (indexed, so later similar tickets find it).
 */
@Component
class TicketEvidence {

    private static final Logger log = LoggerFactory.getLogger(TicketEvidence.class);

    private final ArticleEvidenceRepository evidence;
    private final ArticleRepository articles;
    private final Clock clock;

    TicketEvidence(ArticleEvidenceRepository evidence, ArticleRepository articles, Clock clock) {
        this.evidence = evidence;
        this.articles = articles;
        this.clock = clock;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(ArticleUsed used) {
        try {
            if (articles.existsById(used.articleId()) && !evidence.existsByTicketIdAndArticleId(used.ticketId(), used.articleId())) {
                evidence.save(new ArticleEvidence(used.articleId(), used.ticketId(), used.ticketText(), clock.instant()));
            }
        } catch (RuntimeException e) {
            // the answer is saved and sent; only the lesson for later suggestions is missed
            log.warn("Could not record ticket {} as evidence for article {}", used.ticketId(), used.articleId(), e);
        }
    }
}
