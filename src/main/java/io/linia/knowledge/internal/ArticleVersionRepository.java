package io.linia.knowledge.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ArticleVersionRepository extends JpaRepository<ArticleVersion, Long> {

    List<ArticleVersion> findByArticleIdOrderByRevisionDesc(long articleId);

    Optional<ArticleVersion> findByArticleIdAndRevision(long articleId, int revision);
}
