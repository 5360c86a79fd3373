package io.linia.knowledge.internal;

import io.linia.knowledge.ArticleStatus;
import io.linia.knowledge.Audience;
import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ArticleRepository extends JpaRepository<Article, Long> {

    @Query("select a from Article a where (:status is null or a.status = :status) and (:audience is null or a.audience = :audience)"
            + " and (:categoryId is null or a.categoryId = :categoryId) and a.id > :after order by a.id")
    List<Article> page(ArticleStatus status, Audience audience, Long categoryId, long after, Limit limit);

    List<Article> findByTitleIgnoreCase(String title);

    long countByStatus(ArticleStatus status);
}
