package io.linia.knowledge.internal;

import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface DeflectionRepository extends JpaRepository<Deflection, Long> {

    long countByArticleId(long articleId);

    /** [articleId, deflections], the most deflecting first. */
    @Query("select d.articleId, count(d) from Deflection d group by d.articleId order by count(d) desc, d.articleId")
    List<Object[]> mostDeflecting(Limit limit);
}
