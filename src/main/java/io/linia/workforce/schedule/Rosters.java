package io.linia.workforce.schedule;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.linia.accounts.Actor;
import io.linia.shared.DomainException;
import io.linia.tickets.Line;
import io.linia.workforce.AgentProfile;
import io.linia.workforce.RosterAssignment;
import io.linia.workforce.RosterExplanation;
import io.linia.workforce.RosterPin;
import io.linia.workforce.RosterResult;
import io.linia.workforce.RosterScore;
import io.linia.workforce.ShiftSlot;
import io.linia.workforce.WorkforcePlanning;
import io.linia.workforce.schedule.RosterView.State;
import io.linia.workforce.staff.PeriodView;
import io.linia.workforce.staff.PlanningPeriods;
import io.linia.workforce.staff.StaffAccess;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The stored rosters, one per planning period: a solve's result saved over the shifts not pinned, the
 * team lead's hand edits (give a shift, take it away, pin, unpin), publishing. Agents see a roster once it
 * is published; planners (team leads, administrators) see and edit drafts. Every change bumps the
 * roster's version; a change that names a version refuses a stale one (409).
 *
 * <p>Published rosters are what the rest of the module reads: {@link #published(LocalDate, LocalDate)}
 * (pay, staffing against need) and {@link #publishedAt(Instant)} ("on shift now").
 */
@Service
public class Rosters {

    private static final String SHIFT_COLUMNS =
            "r.period_id, s.user_id, s.shift_date, s.template_id, s.starts_at, s.ends_at, s.line, s.group_id, s.pinned";

    private final JdbcTemplate jdbc;
    private final PlanningPeriods periods;
    private final WorkforcePlanning planning;
    private final ObjectMapper json;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final TransactionTemplate readOnly;
    private volatile String nextId;

    Rosters(JdbcTemplate jdbc, PlanningPeriods periods, WorkforcePlanning planning, ObjectMapper json, Clock clock,
            PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.periods = periods;
        this.planning = planning;
        this.json = json;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /**
     * The period's roster; empty while nobody solved or edited it, and for agents while it is a draft.
     *
     * @throws DomainException forbidden unless staff; not found for an unknown period
     */
    public Optional<RosterView> ofPeriod(Actor actor, long periodId) {
        periods.get(actor, periodId);
        Optional<RosterView> roster = readOnly.execute(s -> load(periodId));
        return roster.filter(r -> r.published() || StaffAccess.plans(actor));
    }

    /** The last solve's explanation of the period's roster (planners); empty before the first solve. */
    public Optional<RosterExplanation> explanation(Actor actor, long periodId) {
        StaffAccess.requirePlanner(actor);
        String text = readOnly.execute(s -> jdbc.query("select explanation from roster where period_id = ?",
                rs -> rs.next() ? rs.getString(1) : null, periodId));
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readValue(text, RosterExplanation.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the stored explanation of period " + periodId + " cannot be read", e);
        }
    }

    /** The shifts pinned on the period's roster: what a new solve must keep. */
    public List<RosterPin> pins(long periodId) {
        return readOnly.execute(s -> load(periodId)).map(r -> r.shifts().stream().filter(ScheduledShift::pinned)
                .map(p -> new RosterPin(p.userId(), p.date(), p.templateId())).toList()).orElse(List.of());
    }

    /**
     * Saves a solve's roster over the period's: every shift not pinned is replaced by the result's, the
     * pinned ones stay as they are (the solve kept them); the score, the solving time and the explanation
     * are kept with it. The state does not change: a published roster stays published with its new shifts.
     *
     * @throws DomainException forbidden unless a planner; not found; conflict when {@code expectedVersion}
     *                         is given and stale; invalid when the result names a shift or agent the period does not have
     */
    public RosterView saveSolved(Actor actor, long periodId, RosterResult result, Long expectedVersion) {
        StaffAccess.requirePlanner(actor);
        PeriodView period = periods.get(actor, periodId);
        Map<SlotKey, ShiftSlot> slots = slots(period);
        String explanation;
        try {
            explanation = json.writeValueAsString(result.explanation());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the roster's explanation cannot be written", e);
        }
        Instant now = clock.instant();
        return tx.execute(s -> {
            long rosterId = lockOrCreate(period, actor, now, expectedVersion);
            jdbc.update("delete from roster_shift where roster_id = ? and not pinned", rosterId);
            Map<ShiftRef, Boolean> pinned = new HashMap<>();
            jdbc.query("select user_id, shift_date, template_id from roster_shift where roster_id = ?", rs -> {
                pinned.put(new ShiftRef(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getLong(3)), true);
            }, rosterId);
            List<Object[]> rows = new ArrayList<>();
            for (RosterAssignment a : result.assignments()) {
                ShiftSlot slot = slots.get(new SlotKey(a.date(), a.templateId()));
                if (slot == null) {
                    throw DomainException.invalid("assignments", "wfroster.error.noSuchShift", a.date(), a.templateId());
                }
                ShiftRef ref = new ShiftRef(a.userId(), a.date(), a.templateId());
                if (pinned.containsKey(ref)) {
                    jdbc.update("update roster_shift set line = ?, group_id = ? where roster_id = ? and user_id = ? and shift_date = ? and template_id = ?",
                            a.line() == null ? null : a.line().name(), a.groupId(), rosterId, a.userId(), a.date(), a.templateId());
                    continue;
                }
                if (pinned.put(ref, false) != null) {
                    continue;
                }
                rows.add(new Object[] {rosterId, a.userId(), a.date(), a.templateId(), Timestamp.from(slot.start()),
                        Timestamp.from(slot.end()), a.line() == null ? null : a.line().name(), a.groupId(), false});
            }
            jdbc.batchUpdate("insert into roster_shift (roster_id, user_id, shift_date, template_id, starts_at, ends_at, line, group_id, pinned)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
            RosterScore score = result.score();
            jdbc.update("update roster set score = ?, hard_score = ?, medium_score = ?, soft_score = ?, solved_at = ?, solving_millis = ?,"
                            + " explanation = ?, changed_at = ?, changed_by = ?, version = version + 1 where id = ?",
                    score == null ? null : score.toString(), score == null ? null : score.hard(), score == null ? null : score.medium(),
                    score == null ? null : score.soft(), Timestamp.from(now),
                    result.solvingTime() == null ? null : result.solvingTime().toMillis(), explanation, Timestamp.from(now), actor.id(), rosterId);
            return load(periodId).orElseThrow();
        });
    }

    /**
     * The team lead gives an agent a shift by hand: it is pinned (a new solve keeps it), on a seat of the
     * agent's line beyond the need until a solve places it in a queue.
     *
     * @throws DomainException forbidden unless a planner; invalid when the agent is not planned (no contract),
     *                         the shift does not exist on that date, or the agent already works a shift at that time;
     *                         conflict when {@code expectedVersion} is stale
     */
    public RosterView give(Actor actor, long periodId, long userId, LocalDate date, long templateId, Long expectedVersion) {
        StaffAccess.requirePlanner(actor);
        PeriodView period = periods.get(actor, periodId);
        ShiftSlot slot = slot(period, date, templateId);
        AgentProfile agent = planning.profiles().stream().filter(p -> p.userId() == userId).findFirst()
                .orElseThrow(() -> DomainException.invalid("userId", "wfroster.error.notPlanned", userId));
        Instant now = clock.instant();
        return tx.execute(s -> {
            long rosterId = lockOrCreate(period, actor, now, expectedVersion);
            List<ScheduledShift> own = shifts("where s.roster_id = ? and s.user_id = ?", rosterId, userId);
            for (ScheduledShift other : own) {
                if (other.date().equals(date) && other.templateId() == templateId) {
                    jdbc.update("update roster_shift set pinned = true where roster_id = ? and user_id = ? and shift_date = ? and template_id = ?",
                            rosterId, userId, date, templateId);
                    return touch(rosterId, periodId, actor, now);
                }
                if (other.overlaps(slot.start(), slot.end())) {
                    throw DomainException.invalid("templateId", "wfroster.error.overlap", agent.name(), other.date(), other.templateId());
                }
            }
            jdbc.update("insert into roster_shift (roster_id, user_id, shift_date, template_id, starts_at, ends_at, line, group_id, pinned)"
                            + " values (?, ?, ?, ?, ?, ?, ?, null, true)", rosterId, userId, date, templateId, Timestamp.from(slot.start()),
                    Timestamp.from(slot.end()), agent.line().name());
            return touch(rosterId, periodId, actor, now);
        });
    }

    /**
     * The team lead takes a shift away from an agent. A new solve may give it back unless the agent marked
     * it unavailable; to keep someone off a shift for good, their availability says so.
     *
     * @throws DomainException forbidden, not found (no roster, or the agent does not work that shift), conflict
     */
    public RosterView takeAway(Actor actor, long periodId, long userId, LocalDate date, long templateId, Long expectedVersion) {
        StaffAccess.requirePlanner(actor);
        PeriodView period = periods.get(actor, periodId);
        Instant now = clock.instant();
        return tx.execute(s -> {
            long rosterId = lockExisting(period.id(), expectedVersion);
            int removed = jdbc.update("delete from roster_shift where roster_id = ? and user_id = ? and shift_date = ? and template_id = ?",
                    rosterId, userId, date, templateId);
            if (removed == 0) {
                throw DomainException.notFound("wfroster.error.noSuchAssignment", userId, date, templateId);
            }
            return touch(rosterId, periodId, actor, now);
        });
    }

    /**
     * Pins or unpins an agent's shift: a pinned shift is kept by the next solve.
     *
     * @throws DomainException forbidden, not found, conflict
     */
    public RosterView pin(Actor actor, long periodId, long userId, LocalDate date, long templateId, boolean pinned, Long expectedVersion) {
        StaffAccess.requirePlanner(actor);
        PeriodView period = periods.get(actor, periodId);
        Instant now = clock.instant();
        return tx.execute(s -> {
            long rosterId = lockExisting(period.id(), expectedVersion);
            int changed = jdbc.update("update roster_shift set pinned = ? where roster_id = ? and user_id = ? and shift_date = ? and template_id = ?",
                    pinned, rosterId, userId, date, templateId);
            if (changed == 0) {
                throw DomainException.notFound("wfroster.error.noSuchAssignment", userId, date, templateId);
            }
            return touch(rosterId, periodId, actor, now);
        });
    }

    /**
     * Publishes the roster (again, after changes): agents see it, it puts them on shift and counts for pay.
     *
     * @throws DomainException forbidden, not found (no roster yet), conflict
     */
    public RosterView publish(Actor actor, long periodId, Long expectedVersion) {
        StaffAccess.requirePlanner(actor);
        PeriodView period = periods.get(actor, periodId);
        Instant now = clock.instant();
        return tx.execute(s -> {
            long rosterId = lockExisting(period.id(), expectedVersion);
            jdbc.update("update roster set state = 'PUBLISHED', published_at = ?, published_by = ?, changed_at = ?, changed_by = ?,"
                    + " version = version + 1 where id = ?", Timestamp.from(now), actor.id(), Timestamp.from(now), actor.id(), rosterId);
            return load(periodId).orElseThrow();
        });
    }

    /**
     * Takes the roster back to a draft: agents no longer see it, nobody is put on shift by it.
     *
     * @throws DomainException forbidden, not found, conflict
     */
    public RosterView withdraw(Actor actor, long periodId, Long expectedVersion) {
        StaffAccess.requirePlanner(actor);
        PeriodView period = periods.get(actor, periodId);
        Instant now = clock.instant();
        return tx.execute(s -> {
            long rosterId = lockExisting(period.id(), expectedVersion);
            jdbc.update("update roster set state = 'DRAFT', changed_at = ?, changed_by = ?, version = version + 1 where id = ?",
                    Timestamp.from(now), actor.id(), rosterId);
            return load(periodId).orElseThrow();
        });
    }

    /** Shifts of published rosters on the dates from {@code from} to {@code toInclusive}, by start and agent. */
    public List<ScheduledShift> published(LocalDate from, LocalDate toInclusive) {
        return readOnly.execute(s -> shifts("where r.state = 'PUBLISHED' and s.shift_date between ? and ?", from, toInclusive));
    }

    /** Shifts of published rosters under way at this instant: who the roster puts on shift now. */
    public List<ScheduledShift> publishedAt(Instant instant) {
        Timestamp at = Timestamp.from(instant);
        return readOnly.execute(s -> shifts("where r.state = 'PUBLISHED' and s.starts_at <= ? and s.ends_at > ?", at, at));
    }

    // --- storage

    private Map<SlotKey, ShiftSlot> slots(PeriodView period) {
        return planning.slots(period.firstDay(), period.lastDay()).stream()
                .collect(Collectors.toMap(s -> new SlotKey(s.date(), s.templateId()), Function.identity()));
    }

    private ShiftSlot slot(PeriodView period, LocalDate date, long templateId) {
        Objects.requireNonNull(date, "date");
        if (date.isBefore(period.firstDay()) || date.isAfter(period.lastDay())) {
            throw DomainException.invalid("date", "wfroster.error.outsidePeriod", date, period.firstDay(), period.lastDay());
        }
        ShiftSlot slot = slots(period).get(new SlotKey(date, templateId));
        if (slot == null) {
            throw DomainException.invalid("templateId", "wfroster.error.noSuchShift", date, templateId);
        }
        return slot;
    }

    /** Locks the period's roster row (creating a draft when there is none) and checks the version. */
    private long lockOrCreate(PeriodView period, Actor actor, Instant now, Long expectedVersion) {
        Long id = lock(period.id(), expectedVersion);
        if (id != null) {
            return id;
        }
        if (expectedVersion != null && expectedVersion != 0) {
            throw DomainException.conflict("wfroster.error.stale");
        }
        long rosterId = jdbc.queryForObject(nextId(), Long.class);
        jdbc.update("insert into roster (id, period_id, state, changed_at, changed_by, version) values (?, ?, 'DRAFT', ?, ?, 0)",
                rosterId, period.id(), Timestamp.from(now), actor.id());
        return rosterId;
    }

    private long lockExisting(long periodId, Long expectedVersion) {
        Long id = lock(periodId, expectedVersion);
        if (id == null) {
            throw DomainException.notFound("wfroster.error.noRoster", periodId);
        }
        return id;
    }

    private Long lock(long periodId, Long expectedVersion) {
        return jdbc.query("select id, version from roster where period_id = ? for update", rs -> {
            if (!rs.next()) {
                return null;
            }
            if (expectedVersion != null && rs.getLong(2) != expectedVersion) {
                throw DomainException.conflict("wfroster.error.stale");
            }
            return rs.getLong(1);
        }, periodId);
    }

    private String nextId() {
        if (nextId == null) {
            String product = jdbc.execute((ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName());
            nextId = "PostgreSQL".equals(product) ? "select nextval('roster_seq')" : "select next value for roster_seq";
        }
        return nextId;
    }

    private RosterView touch(long rosterId, long periodId, Actor actor, Instant now) {
        jdbc.update("update roster set changed_at = ?, changed_by = ?, version = version + 1 where id = ?", Timestamp.from(now), actor.id(), rosterId);
        return load(periodId).orElseThrow();
    }

    private Optional<RosterView> load(long periodId) {
        List<RosterView> found = jdbc.query("select r.id, r.state, r.hard_score, r.medium_score, r.soft_score, r.solved_at, r.solving_millis,"
                + " r.published_at, r.published_by, r.changed_at, r.changed_by, r.version, p.first_day, p.last_day"
                + " from roster r join planning_period p on p.id = r.period_id where r.period_id = ?", (rs, i) -> {
            long rosterId = rs.getLong(1);
            Long hard = (Long) rs.getObject(3, Long.class);
            RosterScore score = hard == null ? null : new RosterScore(hard, rs.getLong(4), rs.getLong(5));
            Long millis = rs.getObject(7, Long.class);
            return new RosterView(periodId, rs.getObject(13, LocalDate.class), rs.getObject(14, LocalDate.class),
                    State.valueOf(rs.getString(2)), score, instant(rs, 6), millis == null ? null : Duration.ofMillis(millis),
                    instant(rs, 8), rs.getObject(9, Long.class), instant(rs, 10), rs.getLong(11), rs.getLong(12),
                    shifts("where s.roster_id = ?", rosterId));
        }, periodId);
        return found.stream().findFirst();
    }

    private List<ScheduledShift> shifts(String where, Object... args) {
        return jdbc.query("select " + SHIFT_COLUMNS + " from roster_shift s join roster r on r.id = s.roster_id " + where
                + " order by s.starts_at, s.user_id", (rs, i) -> new ScheduledShift(rs.getLong(1), rs.getLong(2),
                rs.getObject(3, LocalDate.class), rs.getLong(4), instant(rs, 5), instant(rs, 6),
                rs.getString(7) == null ? null : Line.valueOf(rs.getString(7)), rs.getObject(8, Long.class), rs.getBoolean(9)), args);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private record SlotKey(LocalDate date, long templateId) {
    }

    private record ShiftRef(long userId, LocalDate date, long templateId) {
    }
}
