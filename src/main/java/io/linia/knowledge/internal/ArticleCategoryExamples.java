package io.linia.knowledge.internal;

import io.linia.knowledge.ArticleStatus;
import io.linia.routing.CategorisationExamples;
import io.linia.routing.LabelledText;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The knowledge base teaches the categoriser too: every published article with a category is an
 * example of that category (its title, which reads like a customer's question, and the start of
 * its body). On a new desk, before any ticket has been categorised by a person, this is what makes
 * automatic categorisation work from day one.
 */
@Component
class ArticleCategoryExamples implements CategorisationExamples {

    private static final int PAGE = 500;
    private static final int BODY_CHARS = 2_000;

    @PersistenceContext
    private EntityManager entityManager;
    private final TransactionTemplate readOnly;

    ArticleCategoryExamples(PlatformTransactionManager transactions) {
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    @Override
    public void forEach(Consumer<LabelledText> sink) {
        long after = 0;
        while (true) {
            long from = after;
            List<Object[]> rows = readOnly.execute(s -> entityManager.createQuery(
                            "select a.id, a.title, a.body, a.categoryId from Article a where a.status = :status"
                                    + " and a.categoryId is not null and a.id > :after order by a.id", Object[].class)
                    .setParameter("status", ArticleStatus.PUBLISHED).setParameter("after", from)
                    .setMaxResults(PAGE).getResultList());
            if (rows == null || rows.isEmpty()) {
                return;
            }
            for (Object[] r : rows) {
                String body = (String) r[2];
                String text = r[1] + "\n" + (body.length() > BODY_CHARS ? body.substring(0, BODY_CHARS) : body);
                sink.accept(new LabelledText(text, (Long) r[3], 1.0));
            }
            after = (Long) rows.get(rows.size() - 1)[0];
        }
    }
}
