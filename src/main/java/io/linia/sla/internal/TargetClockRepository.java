package io.linia.sla.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface TargetClockRepository extends JpaRepository<TargetClock, Long> {

    List<TargetClock> findByTicketIdAndActiveTrue(long ticketId);

    List<TargetClock> findByTicketIdOrderById(long ticketId);
}
