package io.linia.knowledge;

import io.linia.knowledge.internal.ArticleRepository;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The articles a test imported, removed again afterwards (with their versions, and from the search
 * index): all store tests share one database, and hundreds of RuTube articles left behind would
 * change what other tests' searches find.
 */
final class ImportedArticles {

    private final List<Long> ids = new ArrayList<>();
    private final ArticleRepository articles;
    private final EntityManager entityManager;
    private final TransactionTemplate transaction;

    ImportedArticles(ArticleRepository articles, EntityManager entityManager, PlatformTransactionManager transactions) {
        this.articles = articles;
        this.entityManager = entityManager;
        this.transaction = new TransactionTemplate(transactions);
    }

    void add(Collection<Long> imported) {
        ids.addAll(imported);
    }

    void removeAll() {
        if (ids.isEmpty()) {
            return;
        }
        for (int from = 0; from < ids.size(); from += 500) {
            List<Long> chunk = List.copyOf(ids.subList(from, Math.min(ids.size(), from + 500)));
            transaction.executeWithoutResult(s -> {
                entityManager.createQuery("delete from ArticleVersion v where v.articleId in :ids")
                        .setParameter("ids", chunk).executeUpdate();
                articles.deleteAllById(chunk);
            });
        }
        ids.clear();
    }
}
