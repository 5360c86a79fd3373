package io.linia.sla.internal;

import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface TargetClockRepository extends JpaRepository<TargetClock, Long> {

    List<TargetClock> findByTicketIdAndActiveTrue(long ticketId);

    List<TargetClock> findByTicketIdOrderById(long ticketId);

    @Query("select t from TargetClock t where t.active = true and t.warnedAt is null and t.warnAt <= :now order by t.warnAt")
    List<TargetClock> dueForWarning(@Param("now") Instant now, Limit limit);

    @Query("select t from TargetClock t where t.active = true and t.breachedAt is null and t.dueAt <= :now order by t.dueAt")
    List<TargetClock> dueForBreach(@Param("now") Instant now, Limit limit);
}
