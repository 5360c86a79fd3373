package io.linia.automation.internal;

import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface RuleRunRepository extends JpaRepository<RuleRun, Long> {

    @Query("select r from RuleRun r where r.ruleId = :ruleId order by r.ranAt desc, r.id desc")
    List<RuleRun> findLatest(long ruleId, Limit limit);

    @Query("select r from RuleRun r where r.ruleId = :ruleId and r.ok = false order by r.ranAt desc, r.id desc")
    List<RuleRun> findLatestFailures(long ruleId, Limit limit);

    interface Counts {
        Long getRuleId();
        boolean isOk();
        long getCount();
        Instant getLast();
    }

    @Query("select r.ruleId as ruleId, r.ok as ok, count(r) as count, max(r.ranAt) as last from RuleRun r"
            + " where r.ranAt >= :since group by r.ruleId, r.ok")
    List<Counts> countSince(Instant since);

    @Modifying
    @Query("delete from RuleRun r where r.ranAt < :before")
    int deleteBefore(Instant before);
}
