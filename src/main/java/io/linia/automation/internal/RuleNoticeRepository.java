package io.linia.automation.internal;

import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface RuleNoticeRepository extends JpaRepository<RuleNotice, Long> {

    @Query("select n from RuleNotice n where n.recipientId = :recipientId order by n.id desc")
    List<RuleNotice> findLatest(long recipientId, Limit limit);

    long countByRecipientIdAndReadAtIsNull(long recipientId);

    @Modifying
    @Query("update RuleNotice n set n.readAt = :now where n.recipientId = :recipientId and n.readAt is null")
    int readAll(long recipientId, Instant now);
}
