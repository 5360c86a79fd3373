package io.linia.automation.internal;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface AutomationRuleRepository extends JpaRepository<AutomationRule, Long> {

    List<AutomationRule> findAllByOrderByPositionAscIdAsc();

    List<AutomationRule> findByActiveTrueOrderByPositionAscIdAsc();

    @Query("select coalesce(max(r.position), 0) from AutomationRule r")
    int maxPosition();

    /** Claims the idle pass's next stretch: only one node wins it (the one that saw the previous mark). */
    @Modifying
    @Query("""
            update AutomationRule r set r.idleSeenUntil = :until, r.idleSeenId = :untilId
            where r.id = :id and r.idleSeenUntil = :seen and r.idleSeenId = :seenId""")
    int claimIdle(long id, Instant seen, long seenId, Instant until, long untilId);
}
