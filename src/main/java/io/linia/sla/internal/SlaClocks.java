package io.linia.sla.internal;

import io.linia.accounts.Role;
import io.linia.accounts.UserDirectory;
import io.linia.accounts.UserRef;
import io.linia.routing.BusinessCalendar;
import io.linia.routing.BusinessCalendars;
import io.linia.sla.SlaNoticeView;
import io.linia.sla.SlaTarget;
import io.linia.sla.TicketTargetView;
import io.linia.tickets.AgentReplied;
import io.linia.tickets.CustomerReplied;
import io.linia.tickets.Line;
import io.linia.tickets.SlaState;
import io.linia.tickets.TicketAction;
import io.linia.tickets.TicketCreated;
import io.linia.tickets.TicketEscalated;
import io.linia.tickets.TicketReturnedToFirstLine;
import io.linia.tickets.TicketService;
import io.linia.tickets.TicketState;
import io.linia.tickets.TicketStateChanged;
import io.linia.tickets.TicketSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.LinkedHashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The clocks of every ticket's targets. Follows the tickets module's events in their transaction (so a
 * ticket and its clocks never disagree): a ticket entering a queue starts a stint with the policy that
 * fits it; an answer meets the response targets; waiting for the customer pauses, their reply resumes;
 * solving or closing finishes. {@link #evaluate} finds the targets past their warning point or due time.
 */
@Component
public class SlaClocks {

    private static final Logger log = LoggerFactory.getLogger(SlaClocks.class);

    private final TargetClockRepository clocks;
    private final SlaPolicyRepository policies;
    private final SlaNoticeRepository notices;
    private final TicketService tickets;
    private final BusinessCalendars calendars;
    private final UserDirectory users;
    private final TransactionTemplate tx;
    private final org.springframework.jdbc.core.JdbcTemplate jdbc;
    private final Clock clock;
    private final MeterRegistry meters;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final double warnAt;
    private final ZoneId zone;

    SlaClocks(TargetClockRepository clocks, SlaPolicyRepository policies, SlaNoticeRepository notices,
              TicketService tickets, BusinessCalendars calendars, UserDirectory users,
              PlatformTransactionManager transactions, org.springframework.jdbc.core.JdbcTemplate jdbc, Clock clock, MeterRegistry meters,
              org.springframework.context.ApplicationEventPublisher events,
              @Value("${linia.sla.warn-at:0.8}") double warnAt) {
        this.clocks = clocks;
        this.policies = policies;
        this.notices = notices;
        this.tickets = tickets;
        this.calendars = calendars;
        this.users = users;
        this.tx = new TransactionTemplate(transactions);
        this.jdbc = jdbc;
        this.clock = clock;
        this.meters = meters;
        this.events = events;
        this.warnAt = warnAt <= 0 || warnAt >= 1 ? 0.8 : warnAt;
        this.zone = ZoneId.of("Europe/Moscow");
    }

    // ------------------------------------------------------------------ the tickets' events

    @EventListener
    void on(TicketCreated e) {
        tickets.summaryOf(e.ticketId()).ifPresent(t -> startStint(t, e.at()));
    }

    @EventListener
    void on(TicketEscalated e) {
        tickets.summaryOf(e.ticketId()).ifPresent(t -> {
            finishAll(t.id(), e.at());
            startStint(t, e.at());
        });
    }

    @EventListener
    void on(TicketReturnedToFirstLine e) {
        tickets.summaryOf(e.ticketId()).ifPresent(t -> {
            finishAll(t.id(), e.at());
            startStint(t, e.at());
        });
    }

    @EventListener
    void on(AgentReplied e) {
        List<TargetClock> active = clocks.findByTicketIdAndActiveTrue(e.ticketId());
        active.stream().filter(c -> c.target() != SlaTarget.RESOLUTION).forEach(c -> finish(c, e.at()));
        publish(e.ticketId(), active, e.at());
    }

    @EventListener
    void on(CustomerReplied e) {
        tickets.summaryOf(e.ticketId()).ifPresent(t -> {
            List<TargetClock> active = clocks.findByTicketIdAndActiveTrue(t.id());
            boolean answering = active.stream().anyMatch(c -> c.target() != SlaTarget.RESOLUTION);
            if (!answering && (t.state() == TicketState.OPEN || t.state() == TicketState.NEW)) {
                policyFor(t).filter(p -> p.has(SlaTarget.NEXT_RESPONSE))
                        .ifPresent(p -> active.add(clocks.save(start(t, p, SlaTarget.NEXT_RESPONSE, e.at()))));
            }
            publish(t.id(), active, e.at());
        });
    }

    @EventListener
    void on(TicketStateChanged e) {
        List<TargetClock> active = clocks.findByTicketIdAndActiveTrue(e.ticketId());
        if (e.to() == TicketState.WAITING_FOR_CUSTOMER) {
            active.forEach(c -> c.pause(calendarOf(c), e.at()));
        } else if (e.from() == TicketState.WAITING_FOR_CUSTOMER && (e.to() == TicketState.OPEN || e.to() == TicketState.NEW)) {
            active.forEach(c -> c.resume(calendarOf(c), warnAt, e.at()));
        } else if (e.to() == TicketState.SOLVED || e.to() == TicketState.CLOSED) {
            active.forEach(c -> finish(c, e.at()));
        } else if (e.action() == TicketAction.REOPENED) {
            Optional<TicketSummary> t = tickets.summaryOf(e.ticketId());
            if (t.isPresent() && active.stream().noneMatch(c -> c.target() == SlaTarget.RESOLUTION)) {
                policyFor(t.get()).filter(p -> p.has(SlaTarget.RESOLUTION))
                        .ifPresent(p -> active.add(clocks.save(start(t.get(), p, SlaTarget.RESOLUTION, e.at()))));
            }
        }
        publish(e.ticketId(), active, e.at());
    }

    // ------------------------------------------------------------------ stints

    /** A ticket entered a queue: the fitting policy's first response and resolution start. */
    private void startStint(TicketSummary t, Instant now) {
        Optional<SlaPolicy> policy = policyFor(t);
        List<TargetClock> started = new ArrayList<>();
        policy.ifPresent(p -> {
            if (p.has(SlaTarget.FIRST_RESPONSE)) {
                started.add(clocks.save(start(t, p, SlaTarget.FIRST_RESPONSE, now)));
            }
            if (p.has(SlaTarget.RESOLUTION)) {
                started.add(clocks.save(start(t, p, SlaTarget.RESOLUTION, now)));
            }
        });
        publish(t.id(), started, now);
    }

    private TargetClock start(TicketSummary t, SlaPolicy p, SlaTarget target, Instant now) {
        BusinessCalendar calendar = calendarFor(p.businessTime(), p.calendarId());
        Duration allowed = target == SlaTarget.RESOLUTION && p.resolutionDays() != null
                ? calendar.between(now, calendar.plusDays(now, p.resolutionDays()))
                : Duration.ofMinutes(p.minutes(target));
        return new TargetClock(t.id(), target, p, t.line(), t.groupId(), allowed, calendar, warnAt, now);
    }

    private void finishAll(long ticketId, Instant now) {
        clocks.findByTicketIdAndActiveTrue(ticketId).forEach(c -> finish(c, now));
    }

    /** Ends a target and tells reports its outcome ({@link io.linia.sla.SlaTargetFinished}). */
    private void finish(TargetClock c, Instant now) {
        if (c.finish(now)) {
            events.publishEvent(c.outcome());
        }
    }

    /** The most specific active policy for the ticket's line, group, priority and category. */
    Optional<SlaPolicy> policyFor(TicketSummary t) {
        return SlaPolicy.choose(policies.findAllByOrderById(), t.line(), t.groupId(), t.priority(), t.categoryId());
    }

    /** Tells the tickets module the nearest due time and the state, for queues. */
    private void publish(long ticketId, List<TargetClock> known, Instant now) {
        List<TargetClock> active = known.stream().filter(TargetClock::active).toList();
        Instant due = active.stream().filter(TargetClock::running).map(TargetClock::dueAt).filter(Objects::nonNull)
                .min(Comparator.naturalOrder()).orElse(null);
        SlaState state = active.isEmpty() ? SlaState.NONE
                : active.stream().anyMatch(c -> c.breachedAt() != null) ? SlaState.BREACHED
                : active.stream().anyMatch(c -> c.warnedAt() != null) ? SlaState.WARNING : SlaState.OK;
        tickets.slaChanged(ticketId, due, state);
    }

    private BusinessCalendar calendarOf(TargetClock c) {
        return calendarFor(c.businessTime(), c.calendarId());
    }

    private BusinessCalendar calendarFor(boolean business, Long calendarId) {
        if (!business) {
            return BusinessCalendar.always(zone);
        }
        return calendarId == null ? calendars.defaultCalendar() : calendars.byId(calendarId);
    }

    // ------------------------------------------------------------------ the periodic pass

    /** What one pass found: targets past their warning point, targets past their due time. */
    public record Evaluation(int warned, int breached, Duration took) {
    }

    /**
     * Marks warnings and breaches due by now, tells the team leads, raises the tickets' state for the
     * queues and applies the breach actions. Set-based, in batches of 2,000 targets: a pass over a desk
     * of a million open tickets touches only the targets that crossed a line since the last one.
     */
    public Evaluation evaluate() {
        long start = System.nanoTime();
        Instant now = clock.instant();
        Map<Long, List<Long>> leads = teamLeads();
        int warned = 0;
        int breached = 0;
        for (int n; (n = tx.execute(s -> mark(now, leads, SlaNoticeView.Kind.WARNING))) > 0; ) {
            warned += n;
        }
        for (int n; (n = tx.execute(s -> mark(now, leads, SlaNoticeView.Kind.BREACH))) > 0; ) {
            breached += n;
        }
        meters.counter("linia.sla.warnings").increment(warned);
        meters.counter("linia.sla.breaches").increment(breached);
        return new Evaluation(warned, breached, Duration.ofNanos(System.nanoTime() - start));
    }

    private static final int PASS_BATCH = 2000;

    /** One batch: the targets that crossed the line, marked, noticed, their tickets raised; returns how many. */
    private int mark(Instant now, Map<Long, List<Long>> leads, SlaNoticeView.Kind kind) {
        boolean breach = kind == SlaNoticeView.Kind.BREACH;
        List<Crossed> due = jdbc.query(breach
                        ? "select id, ticket_id, group_id, target, policy_id from sla_target where active = true"
                        + " and breached_at is null and due_at <= ? order by due_at limit " + PASS_BATCH
                        : "select id, ticket_id, group_id, target, policy_id from sla_target where active = true"
                        + " and warned_at is null and warn_at <= ? order by warn_at limit " + PASS_BATCH,
                (rs, i) -> new Crossed(rs.getLong(1), rs.getLong(2), (Long) rs.getObject(3), SlaTarget.valueOf(rs.getString(4)),
                        rs.getLong(5)), java.sql.Timestamp.from(now));
        if (due.isEmpty()) {
            return 0;
        }
        java.sql.Timestamp at = java.sql.Timestamp.from(now);
        jdbc.batchUpdate(breach
                        ? "update sla_target set breached_at = ?, warned_at = coalesce(warned_at, ?) where id = ?"
                        : "update sla_target set warned_at = ? where id = ?",
                due.stream().map(c -> breach ? new Object[] {at, at, c.id()} : new Object[] {at, c.id()}).toList());
        List<Object[]> noticeRows = new ArrayList<>();
        Map<Long, List<io.linia.sla.SlaBreachesFound.Breach>> byLead = new HashMap<>();
        Map<Long, SlaPolicy> byId = new HashMap<>();
        Map<Long, Boolean> enabled = new HashMap<>();
        for (Crossed c : due) {
            Set<Long> to = new LinkedHashSet<>(c.groupId() != null && leads.containsKey(c.groupId())
                    ? leads.get(c.groupId()) : leads.getOrDefault(0L, List.of()));
            if (breach) {
                SlaPolicy p = byId.computeIfAbsent(c.policyId(), id -> policies.findById(id).orElse(null));
                if (p != null) {
                    // besides the leads, whom the policy names: the agent working the ticket, one more person
                    if (p.notifyAssignee()) {
                        tickets.summaryOf(c.ticketId()).map(TicketSummary::assigneeId).ifPresent(to::add);
                    }
                    if (p.notifyUserId() != null && enabled.computeIfAbsent(p.notifyUserId(),
                            id -> users.user(id).map(UserRef::enabled).orElse(false))) {
                        to.add(p.notifyUserId());
                    }
                }
            }
            for (Long lead : to) {
                noticeRows.add(new Object[] {lead, c.ticketId(), c.target().name(), kind.name(), at});
                if (breach) {
                    byLead.computeIfAbsent(lead, k -> new ArrayList<>()).add(new io.linia.sla.SlaBreachesFound.Breach(
                            c.ticketId(), io.linia.tickets.TicketNumber.format(c.ticketId()), c.target()));
                }
            }
        }
        if (!byLead.isEmpty()) {
            events.publishEvent(new io.linia.sla.SlaBreachesFound(byLead, now));
        }
        if (!noticeRows.isEmpty()) {
            // ids from the sequence in one statement per row batch (the sequence steps by 50: nextval per row is fine here)
            jdbc.batchUpdate("insert into sla_notice (id, user_id, ticket_id, target, kind, created_at)"
                    + " values (nextval('sla_notice_seq'), ?, ?, ?, ?, ?)", noticeRows);
        }
        List<Long> ticketIds = due.stream().map(Crossed::ticketId).distinct().toList();
        tickets.slaRaised(ticketIds, breach ? SlaState.BREACHED : SlaState.WARNING);
        if (breach) {
            for (Crossed c : due) {
                SlaPolicy p = byId.computeIfAbsent(c.policyId(), id -> policies.findById(id).orElse(null));
                if (p != null && (p.raisePriority() || p.moveToGroupId() != null)) {
                    try {
                        tickets.slaBreachActions(c.ticketId(), p.raisePriority(), p.moveToGroupId());
                    } catch (RuntimeException e) {
                        log.warn("SLA actions on ticket {} failed: {}", c.ticketId(), e.toString());
                    }
                }
            }
        }
        return due.size();
    }

    private record Crossed(long id, long ticketId, Long groupId, SlaTarget target, long policyId) {
    }

    /** Team leads by group they belong to (key 0: all team leads, for groups without their own). */
    private Map<Long, List<Long>> teamLeads() {
        Map<Long, List<Long>> byGroup = new HashMap<>();
        for (UserRef u : users.staff()) {
            if (u.enabled() && u.roles().contains(Role.TEAM_LEAD)) {
                byGroup.computeIfAbsent(0L, k -> new ArrayList<>()).add(u.id());
                u.groupIds().forEach(g -> byGroup.computeIfAbsent(g, k -> new ArrayList<>()).add(u.id()));
            }
        }
        return byGroup;
    }

    // ------------------------------------------------------------------ reading

    List<TicketTargetView> targetsOf(long ticketId) {
        Instant now = clock.instant();
        Map<Long, String> names = new HashMap<>();
        return clocks.findByTicketIdOrderById(ticketId).stream()
                .map(c -> c.toView(names.computeIfAbsent(c.policyId(),
                        id -> policies.findById(id).map(SlaPolicy::name).orElse("?")), calendarOf(c), now))
                .toList();
    }
}
