package io.linia.knowledge.internal;

import io.linia.knowledge.ArticlesAdded;
import io.linia.routing.TicketCategoriser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * After an import has been committed the categoriser learns the new articles' categories at once
 * (in the background), instead of waiting for the nightly training
 * ({@code linia.knowledge.retrain-after-import}, default true).
 */
@Component
class RetrainAfterImport {

    private final TicketCategoriser categoriser;
    private final boolean enabled;

    RetrainAfterImport(TicketCategoriser categoriser, @Value("${linia.knowledge.retrain-after-import:true}") boolean enabled) {
        this.categoriser = categoriser;
        this.enabled = enabled;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(ArticlesAdded added) {
        if (enabled && added.count() > 0) {
            categoriser.retrainNow();
        }
    }
}
