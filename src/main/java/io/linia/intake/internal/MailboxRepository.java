package io.linia.intake.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface MailboxRepository extends JpaRepository<Mailbox, Long> {

    Optional<Mailbox> findByName(String name);

    List<Mailbox> findAllByOrderByName();

    List<Mailbox> findByEnabledTrue();

    /** Takes the mailbox for a pass unless another node holds it; 1 when taken. */
    @Modifying
    @Query(value = "update mailbox set lease_owner = :owner, lease_until = :until where id = :id"
            + " and (lease_until is null or lease_until < :now or lease_owner = :owner)", nativeQuery = true)
    int lease(@Param("id") long id, @Param("owner") String owner, @Param("now") Instant now, @Param("until") Instant until);

    @Modifying
    @Query(value = "update mailbox set lease_owner = null, lease_until = null where id = :id and lease_owner = :owner",
            nativeQuery = true)
    int release(@Param("id") long id, @Param("owner") String owner);
}
