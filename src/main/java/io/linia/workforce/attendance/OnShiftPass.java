package io.linia.workforce.attendance;

import io.linia.accounts.AgentShifts;
import io.linia.workforce.schedule.Rosters;
import io.linia.workforce.schedule.ScheduledShift;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The published roster drives the on-shift flag. Every {@code linia.workforce.on-shift.pass-every} (30 s)
 * a pass compares, agent by agent, the published shift under way now with the one it applied last time
 * (kept in {@code roster_attendance}); only where they differ — a shift began or ended, or a roster
 * published, withdrawn or edited moved the agent — does it put the agent on or off shift. So:
 * <ul>
 * <li>a check-in or check-out by hand holds until the agent's next boundary;</li>
 * <li>back-to-back shifts (9–15, then 15–21) are one change of shift, never off and on again;</li>
 * <li>after downtime the first pass jumps to the present: agents whose shifts began and ended meanwhile
 *     are left as they are, nothing old is replayed;</li>
 * <li>a pass holds the lock row {@code on_shift_pass} for its transaction, so two nodes never reconcile at
 *     once: the second waits and finds nothing left to do.</li>
 * </ul>
 * Going off shift returns the agent's tickets to the queue as any check-out does
 * ({@code linia.routing.release-on-shift-end}).
 */
@Component
public class OnShiftPass {

    private static final Logger log = LoggerFactory.getLogger(OnShiftPass.class);

    private final Rosters rosters;
    private final AgentShifts shifts;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final boolean enabled;

    OnShiftPass(Rosters rosters, AgentShifts shifts, JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock,
                @Value("${linia.workforce.on-shift.enabled:true}") boolean enabled) {
        this.rosters = rosters;
        this.shifts = shifts;
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
        this.enabled = enabled;
    }

    @Scheduled(fixedDelayString = "${linia.workforce.on-shift.pass-every:PT30S}", initialDelayString = "${linia.workforce.on-shift.first-pass-after:PT15S}")
    void scheduled() {
        if (!enabled) {
            return;
        }
        try {
            Result result = pass();
            if (result.changed() > 0) {
                log.info("On-shift pass: {} agent(s) came on shift, {} went off", result.on(), result.off());
            }
        } catch (DataAccessException e) {
            // typically the other node holds the lock row past the lock timeout: it is doing this pass
            log.info("On-shift pass skipped: {}", e.toString());
        } catch (RuntimeException e) {
            log.warn("On-shift pass failed: {}", e.toString());
        }
    }

    /** What one pass did: agents whose roster state changed, and of them whose flag it turned on and off. */
    public record Result(int reconciled, int on, int off) {
        public int changed() {
            return on + off;
        }
    }

    /** One pass at the clock's instant. */
    public Result pass() {
        return tx.execute(s -> {
            Instant now = clock.instant();
            jdbc.queryForObject("select passes from on_shift_pass where id = 1 for update", Long.class);
            Map<Long, ShiftKey> scheduled = new HashMap<>();
            for (ScheduledShift shift : rosters.publishedAt(now)) {
                // an agent on two published shifts at once (overlapping periods' rosters): the one lasting longer counts
                scheduled.merge(shift.userId(), ShiftKey.of(shift), (a, b) -> a.end().isAfter(b.end()) ? a : b);
            }
            Map<Long, ShiftKey> applied = new HashMap<>();
            jdbc.query("select user_id, period_id, shift_date, template_id, starts_at, ends_at from roster_attendance", rs -> {
                applied.put(rs.getLong(1), new ShiftKey(rs.getLong(2), rs.getObject(3, LocalDate.class), rs.getLong(4),
                        rs.getTimestamp(5).toInstant(), rs.getTimestamp(6).toInstant()));
            });
            TreeSet<Long> agents = new TreeSet<>(scheduled.keySet());
            agents.addAll(applied.keySet());
            int reconciled = 0;
            int on = 0;
            int off = 0;
            for (long userId : agents) {
                ShiftKey now_ = scheduled.get(userId);
                ShiftKey before = applied.get(userId);
                if (Objects.equals(now_, before)) {
                    continue; // no boundary for this agent since the last pass: a check-in or check-out by hand holds
                }
                reconciled++;
                if (now_ == null) {
                    jdbc.update("delete from roster_attendance where user_id = ?", userId);
                    if (shifts.followSchedule(userId, false)) {
                        off++;
                    }
                } else {
                    int updated = jdbc.update("update roster_attendance set period_id = ?, shift_date = ?, template_id = ?, starts_at = ?,"
                                    + " ends_at = ?, applied_at = ? where user_id = ?", now_.periodId(), now_.date(), now_.templateId(),
                            Timestamp.from(now_.start()), Timestamp.from(now_.end()), Timestamp.from(now), userId);
                    if (updated == 0) {
                        jdbc.update("insert into roster_attendance (user_id, period_id, shift_date, template_id, starts_at, ends_at, applied_at)"
                                        + " values (?, ?, ?, ?, ?, ?, ?)", userId, now_.periodId(), now_.date(), now_.templateId(),
                                Timestamp.from(now_.start()), Timestamp.from(now_.end()), Timestamp.from(now));
                    }
                    if (shifts.followSchedule(userId, true)) {
                        on++;
                    }
                }
            }
            jdbc.update("update on_shift_pass set passed_at = ?, passes = passes + 1 where id = 1", Timestamp.from(now));
            return new Result(reconciled, on, off);
        });
    }

    /** When the last pass ran; null before the first. */
    public Instant lastPass() {
        Timestamp at = jdbc.queryForObject("select passed_at from on_shift_pass where id = 1", Timestamp.class);
        return at == null ? null : at.toInstant();
    }

    /** A published shift as the pass compares it: the same shift at the same times. */
    record ShiftKey(long periodId, LocalDate date, long templateId, Instant start, Instant end) {
        static ShiftKey of(ScheduledShift s) {
            return new ShiftKey(s.periodId(), s.date(), s.templateId(), s.start(), s.end());
        }
    }
}
