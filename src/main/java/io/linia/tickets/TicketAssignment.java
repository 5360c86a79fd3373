package io.linia.tickets;

import io.linia.accounts.Actor;
import io.linia.accounts.AgentShifts;
import io.linia.accounts.Role;
import io.linia.accounts.UserRef;
import io.linia.routing.AssignmentMode;
import io.linia.routing.AssignmentRules;
import io.linia.routing.QueueAssignment;
import io.linia.shared.DomainException;
import io.linia.tickets.internal.QueueLocks;
import io.linia.tickets.internal.Ticket;
import io.linia.tickets.internal.TicketRepository;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who works which waiting ticket: an agent pulls the oldest one of their queues ("next ticket"), or
 * Linia gives a ticket entering a round-robin or least-loaded queue to an agent on shift; an agent
 * going off shift gives their open tickets back to the queue.
 *
 * <p>Eligible for a queue: first line — agents with the first-line role; a group — its second-line
 * members, certified for it when the group requires it. Automatic assignment also requires being on
 * shift; pulling "next ticket" does not (pulling is working).
 */
@Service
public class TicketAssignment {

    /** Linia assigns as a team lead would (the aggregate allows ASSIGN to leads); history shows "Linia". */
    private static final Actor LINIA = new Actor(Actor.SYSTEM_ID, "Linia", Set.of(Role.TEAM_LEAD), Set.of());

    private final TicketRepository tickets;
    private final QueueLocks locks;
    private final AssignmentRules rules;
    private final AgentShifts shifts;
    private final ApplicationEventPublisher events;
    private final MeterRegistry meters;
    private final Clock clock;
    private final Set<TicketState> releasedAtShiftEnd;
    private final boolean asyncCommit;

    /**
     * {@code asyncCommit} ({@code linia.routing.next-ticket-async-commit}, PostgreSQL only): the commit of
     * a "next ticket" returns before its WAL reaches the disk ({@code SET LOCAL synchronous_commit TO off}
     * for that one transaction). PostgreSQL writes it within 3 × {@code wal_writer_delay} (0.6 s by
     * default), and at once when any later transaction commits durably. Only a database crash in that
     * window forgets the assignment, whole: the ticket waits in its queue again, unassigned, with nothing
     * else lost (a TAKE touches no customer data and sends nothing). Off by default.
     */
    TicketAssignment(TicketRepository tickets, QueueLocks locks, AssignmentRules rules, AgentShifts shifts,
                     ApplicationEventPublisher events, MeterRegistry meters, Clock clock,
                     @Value("${linia.routing.release-waiting-on-shift-end:false}") boolean releaseWaiting,
                     @Value("${linia.routing.next-ticket-async-commit:false}") boolean asyncCommit) {
        this.tickets = tickets;
        this.locks = locks;
        this.rules = rules;
        this.shifts = shifts;
        this.events = events;
        this.meters = meters;
        this.clock = clock;
        this.asyncCommit = asyncCommit && locks.postgres();
        this.releasedAtShiftEnd = releaseWaiting
                ? EnumSet.of(TicketState.NEW, TicketState.OPEN, TicketState.WAITING_FOR_CUSTOMER)
                : EnumSet.of(TicketState.NEW, TicketState.OPEN);
    }

    // ------------------------------------------------------------------ next ticket

    /**
     * Gives the agent the oldest unassigned ticket of the queues they work, assigned to them (404 when
     * nothing waits). Concurrent callers, on one node or several, never get the same ticket. Answers in
     * short ({@link NextTicket}); the whole ticket is {@link TicketService#get}.
     *
     * <p>On PostgreSQL three statements: the rules of the agent's groups, the take (locking every queue
     * head, taking the oldest, recording it), the commit — which with
     * {@code linia.routing.next-ticket-async-commit} does not wait for the disk (see the constructor). On
     * H2 the heads are locked one by one and the ticket is taken through the aggregate.
     */
    @Transactional
    public NextTicket next(Actor agent) {
        List<QueueLocks.Queue> queues = queuesOf(agent).stream()
                .map(q -> new QueueLocks.Queue(q.firstLine() ? Line.FIRST : Line.SECOND, q.groupId()))
                .toList();
        Instant now = clock.instant();
        NextTicket taken = locks.postgres() ? takeInOneStatement(agent, queues, now) : takeThroughTheAggregate(agent, queues, now);
        meters.counter("linia.tickets.actions", "action", "NEXT", "line", taken.line().name()).increment();
        return taken;
    }

    private NextTicket takeInOneStatement(Actor agent, List<QueueLocks.Queue> queues, Instant now) {
        QueueLocks.Taken t = locks.takeOldestUnassigned(queues, agent, now, !asyncCommit)
                .orElseThrow(() -> DomainException.notFound("assignment.nothingWaiting"));
        if (t.before() != TicketState.OPEN) {
            events.publishEvent(new TicketStateChanged(t.id(), t.before(), TicketState.OPEN, t.line(), TicketAction.TAKE, now));
        }
        String number = TicketNumber.format(t.id());
        return new NextTicket(t.id(), number, t.version(), t.subject(), t.customerName(), t.customerEmail(), t.line(),
                t.groupId(), TicketState.OPEN, t.priority(), agent.id(), agent.name(), t.queuedAt(), t.slaDueAt(),
                t.slaState(), NextTicket.linkTo(number));
    }

    private NextTicket takeThroughTheAggregate(Actor agent, List<QueueLocks.Queue> queues, Instant now) {
        Ticket ticket = locks.lockOldestUnassigned(queues)
                .orElseThrow(() -> DomainException.notFound("assignment.nothingWaiting"));
        TicketState before = ticket.state();
        ticket.take(agent, now);
        tickets.flush();
        if (before != ticket.state()) {
            events.publishEvent(new TicketStateChanged(ticket.id(), before, ticket.state(), ticket.line(), TicketAction.TAKE, now));
        }
        String number = TicketNumber.format(ticket.id());
        return new NextTicket(ticket.id(), number, ticket.version(), ticket.subject(), ticket.customerName(),
                ticket.customerEmail(), ticket.line(), ticket.groupId(), ticket.state(), ticket.priority(),
                ticket.assigneeId(), ticket.assigneeName(), ticket.queuedAt(), ticket.slaDueAt(), ticket.slaState(),
                NextTicket.linkTo(number));
    }

    /** The queues the agent works: the first line for first-line agents, their groups (certified where required) for second line. */
    List<QueueAssignment> queuesOf(Actor agent) {
        if (!agent.has(Role.AGENT_L1) && !agent.has(Role.AGENT_L2)) {
            throw DomainException.forbidden("assignment.error.notAnAgent");
        }
        List<QueueAssignment> queues = new ArrayList<>();
        if (agent.has(Role.AGENT_L1)) {
            queues.add(rules.firstLine());
        }
        if (agent.has(Role.AGENT_L2)) {
            Set<Long> certified = null;
            for (QueueAssignment rule : rules.groups(agent.groupIds())) {
                if (rule.certificationRequired()) {
                    certified = certified == null ? shifts.certifiedGroups(agent.id()) : certified;
                    if (!certified.contains(rule.groupId())) {
                        continue;
                    }
                }
                queues.add(rule);
            }
        }
        return queues;
    }

    // ------------------------------------------------------------------ automatic assignment

    /**
     * Gives a ticket that has just entered a round-robin or least-loaded queue to an eligible agent on
     * shift. Nothing happens when the queue is manual, the ticket is already assigned or no longer
     * waiting, or nobody eligible is on shift (the ticket then waits for "next ticket"). Returns the agent.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Optional<Long> assignAutomatically(long ticketId) {
        Ticket ticket = tickets.findById(ticketId).orElse(null);
        if (ticket == null || ticket.assigneeId() != null || !TicketService.QUEUED.contains(ticket.state())) {
            return Optional.empty();
        }
        QueueAssignment rule = ticket.line() == Line.FIRST ? rules.firstLine()
                : ticket.groupId() == null ? null : rules.group(ticket.groupId()).orElse(null);
        if (rule == null || !rule.mode().automatic()) {
            return Optional.empty();
        }
        List<UserRef> candidates = shifts.onShift(ticket.line() == Line.FIRST ? Role.AGENT_L1 : Role.AGENT_L2,
                ticket.groupId(), rule.certificationRequired());
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        String queueKey = ticket.groupId() == null ? "first" : "group:" + ticket.groupId();
        Long last = locks.lockCursor(queueKey);
        UserRef chosen = rule.mode() == AssignmentMode.LEAST_LOADED ? leastLoaded(candidates, last) : after(candidates, last);
        locks.moveCursor(queueKey, chosen.id());
        Instant now = clock.instant();
        TicketState before = ticket.state();
        ticket.assign(LINIA, chosen.toActor(), now);
        tickets.flush();
        meters.counter("linia.tickets.auto-assigned", "mode", rule.mode().name()).increment();
        if (before != ticket.state()) {
            events.publishEvent(new TicketStateChanged(ticket.id(), before, ticket.state(), ticket.line(), TicketAction.ASSIGN, now));
        }
        return Optional.of(chosen.id());
    }

    /** Round robin: the first candidate (by id) after the one who got the queue's last ticket, wrapping round. */
    private static UserRef after(List<UserRef> candidates, Long last) {
        if (last != null) {
            for (UserRef c : candidates) {
                if (c.id() > last) {
                    return c;
                }
            }
        }
        return candidates.get(0);
    }

    /** Fewest unfinished tickets; among equals, round-robin order (so ties rotate instead of always hitting the lowest id). */
    private UserRef leastLoaded(List<UserRef> candidates, Long last) {
        Map<Long, Long> load = new HashMap<>();
        tickets.countByAssignee(candidates.stream().map(UserRef::id).toList(), TicketService.UNFINISHED)
                .forEach(l -> load.put(l.getAssigneeId(), l.getCount()));
        long least = candidates.stream().mapToLong(c -> load.getOrDefault(c.id(), 0L)).min().orElse(0);
        List<UserRef> lightest = candidates.stream().filter(c -> load.getOrDefault(c.id(), 0L) == least).toList();
        return after(lightest, last);
    }

    // ------------------------------------------------------------------ end of shift

    /**
     * Returns the agent's tickets in work (new and open; also those waiting for the customer when
     * {@code linia.routing.release-waiting-on-shift-end} is true) to their queues, each recorded in its
     * history as released by Linia. Returns the ids, for automatic assignment to whoever is on shift.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public List<Long> releaseAtShiftEnd(long agentId) {
        Instant now = clock.instant();
        List<Long> released = new ArrayList<>();
        for (Ticket ticket : tickets.findAssigned(agentId, releasedAtShiftEnd)) {
            ticket.release(Actor.system(), now);
            released.add(ticket.id());
        }
        tickets.flush();
        return released;
    }
}
