package io.linia.workforce.pay;

import io.linia.accounts.Actor;
import io.linia.accounts.UserDirectory;
import io.linia.accounts.UserRef;
import io.linia.shared.DomainException;
import io.linia.workforce.ShiftSlot;
import io.linia.workforce.WorkforcePlanning;
import io.linia.workforce.schedule.Rosters;
import io.linia.workforce.schedule.ScheduledShift;
import io.linia.workforce.staff.StaffAccess;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The team lead's adjustments of the published roster for pay: an absence (a rostered shift not
 * worked), an extra shift (worked, not rostered), a swap (one agent's rostered shift worked by another,
 * both sides written in one transaction). Each names its reason, who recorded it and when; each can be
 * removed (a swap as a whole). Only planners record or remove; agents read their own through
 * {@link Payroll}.
 *
 * <p>Refusals name the field: the shift must exist on that date (the active templates laid by the
 * planning calendar), an absence or a swap needs the agent on that shift in a published roster, an extra
 * shift or the substitute must not be, and an agent's shift takes one adjustment only.
 */
@Service
public class PayAdjustments {

    private static final String COLUMNS = "id, user_id, shift_date, template_id, starts_at, ends_at, kind, other_user_id, pair_id,"
            + " reason, created_by, created_at";

    private final JdbcTemplate jdbc;
    private final Rosters rosters;
    private final WorkforcePlanning planning;
    private final UserDirectory users;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final TransactionTemplate readOnly;
    private volatile String nextId;

    PayAdjustments(JdbcTemplate jdbc, Rosters rosters, WorkforcePlanning planning, UserDirectory users, Clock clock,
                   PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.rosters = rosters;
        this.planning = planning;
        this.users = users;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /**
     * Records an adjustment: one row, or two for a swap.
     *
     * @return the rows written (for a swap: the rostered agent's SWAP_OUT, then the substitute's SWAP_IN)
     * @throws DomainException forbidden unless a planner; invalid naming the field (kind, userId, date,
     *                         templateId, substituteId, reason) — nothing is written then
     */
    public List<AdjustmentView> record(Actor actor, AdjustmentCommand command) {
        StaffAccess.requirePlanner(actor);
        if (command.kind() == null) {
            throw DomainException.invalid("kind", "wfpay.adjust.kindRequired");
        }
        UserRef agent = agent(command.userId(), "userId");
        if (command.date() == null) {
            throw DomainException.invalid("date", "wfpay.adjust.dateRequired");
        }
        if (command.templateId() == null) {
            throw DomainException.invalid("templateId", "wfpay.adjust.shiftRequired");
        }
        String reason = command.reason() == null ? "" : command.reason().strip();
        if (reason.isEmpty()) {
            throw DomainException.invalid("reason", "wfpay.adjust.reasonRequired");
        }
        if (reason.length() > AdjustmentCommand.MAX_REASON) {
            throw DomainException.invalid("reason", "wfpay.adjust.reasonTooLong", AdjustmentCommand.MAX_REASON);
        }
        LocalDate date = command.date();
        long templateId = command.templateId();
        ShiftSlot slot = planning.slots(date, date).stream().filter(s -> s.templateId() == templateId).findFirst()
                .orElseThrow(() -> DomainException.invalid("templateId", "wfpay.adjust.noSuchShift", date, String.valueOf(templateId)));
        List<ScheduledShift> published = rosters.published(date, date);
        boolean rostered = rostered(published, agent.id(), templateId);
        UserRef substitute = null;
        switch (command.kind()) {
            case ABSENT -> {
                if (!rostered) {
                    throw DomainException.invalid("templateId", "wfpay.adjust.notRostered", agent.displayName(), date);
                }
            }
            case EXTRA -> {
                if (rostered) {
                    throw DomainException.invalid("templateId", "wfpay.adjust.alreadyRostered", agent.displayName(), date);
                }
                requireNoOverlap(published, agent, slot, "templateId");
            }
            case SWAP -> {
                if (!rostered) {
                    throw DomainException.invalid("templateId", "wfpay.adjust.notRostered", agent.displayName(), date);
                }
                if (command.substituteId() == null) {
                    throw DomainException.invalid("substituteId", "wfpay.adjust.substituteRequired");
                }
                if (command.substituteId() == agent.id()) {
                    throw DomainException.invalid("substituteId", "wfpay.adjust.sameAgent");
                }
                substitute = agent(command.substituteId(), "substituteId");
                if (rostered(published, substitute.id(), templateId)) {
                    throw DomainException.invalid("substituteId", "wfpay.adjust.alreadyRostered", substitute.displayName(), date);
                }
                requireNoOverlap(published, substitute, slot, "substituteId");
            }
        }
        UserRef other = substitute;
        Instant now = clock.instant();
        List<Long> ids = tx.execute(s -> {
            requireNone(agent, date, templateId, "templateId");
            if (other != null) {
                requireNone(other, date, templateId, "substituteId");
            }
            long id = jdbc.queryForObject(nextId(), Long.class);
            if (other == null) {
                insert(id, agent.id(), slot, command.kind().name(), null, null, reason, actor, now);
                return List.of(id);
            }
            long otherId = jdbc.queryForObject(nextId(), Long.class);
            insert(id, agent.id(), slot, ShiftMark.SWAP_OUT.name(), other.id(), id, reason, actor, now);
            insert(otherId, other.id(), slot, ShiftMark.SWAP_IN.name(), agent.id(), id, reason, actor, now);
            return List.of(id, otherId);
        });
        List<AdjustmentView> written = readOnly.execute(s -> load("where id in (" + String.join(",", ids.stream().map(String::valueOf).toList()) + ")"));
        return written.stream().sorted(java.util.Comparator.comparingInt(v -> ids.indexOf(v.id()))).toList();
    }

    /**
     * Removes an adjustment; a swap's two rows go together.
     *
     * @return the rows removed
     * @throws DomainException forbidden unless a planner; not found
     */
    public List<AdjustmentView> remove(Actor actor, long id) {
        StaffAccess.requirePlanner(actor);
        return tx.execute(s -> {
            AdjustmentView row = load("where id = " + id).stream().findFirst()
                    .orElseThrow(() -> DomainException.notFound("wfpay.adjust.notFound", String.valueOf(id)));
            List<AdjustmentView> removed = row.pairId() == null ? List.of(row) : load("where pair_id = " + row.pairId());
            if (row.pairId() == null) {
                jdbc.update("delete from pay_adjustment where id = ?", id);
            } else {
                jdbc.update("delete from pay_adjustment where pair_id = ?", row.pairId());
            }
            return removed;
        });
    }

    /** One adjustment; empty when there is none. */
    public Optional<AdjustmentView> find(long id) {
        return readOnly.execute(s -> load("where id = " + id)).stream().findFirst();
    }

    /** Every adjustment of shifts on the dates {@code from}–{@code toInclusive}, by date, then agent. */
    public List<AdjustmentView> between(LocalDate from, LocalDate toInclusive) {
        return readOnly.execute(s -> load("where shift_date between ? and ?", from, toInclusive));
    }

    private static boolean rostered(List<ScheduledShift> published, long userId, long templateId) {
        return published.stream().anyMatch(p -> p.userId() == userId && p.templateId() == templateId);
    }

    private static void requireNoOverlap(List<ScheduledShift> published, UserRef agent, ShiftSlot slot, String field) {
        published.stream().filter(p -> p.userId() == agent.id() && p.overlaps(slot.start(), slot.end())).findFirst().ifPresent(p -> {
            throw DomainException.invalid(field, "wfpay.adjust.overlap", agent.displayName(), slot.date());
        });
    }

    private void requireNone(UserRef agent, LocalDate date, long templateId, String field) {
        String kind = jdbc.query("select kind from pay_adjustment where user_id = ? and shift_date = ? and template_id = ?",
                rs -> rs.next() ? rs.getString(1) : null, agent.id(), date, templateId);
        if (kind != null) {
            throw DomainException.invalid(field, "wfpay.adjust.duplicate", agent.displayName(), date, kind);
        }
    }

    private void insert(long id, long userId, ShiftSlot slot, String kind, Long otherUserId, Long pairId, String reason, Actor actor,
                        Instant now) {
        jdbc.update("insert into pay_adjustment (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", id, userId, slot.date(),
                slot.templateId(), Timestamp.from(slot.start()), Timestamp.from(slot.end()), kind, otherUserId, pairId, reason, actor.id(),
                Timestamp.from(now));
    }

    private UserRef agent(Long userId, String field) {
        if (userId == null) {
            throw DomainException.invalid(field, "wfpay.adjust.agentRequired");
        }
        UserRef user = users.user(userId).orElseThrow(() -> DomainException.invalid(field, "wfpay.adjust.notAgent", "#" + userId));
        if (!StaffAccess.isAgent(user.roles())) {
            throw DomainException.invalid(field, "wfpay.adjust.notAgent", user.displayName());
        }
        return user;
    }

    private List<AdjustmentView> load(String where, Object... args) {
        List<Object[]> rows = jdbc.query("select " + COLUMNS + " from pay_adjustment " + where + " order by shift_date, starts_at, user_id",
                (rs, i) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getObject(3, LocalDate.class), rs.getLong(4),
                        rs.getTimestamp(5).toInstant(), rs.getTimestamp(6).toInstant(), rs.getString(7), rs.getObject(8, Long.class),
                        rs.getObject(9, Long.class), rs.getString(10), rs.getLong(11), rs.getTimestamp(12).toInstant()}, args);
        Map<Long, String> names = new HashMap<>();
        List<AdjustmentView> views = new ArrayList<>();
        for (Object[] r : rows) {
            Long other = (Long) r[7];
            views.add(new AdjustmentView((long) r[0], (long) r[1], name(names, (long) r[1]), (LocalDate) r[2], (long) r[3], (Instant) r[4],
                    (Instant) r[5], ShiftMark.valueOf((String) r[6]), other, other == null ? null : name(names, other), (Long) r[8],
                    (String) r[9], (long) r[10], name(names, (long) r[10]), (Instant) r[11]));
        }
        return views;
    }

    private String name(Map<Long, String> names, long id) {
        return names.computeIfAbsent(id, k -> users.user(k).map(UserRef::displayName).orElse("#" + k));
    }

    private String nextId() {
        if (nextId == null) {
            String product = jdbc.execute((ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName());
            nextId = "PostgreSQL".equals(product) ? "select nextval('pay_adjustment_seq')" : "select next value for pay_adjustment_seq";
        }
        return nextId;
    }
}
