package io.linia.intake.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface InboundRecordRepository extends JpaRepository<InboundRecord, Long> {

    @Query("select r.dedupKey from InboundRecord r where r.mailboxId = :mailbox and r.dedupKey in :keys")
    List<String> knownKeys(@Param("mailbox") long mailboxId, @Param("keys") Collection<String> keys);

    /** [sender, count] of new tickets since then, for these senders. */
    @Query("select r.fromAddress, count(r) from InboundRecord r where r.fromAddress in :from and r.receivedAt > :since"
            + " and r.outcome = io.linia.intake.internal.InboundRecord.Outcome.NEW_TICKET group by r.fromAddress")
    List<Object[]> newTicketsBySender(@Param("from") Collection<String> from, @Param("since") Instant since);

    /** The Message-IDs a ticket received, newest first (for In-Reply-To and References of replies). */
    @Query("select r.messageId from InboundRecord r where r.ticketId = :ticket and r.messageId not like 'sha256:%'"
            + " and r.outcome in (io.linia.intake.internal.InboundRecord.Outcome.NEW_TICKET,"
            + " io.linia.intake.internal.InboundRecord.Outcome.REPLY) order by r.id desc")
    List<String> messageIdsOf(@Param("ticket") long ticketId, Limit limit);

    @org.springframework.data.jpa.repository.Modifying
    @Query("delete from InboundRecord r where r.mailboxId = :mailbox and r.dedupKey in :keys"
            + " and r.outcome = io.linia.intake.internal.InboundRecord.Outcome.QUARANTINED")
    int forgetQuarantined(@Param("mailbox") long mailboxId, @Param("keys") Collection<String> keys);

    @Query("select r.ticketId from InboundRecord r where r.mailboxId = :mailbox and r.dedupKey = :key")
    Long findTicketOf(@Param("mailbox") long mailboxId, @Param("key") String key);

    /** The newest mails read (optionally of one outcome), for the admin's journal. */
    @Query("select r from InboundRecord r where (:outcome is null or r.outcome = :outcome) order by r.id desc")
    List<InboundRecord> latest(@Param("outcome") InboundRecord.Outcome outcome, Limit limit);

    /** The mailbox a ticket last wrote to: replies go out from its address. */
    @Query("select r.mailboxId from InboundRecord r where r.ticketId = :ticket order by r.id desc")
    List<Long> mailboxesOf(@Param("ticket") long ticketId, Limit limit);
}
