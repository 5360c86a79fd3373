package io.linia.knowledge.internal;

import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface OutdatedFlagRepository extends JpaRepository<OutdatedFlag, Long> {

    List<OutdatedFlag> findByArticleIdOrderByCreatedAtDesc(long articleId);

    @Query("select f from OutdatedFlag f where f.resolvedAt is null order by f.createdAt, f.id")
    List<OutdatedFlag> open(Limit limit);

    @Query("select count(f) from OutdatedFlag f where f.articleId = :articleId and f.resolvedAt is null")
    long countOpen(long articleId);
}
