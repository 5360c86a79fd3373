package io.linia.quality;

import io.linia.accounts.Actor;
import io.linia.quality.internal.Sql;
import io.linia.shared.DomainException;
import io.linia.tickets.TicketNumber;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Repeat contacts and first-contact resolution, from quality's own record of each ticket as a contact (customer,
 * category, created, last resolved and by whom), kept from the tickets' events.
 * <p>A ticket is a repeat contact against an earlier ticket when the same customer opens it in the same category at
 * most {@code linia.quality.repeat-window} (7 days) after the earlier one was resolved — against the latest such
 * ticket and its solver. A reopen is a repeat contact against the reopened ticket. A category set or changed later
 * (first line categorising, second line re-categorising) re-judges the ticket and its customer's tickets around it.
 */
@Service
@Transactional
public class RepeatContacts {

    private final JdbcClient jdbc;
    private final QualityProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RepeatContacts(JdbcClient jdbc, QualityProperties properties, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
    }

    // ------------------------------------------------------------------ recording (from the tickets' events)

    /** A new ticket: recorded as a contact, judged as a repeat when its category is known. */
    public void created(long ticketId, long customerId, Long categoryId, Instant at) {
        // on the creation path: one insert, and one indexed look-up when the category is known (nothing to delete yet)
        jdbc.sql("insert into quality_contact (ticket_id, customer_id, category_id, created_at) values (?, ?, ?, ?)")
                .params(ticketId, customerId, categoryId, Sql.ts(at)).update();
        if (categoryId != null) {
            judge(new Contact(ticketId, customerId, categoryId, at, null, null));
        }
    }

    /** The ticket's category now (set after creation, or changed): re-judge it and its customer's tickets around it. */
    public void categoryIs(long ticketId, Long categoryId) {
        Optional<Contact> before = contact(ticketId);
        if (before.isEmpty() || java.util.Objects.equals(before.get().categoryId(), categoryId)) {
            return;
        }
        jdbc.sql("update quality_contact set category_id = ? where ticket_id = ?").params(categoryId, ticketId).update();
        judge(ticketId);
        Contact c = contact(ticketId).orElseThrow();
        if (c.resolvedAt() != null) {
            // later tickets of the customer that this one's solve may (or may no longer) precede
            jdbc.sql("delete from quality_repeat_contact where kind = 'NEW_TICKET' and ticket_id = ?").param(ticketId).update();
            List<Long> later = jdbc.sql("select ticket_id from quality_contact where customer_id = ? and ticket_id <> ? "
                            + "and created_at >= ? and created_at <= ? order by created_at")
                    .params(c.customerId(), ticketId, Sql.ts(c.resolvedAt()), Sql.ts(c.resolvedAt().plus(properties.repeatWindow())))
                    .query(Long.class).list();
            later.forEach(this::judge);
        }
    }

    /** The ticket was resolved (solved, or closed without a solve) by {@code solverId} on {@code line}. */
    public void resolved(long ticketId, long customerId, Long categoryId, Instant createdAt, Long solverId, String line, Instant at) {
        if (contact(ticketId).isEmpty()) {
            jdbc.sql("insert into quality_contact (ticket_id, customer_id, category_id, created_at) values (?, ?, ?, ?)")
                    .params(ticketId, customerId, categoryId, Sql.ts(createdAt)).update();
        }
        jdbc.sql("update quality_contact set resolved_at = ?, solver_id = ?, line = ? where ticket_id = ?")
                .params(Sql.ts(at), solverId, line, ticketId).update();
        categoryIs(ticketId, categoryId);
    }

    /** The customer reopened a solved ticket: a repeat contact against it and its solver. */
    public void reopened(long ticketId, Instant at) {
        contact(ticketId).ifPresent(c -> {
            jdbc.sql("insert into quality_repeat_contact (ticket_id, solver_id, kind, repeat_ticket_id, customer_id, category_id, "
                            + "solved_at, at) values (?, ?, 'REOPEN', null, ?, ?, ?, ?)")
                    .params(ticketId, c.solverId(), c.customerId(), c.categoryId(), Sql.ts(c.resolvedAt()), Sql.ts(at)).update();
            events.publishEvent(new RepeatContactRecorded(ticketId, c.solverId(), RepeatContactView.Kind.REOPEN, null, at));
        });
    }

    /** Judges one ticket as a possible repeat of an earlier one (its earlier verdict is replaced). */
    private void judge(long ticketId) {
        jdbc.sql("delete from quality_repeat_contact where kind = 'NEW_TICKET' and repeat_ticket_id = ?").param(ticketId).update();
        judge(contact(ticketId).orElseThrow());
    }

    private void judge(Contact c) {
        long ticketId = c.ticketId();
        if (c.categoryId() == null) {
            return;
        }
        Instant since = c.createdAt().minus(properties.repeatWindow());
        List<Contact> earlier = jdbc.sql("select * from quality_contact where customer_id = ? and category_id = ? and ticket_id <> ? "
                        + "and resolved_at is not null and resolved_at <= ? and resolved_at >= ? order by resolved_at desc, ticket_id desc")
                .params(c.customerId(), c.categoryId(), ticketId, Sql.ts(c.createdAt()), Sql.ts(since))
                .query((rs, n) -> contact(rs)).list();
        if (earlier.isEmpty()) {
            return;
        }
        Contact e = earlier.get(0);
        jdbc.sql("insert into quality_repeat_contact (ticket_id, solver_id, kind, repeat_ticket_id, customer_id, category_id, "
                        + "solved_at, at) values (?, ?, 'NEW_TICKET', ?, ?, ?, ?, ?)")
                .params(e.ticketId(), e.solverId(), ticketId, c.customerId(), c.categoryId(), Sql.ts(e.resolvedAt()),
                        Sql.ts(c.createdAt())).update();
        events.publishEvent(new RepeatContactRecorded(e.ticketId(), e.solverId(), RepeatContactView.Kind.NEW_TICKET, ticketId,
                c.createdAt()));
    }

    record Contact(long ticketId, long customerId, Long categoryId, Instant createdAt, Instant resolvedAt, Long solverId) {
    }

    private Optional<Contact> contact(long ticketId) {
        return jdbc.sql("select * from quality_contact where ticket_id = ?").param(ticketId).query((rs, n) -> contact(rs)).optional();
    }

    private static Contact contact(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Contact(rs.getLong("ticket_id"), rs.getLong("customer_id"), Sql.longOrNull(rs, "category_id"),
                Sql.instant(rs, "created_at"), Sql.instant(rs, "resolved_at"), Sql.longOrNull(rs, "solver_id"));
    }

    // ------------------------------------------------------------------ reading

    /** Repeat contacts recorded in [from, to) — against {@code solverId}'s tickets when given — newest first. */
    @Transactional(readOnly = true)
    public List<RepeatContactView> list(Actor actor, Long solverId, Instant from, Instant to) {
        if (!AnswerReviews.isReviewer(actor) && (solverId == null || solverId != actor.id())) {
            throw DomainException.forbidden("quality.error.notReviewer");
        }
        Map<String, Object> p = period(from, to);
        p.put("solver", solverId == null ? -1L : solverId);
        return jdbc.sql("select * from quality_repeat_contact where at >= :from and at < :to and (:solver = -1 or solver_id = :solver) "
                        + "order by at desc, id desc").params(p)
                .query((rs, n) -> {
                    long ticketId = rs.getLong("ticket_id");
                    Long repeat = Sql.longOrNull(rs, "repeat_ticket_id");
                    return new RepeatContactView(rs.getLong("id"), ticketId, TicketNumber.format(ticketId),
                            Sql.longOrNull(rs, "solver_id"), RepeatContactView.Kind.valueOf(rs.getString("kind")), repeat,
                            repeat == null ? null : TicketNumber.format(repeat), rs.getLong("customer_id"),
                            Sql.longOrNull(rs, "category_id"), Sql.instant(rs, "solved_at"), Sql.instant(rs, "at"));
                }).list();
    }

    /**
     * First-contact resolution over [from, to): tickets resolved in the period (by {@code agentId} when given) and how
     * many of them have a repeat contact against them; the rate is the share without, in percent.
     */
    @Transactional(readOnly = true)
    public FirstContactResolution firstContactResolution(Actor actor, Long agentId, Instant from, Instant to) {
        if (!AnswerReviews.isReviewer(actor) && (agentId == null || agentId != actor.id())) {
            throw DomainException.forbidden("quality.error.notReviewer");
        }
        if (from == null || to == null) {
            throw DomainException.invalid(from == null ? "from" : "to", "linia.validation.required");
        }
        if (!from.isBefore(to)) {
            throw DomainException.invalid("to", "quality.error.period");
        }
        Map<String, Object> p = period(from, to);
        p.put("agent", agentId == null ? -1L : agentId);
        List<long[]> counts = new ArrayList<>();
        jdbc.sql("select count(*) as resolved, coalesce(sum(case when exists (select 1 from quality_repeat_contact r "
                        + "where r.ticket_id = c.ticket_id) then 1 else 0 end), 0) as repeated from quality_contact c "
                        + "where c.resolved_at >= :from and c.resolved_at < :to and (:agent = -1 or c.solver_id = :agent)")
                .params(p).query(rs -> {
                    counts.add(new long[] {rs.getLong("resolved"), rs.getLong("repeated")});
                });
        long resolved = counts.get(0)[0];
        long repeated = counts.get(0)[1];
        return new FirstContactResolution(from, to, agentId, resolved, repeated, Sql.percent(resolved - repeated, resolved));
    }

    private static Map<String, Object> period(Instant from, Instant to) {
        Map<String, Object> p = new HashMap<>();
        p.put("from", Sql.ts(from == null ? Instant.EPOCH : from));
        p.put("to", Sql.ts(to == null ? Instant.parse("9999-01-01T00:00:00Z") : to));
        return p;
    }

    Instant now() {
        return clock.instant();
    }
}
