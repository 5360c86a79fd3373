package io.linia.routing.internal;

import io.linia.routing.QueueAssignment;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface SupportGroupRepository extends JpaRepository<SupportGroup, Long> {

    Optional<SupportGroup> findByCode(String code);

    List<SupportGroup> findAllByOrderByNameRu();

    /** The groups' assignment rules without loading the groups (nothing for the session to check at flush). */
    @Query("select new io.linia.routing.QueueAssignment(g.id, g.assignmentMode, g.certificationRequired)"
            + " from SupportGroup g where g.id in :ids order by g.id")
    List<QueueAssignment> rules(@Param("ids") Collection<Long> ids);
}
