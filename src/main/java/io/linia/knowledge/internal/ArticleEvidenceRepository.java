package io.linia.knowledge.internal;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ArticleEvidenceRepository extends JpaRepository<ArticleEvidence, Long> {

    boolean existsByTicketIdAndArticleId(long ticketId, long articleId);

    long countByArticleId(long articleId);
}
