package io.linia.tickets.internal;

import io.linia.tickets.Line;
import io.linia.tickets.TicketState;
import java.time.Instant;
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
 * <p>"Next ticket" locks the oldest unassigned ticket of one queue and state. On PostgreSQL with
 * {@code FOR UPDATE SKIP LOCKED}: concurrent callers pass over each other's rows, so none waits and no
 * ticket goes to two agents. H2 2.3 accepts {@code SKIP LOCKED} but applies {@code LIMIT} first (a
 * second caller then finds nothing while tickets wait), so on H2 (one node) the query takes a plain
 * {@code FOR UPDATE}: a second caller waits for the first to commit and then reads the next row.
 */
@Component
public class QueueLocks {

    /** The oldest unassigned ticket of a queue and state. */
    public record Head(long ticketId, Instant queuedAt) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate separately;
    private final String lockClause;

    QueueLocks(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        String product = jdbc.execute((ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName());
        this.lockClause = product != null && product.toLowerCase().contains("postgres") ? "for update skip locked" : "for update";
    }

    /**
     * Locks and returns the oldest unassigned ticket in {@code state} of the first line ({@code groupId}
     * null) or of a group. The ORDER BY names the fixed index columns too, so that both databases read
     * {@code ticket_unassigned_queue} in order and stop at the first row.
     */
    public Optional<Head> lockOldestUnassigned(Line line, Long groupId, TicketState state) {
        String sql = "select id, queued_at from ticket where line = ? and state = ? and "
                + (groupId == null ? "group_id is null" : "group_id = ?")
                + " and assignee_id is null order by group_id, assignee_id, queued_at, id limit 1 " + lockClause;
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
