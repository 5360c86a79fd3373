package io.linia.intake.internal;

import io.linia.intake.QuarantineView.QuarantineState;
import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface QuarantinedMailRepository extends JpaRepository<QuarantinedMail, Long> {

    /** A quarantined mail without its raw source, for lists. */
    record Row(long id, long mailboxId, String messageId, String fromHeader, String subject, String reason,
               long sizeBytes, Instant receivedAt, QuarantineState state, Instant resolvedAt, String resolvedBy,
               Long ticketId) {
    }

    @Query("select new io.linia.intake.internal.QuarantinedMailRepository$Row(q.id, q.mailboxId, q.messageId,"
            + " q.fromHeader, q.subject, q.reason, q.sizeBytes, q.receivedAt, q.state, q.resolvedAt, q.resolvedBy,"
            + " q.ticketId) from QuarantinedMail q where (:state is null or q.state = :state) order by q.id desc")
    List<Row> rows(@Param("state") QuarantineState state, Limit limit);

    long countByState(QuarantineState state);
}
