package io.linia.routing.categorisation;

import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

interface StoredModelRepository extends JpaRepository<StoredModel, Long> {

    /** The newest model's id without reading its bytes. */
    @Query("select max(m.id) from StoredModel m")
    Long newestId();

    @Query("select m.id from StoredModel m order by m.id desc")
    List<Long> idsNewestFirst(Limit limit);

    @Modifying
    @Transactional
    @Query("delete from StoredModel m where m.id < :id")
    int deleteOlderThan(long id);
}
