package io.linia.tickets.internal;

import io.linia.tickets.Line;
import io.linia.tickets.TicketState;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
 * waits and no ticket goes to two agents; all heads are locked and the oldest loaded in one statement
 * (each round trip to the database is a wake-up of its process, which costs most on a busy machine). H2
 * 2.3 accepts {@code SKIP LOCKED} but applies {@code LIMIT} first (a second caller then finds nothing
 * while tickets wait), so on H2 (one node) each head is locked by its own query with a plain
 * {@code FOR UPDATE}: a second caller waits for the first to commit and then reads the next row.
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

    /**
     * Locks the head (oldest unassigned ticket) of each queue in each waiting state and loads the oldest of
     * them (by the time it entered the queue, then id) as a managed entity; empty when nothing waits.
     */
    public Optional<Ticket> lockOldestUnassigned(List<Queue> queues) {
        if (queues.isEmpty()) {
            return Optional.empty();
        }
        return postgres ? lockOldestInOneStatement(queues) : lockOldestHeadByHead(queues);
    }

    /**
     * PostgreSQL: one CTE per head (locking clauses are not allowed beside UNION). The heads' own rows are
     * returned, not a re-read of the table: a row changed and committed since the statement began is
     * locked and returned in its newest version, so the entity's version is the one the update will meet.
     */
    private Optional<Ticket> lockOldestInOneStatement(List<Queue> queues) {
        StringBuilder sql = new StringBuilder("with ");
        List<Object> args = new ArrayList<>();
        int n = 0;
        for (Queue queue : queues) {
            for (TicketState state : WAITING) {
                sql.append(n == 0 ? "" : ", ").append("h").append(n++).append(" as (")
                        .append(headQuery("*", queue.groupId())).append(')');
                args.add(queue.line().name());
                args.add(state.name());
                if (queue.groupId() != null) {
                    args.add(queue.groupId());
                }
            }
        }
        for (int i = 0; i < n; i++) {
            sql.append(i == 0 ? " " : " union all ").append("select * from h").append(i);
        }
        sql.append(" order by queued_at, id limit 1");
        Query query = entities.createNativeQuery(sql.toString(), Ticket.class);
        for (int i = 0; i < args.size(); i++) {
            query.setParameter(i + 1, args.get(i));
        }
        @SuppressWarnings("unchecked")
        List<Ticket> rows = query.getResultList();
        return rows.stream().findFirst();
    }

    /** H2: the heads one by one in a fixed order (queues as given, NEW before OPEN), so waiting callers form no cycle. */
    private Optional<Ticket> lockOldestHeadByHead(List<Queue> queues) {
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
     * PostgreSQL: this transaction's commit returns without waiting for its WAL to reach the disk
     * ({@code synchronous_commit} off until the transaction ends; other transactions are not touched).
     */
    public void commitWithoutWaitingForDisk() {
        if (postgres) {
            jdbc.execute("set local synchronous_commit to off");
        }
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
