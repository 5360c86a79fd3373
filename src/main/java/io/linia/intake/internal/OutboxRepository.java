package io.linia.intake.internal;

import io.linia.intake.OutboxView.OutboxState;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface OutboxRepository extends JpaRepository<OutboxEntry, Long> {

    @Query("select o.id from OutboxEntry o where o.state in :states and o.nextAttemptAt <= :now"
            + " and (o.leaseUntil is null or o.leaseUntil < :now) order by o.nextAttemptAt, o.id")
    List<Long> due(@Param("states") Collection<OutboxState> states, @Param("now") Instant now, Limit limit);

    /** Claims a due mail for this node for a while; 1 when claimed (another node may have it). */
    @Modifying
    @Query(value = "update mail_outbox set lease_until = :until where id = :id"
            + " and (lease_until is null or lease_until < :now)", nativeQuery = true)
    int claim(@Param("id") long id, @Param("now") Instant now, @Param("until") Instant until);

    Optional<OutboxEntry> findByMessageId(String messageId);

    List<OutboxEntry> findByTicketIdOrderById(long ticketId);

    @Query("select o.messageId from OutboxEntry o where o.ticketId = :ticket and o.id <> :except order by o.id desc")
    List<String> messageIdsOf(@Param("ticket") long ticketId, @Param("except") long except, Limit limit);

    @Query("select o from OutboxEntry o where (:state is null or o.state = :state) order by o.id desc")
    List<OutboxEntry> latest(@Param("state") OutboxState state, Limit limit);

    long countByState(OutboxState state);
}
