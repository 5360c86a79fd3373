package io.linia.knowledge.internal;

import io.linia.knowledge.ArticleStatus;
import io.linia.knowledge.Audience;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lists of articles for the pages, without their bodies: the staff list with its filters (a section
 * includes its sub-sections) and the help portal's sections.
 */
@Component
@Transactional(readOnly = true)
public class ArticleListing {

    /** One line of a list. */
    public record Row(long id, String title, Long categoryId, Audience audience, String language, ArticleStatus status,
                      String authorName, int revision, Instant updatedAt) {
    }

    @PersistenceContext
    private EntityManager entityManager;

    /** Articles matching the filters (null = any; empty category list = any), newest change first, at most {@code limit}. */
    public List<Row> list(ArticleStatus status, Audience audience, String language, Collection<Long> categoryIds,
                          boolean uncategorisedOnly, int limit) {
        StringBuilder jpql = new StringBuilder("select new io.linia.knowledge.internal.ArticleListing$Row(a.id, a.title,"
                + " a.categoryId, a.audience, a.language, a.status, a.authorName, a.revision, a.updatedAt) from Article a where 1 = 1");
        if (status != null) {
            jpql.append(" and a.status = :status");
        }
        if (audience != null) {
            jpql.append(" and a.audience = :audience");
        }
        if (language != null) {
            jpql.append(" and a.language = :language");
        }
        if (uncategorisedOnly) {
            jpql.append(" and a.categoryId is null");
        } else if (categoryIds != null && !categoryIds.isEmpty()) {
            jpql.append(" and a.categoryId in :categoryIds");
        }
        jpql.append(" order by a.updatedAt desc, a.id desc");
        TypedQuery<Row> query = entityManager.createQuery(jpql.toString(), Row.class);
        if (status != null) {
            query.setParameter("status", status);
        }
        if (audience != null) {
            query.setParameter("audience", audience);
        }
        if (language != null) {
            query.setParameter("language", language);
        }
        if (!uncategorisedOnly && categoryIds != null && !categoryIds.isEmpty()) {
            query.setParameter("categoryIds", categoryIds);
        }
        return query.setMaxResults(Math.max(1, Math.min(limit, 1000))).getResultList();
    }

    /** Public published articles per category (key null: without a category), for the help portal's sections. */
    public Map<Long, Long> publicCountsByCategory() {
        List<Object[]> rows = entityManager.createQuery("select a.categoryId, count(a) from Article a"
                + " where a.status = :status and a.audience = :audience group by a.categoryId", Object[].class)
                .setParameter("status", ArticleStatus.PUBLISHED).setParameter("audience", Audience.PUBLIC)
                .getResultList();
        Map<Long, Long> counts = new HashMap<>();
        rows.forEach(r -> counts.put((Long) r[0], ((Number) r[1]).longValue()));
        return counts;
    }
}
