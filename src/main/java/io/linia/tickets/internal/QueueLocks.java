package io.linia.tickets.internal;

import io.linia.accounts.Actor;
import io.linia.tickets.Line;
import io.linia.tickets.Priority;
import io.linia.tickets.SlaState;
import io.linia.tickets.TicketState;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.generator.Generator;
import org.hibernate.id.IdentifierGenerator;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Row locks for assignment, in the database so that they hold across nodes. Must run inside the
 * caller's transaction: the locks last until it ends.
 *
 * <p>"Next ticket" locks the oldest unassigned ticket of each of the agent's queues and states. On
 * PostgreSQL with {@code FOR UPDATE SKIP LOCKED}: concurrent callers pass over each other's rows, so none
 * waits and no ticket goes to two agents; locking the heads, taking the oldest and recording it in the
 * history is one statement (bench/README.md: each round trip and each entity in the session cost more
 * than the statements' own work). H2 2.3 accepts {@code SKIP LOCKED} but applies {@code LIMIT} first (a
 * second caller then finds nothing while tickets wait), so on H2 (one node) each head is locked by its
 * own query with a plain {@code FOR UPDATE} — a second caller waits for the first to commit and then
 * reads the next row — and the ticket is taken through the aggregate.
 */
@Component
public class QueueLocks {

    /** The oldest unassigned ticket of a queue and state. */
    private record Head(long ticketId, Instant queuedAt) {
    }

    /** A queue: the first line ({@code groupId} null) or a second-line group. */
    public record Queue(Line line, Long groupId) {
    }

    /** The states in which a ticket waits in its queue, in the order their heads are locked. */
    private static final List<TicketState> WAITING = List.of(TicketState.NEW, TicketState.OPEN);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate separately;
    private final boolean postgres;
    private final String lockClause;

    @PersistenceContext
    private EntityManager entities;

    QueueLocks(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        String product = jdbc.execute((ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName());
        this.postgres = product != null && product.toLowerCase().contains("postgres");
        this.lockClause = postgres ? "for update skip locked" : "for update";
    }

    /** Whether the store is PostgreSQL (else H2). */
    public boolean postgres() {
        return postgres;
    }

    /** A ticket taken by {@link #takeOldestUnassigned}: its row as the take left it, and the state it was in before. */
    public record Taken(long id, TicketState before, String subject, String customerName, String customerEmail, Line line,
                        Long groupId, Priority priority, Instant queuedAt, Instant slaDueAt, SlaState slaState, long version) {
    }

    /**
     * PostgreSQL: locks the head (oldest unassigned ticket) of each queue in each waiting state, and gives
     * the oldest of them (by the time it entered the queue, then id) to {@code agent}, in one statement:
     * what {@link Ticket#take} does — assignee, a new ticket becomes open, {@code updated_at}, the version,
     * a TAKE entry in the history — without loading the ticket into the session. The caller has already
     * checked what {@link Ticket#take} checks: the queues are the agent's own (so the agent may act on them)
     * and only unassigned new or open tickets are taken. Empty when nothing waits.
     *
     * <p>One CTE per head (locking clauses are not allowed beside UNION). A head changed and committed
     * since the statement began is locked and updated in its newest version. The history entry's id comes
     * from Hibernate's own generator (its pooled block, in memory): the history is ordered by id, so a
     * fresh {@code nextval} — above the block — would sort this TAKE after the entries written next.
     *
     * <p>{@code waitForDisk} false: the transaction's commit returns without waiting for its WAL to reach
     * the disk ({@code synchronous_commit} off until the transaction ends, set by the same statement so
     * that it costs no round trip; other transactions are not touched).
     */
    public Optional<Taken> takeOldestUnassigned(List<Queue> queues, Actor agent, Instant now, boolean waitForDisk) {
        if (!postgres) {
            throw new IllegalStateException("one-statement take is written for PostgreSQL");
        }
        if (queues.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder sql = new StringBuilder("with ");
        if (!waitForDisk) {
            sql.append("quick as (select set_config('synchronous_commit', 'off', true) as setting), ");
        }
        List<Object> args = new ArrayList<>();
        int n = 0;
        for (Queue queue : queues) {
            for (TicketState state : WAITING) {
                sql.append("h").append(n++).append(" as (")
                        .append(headQuery("id, state, queued_at, assignee_name", queue.groupId())).append("), ");
                args.add(queue.line().name());
                args.add(state.name());
                if (queue.groupId() != null) {
                    args.add(queue.groupId());
                }
            }
        }
        sql.append("head as (");
        for (int i = 0; i < n; i++) {
            sql.append(i == 0 ? "" : " union all ").append("select * from h").append(i);
        }
        sql.append(" order by queued_at, id limit 1), ");
        sql.append("""
                taken as (update ticket t set assignee_id = ?, assignee_name = ?, state = 'OPEN', updated_at = ?,
                                              version = t.version + 1
                          from head where t.id = head.id
                          returning t.id, head.state as before, head.assignee_name as previous, t.subject,
                                    t.customer_name, t.customer_email, t.line, t.group_id, t.priority, t.queued_at,
                                    t.sla_due_at, t.sla_state, t.version),
                recorded as (insert into ticket_history (id, ticket_id, at, actor_id, actor_name, action, from_state,
                                                         to_state, from_line, to_line, from_group_id, to_group_id, detail)
                             select ?, id, ?, ?, ?, 'TAKE', before, 'OPEN', line, line,
                                    group_id, group_id, case when previous is null then ? else previous || ' → ' || ? end
                             from taken)
                select id, before, subject, customer_name, customer_email, line, group_id, priority, queued_at,
                       sla_due_at, sla_state, version
                from taken""");
        if (!waitForDisk) {
            sql.append(", quick"); // referenced, so evaluated: once, as it has one row
        }
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        args.addAll(List.of(agent.id(), agent.name(), at, nextHistoryId(), at, agent.id(), agent.name(), agent.name(),
                agent.name()));
        List<Taken> rows = jdbc.query(sql.toString(), (rs, i) -> new Taken(rs.getLong("id"),
                TicketState.valueOf(rs.getString("before")), rs.getString("subject"), rs.getString("customer_name"),
                rs.getString("customer_email"), Line.valueOf(rs.getString("line")),
                rs.getObject("group_id", Long.class), Priority.valueOf(rs.getString("priority")),
                rs.getObject("queued_at", OffsetDateTime.class).toInstant(),
                Optional.ofNullable(rs.getObject("sla_due_at", OffsetDateTime.class)).map(OffsetDateTime::toInstant).orElse(null),
                rs.getString("sla_state") == null ? SlaState.NONE : SlaState.valueOf(rs.getString("sla_state")),
                rs.getLong("version")), args.toArray());
        return rows.stream().findFirst();
    }

    private long nextHistoryId() {
        SharedSessionContractImplementor session = entities.unwrap(SharedSessionContractImplementor.class);
        Generator generator = session.getFactory().getMappingMetamodel()
                .getEntityDescriptor(TicketHistoryEntry.class).getGenerator();
        return ((Number) ((IdentifierGenerator) generator).generate(session, null)).longValue();
    }

    /**
     * H2: locks the head of each queue in each waiting state one by one, in a fixed order (queues as given,
     * NEW before OPEN) so that waiting callers form no cycle, and loads the oldest of them (by the time it
     * entered the queue, then id) into the session; empty when nothing waits.
     */
    public Optional<Ticket> lockOldestUnassigned(List<Queue> queues) {
        Head oldest = null;
        for (Queue queue : queues) {
            for (TicketState state : WAITING) {
                Optional<Head> head = lockOldestUnassigned(queue.line(), queue.groupId(), state);
                if (head.isPresent() && (oldest == null || head.get().queuedAt().isBefore(oldest.queuedAt())
                        || (head.get().queuedAt().equals(oldest.queuedAt()) && head.get().ticketId() < oldest.ticketId()))) {
                    oldest = head.get();
                }
            }
        }
        return oldest == null ? Optional.empty() : Optional.of(entities.find(Ticket.class, oldest.ticketId()));
    }

    /**
     * The oldest unassigned ticket of a queue in one state, locked. The ORDER BY names the fixed index
     * columns too, so that both databases read {@code ticket_unassigned_queue} in order and stop at the
     * first row.
     */
    private String headQuery(String columns, Long groupId) {
        return "select " + columns + " from ticket where line = ? and state = ? and "
                + (groupId == null ? "group_id is null" : "group_id = ?")
                + " and assignee_id is null order by group_id, assignee_id, queued_at, id limit 1 " + lockClause;
    }

    private Optional<Head> lockOldestUnassigned(Line line, Long groupId, TicketState state) {
        String sql = headQuery("id, queued_at", groupId);
        Object[] args = groupId == null ? new Object[] {line.name(), state.name()}
                : new Object[] {line.name(), state.name(), groupId};
        List<Head> rows = jdbc.query(sql, (rs, i) -> new Head(rs.getLong(1), rs.getTimestamp(2).toInstant()), args);
        return rows.stream().findFirst();
    }

    /**
     * Locks the queue's round-robin cursor (creating it for a new group) and returns the agent who got
     * the queue's last ticket, or null. Holding it serialises automatic assignment within one queue.
     */
    public Long lockCursor(String queueKey) {
        List<Long> last = readCursor(queueKey);
        if (last.isEmpty()) {
            try {
                separately.executeWithoutResult(s -> jdbc.update(
                        "insert into assignment_cursor (queue_key, last_agent_id) values (?, null)", queueKey));
            } catch (DataIntegrityViolationException another) {
                // another node created it at the same moment: lock theirs
            }
            last = readCursor(queueKey);
        }
        return last.get(0);
    }

    public void moveCursor(String queueKey, long agentId) {
        jdbc.update("update assignment_cursor set last_agent_id = ? where queue_key = ?", agentId, queueKey);
    }

    private List<Long> readCursor(String queueKey) {
        return jdbc.query("select last_agent_id from assignment_cursor where queue_key = ? for update",
                (rs, i) -> (Long) rs.getObject(1, Long.class), queueKey);
    }
}
