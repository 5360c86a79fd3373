package io.linia.tickets;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One agent's ticket work, read only: each step they took (from the tickets' history, with the text of the reply or
 * note it wrote), the tickets they have open now, and such a ticket as the agent worked it. For watching an agent
 * work (training's shadowing); it grants nothing: whoever calls it decides who may read it, and acting on a ticket
 * still goes through {@link TicketService} and its access rules.
 *
 * <p>Steps are read by the cursor of the history entry's id (index {@code ticket_history_actor}): one agent's steps
 * get increasing ids on one node; with several nodes a step may arrive a little after a later one's cursor.
 */
@Service
@Transactional(readOnly = true)
public class AgentWork {

    /** At most this many steps per read. */
    public static final int MAX_STEPS = 200;

    private final JdbcClient jdbc;
    private final Clock clock;

    AgentWork(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * One step of the agent's work.
     *
     * @param id          the cursor: the history entry's id
     * @param messageKind the kind of the message the step wrote (null when it wrote none)
     * @param text        the reply's or note's text (null when the step wrote none)
     * @param detail      the history's detail (e.g. the close reason, "old → new" of a recategorisation)
     */
    public record Step(long id, long ticketId, String number, String subject, TicketAction action, TicketState toState, Line toLine,
                       MessageKind messageKind, String text, String detail, Instant at) {
    }

    /** A ticket the agent has open now (its page reported within the last seconds). */
    public record OpenTicket(long ticketId, String number, String subject, Instant seenAt) {
    }

    /** A ticket as the agent worked it: the customer's messages and the agent's own replies and notes, oldest first. */
    public record WorkedTicket(long ticketId, String number, String subject, String customerName, TicketState state, Line line,
                               Priority priority, List<Message> messages) {
    }

    public record Message(long id, MessageKind kind, String authorName, String body, Instant at) {
    }

    // a step writes at most one message, at the same instant, by the same person: replies for the public steps, notes for
    // the others (a note given with a close, an escalation or a return)
    private static final String STEP_SELECT = "select h.id, h.ticket_id, t.subject, h.action, h.to_state, h.to_line, h.detail, h.at,"
            + " m.id message_id, m.kind message_kind, m.body from ticket_history h join ticket t on t.id = h.ticket_id"
            + " left join ticket_message m on m.ticket_id = h.ticket_id and m.author_id = h.actor_id and m.created_at = h.at"
            + " and ((m.kind = 'PUBLIC_REPLY' and h.action in ('ANSWER', 'ASK_FOR_INFORMATION', 'REPLY', 'SOLVE'))"
            + " or (m.kind = 'INTERNAL_NOTE' and h.action in ('ADD_NOTE', 'CLOSE', 'ESCALATE', 'RETURN_TO_FIRST_LINE')))"
            + " where h.actor_id = :agent ";

    /** The agent's steps after the cursor {@code afterId}, oldest first, at most {@code limit} (≤ {@link #MAX_STEPS}). */
    public List<Step> after(long agentId, long afterId, int limit) {
        int n = Math.max(1, Math.min(limit, MAX_STEPS));
        return steps(jdbc.sql(STEP_SELECT + "and h.id > :after order by h.id, m.id fetch first " + (2 * n) + " rows only")
                .param("agent", agentId).param("after", afterId).query(AgentWork::row).list(), n);
    }

    /** The agent's last {@code limit} steps (≤ {@link #MAX_STEPS}), oldest first. */
    public List<Step> recent(long agentId, int limit) {
        int n = Math.max(1, Math.min(limit, MAX_STEPS));
        List<Long> ids = jdbc.sql("select id from ticket_history where actor_id = :agent order by id desc fetch first " + n + " rows only")
                .param("agent", agentId).query(Long.class).list();
        if (ids.isEmpty()) {
            return List.of();
        }
        return steps(jdbc.sql(STEP_SELECT + "and h.id >= :from order by h.id, m.id").param("agent", agentId)
                .param("from", ids.get(ids.size() - 1)).query(AgentWork::row).list(), n);
    }

    private record Row(Step step, Long messageId) {
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        long ticketId = rs.getLong("ticket_id");
        String kind = rs.getString("message_kind");
        String toState = rs.getString("to_state");
        String toLine = rs.getString("to_line");
        long messageId = rs.getLong("message_id");
        Long message = rs.wasNull() ? null : messageId;
        return new Row(new Step(rs.getLong("id"), ticketId, TicketNumber.format(ticketId), rs.getString("subject"),
                TicketAction.valueOf(rs.getString("action")), toState == null ? null : TicketState.valueOf(toState),
                toLine == null ? null : Line.valueOf(toLine), kind == null ? null : MessageKind.valueOf(kind), rs.getString("body"),
                rs.getString("detail"), rs.getTimestamp("at").toInstant()), message);
    }

    /**
     * One step per history entry: when two steps of the same kind fell on the same instant (the join offers each both
     * messages), the earlier step takes the earlier message.
     */
    private static List<Step> steps(List<Row> rows, int limit) {
        java.util.Map<Long, Step> byId = new java.util.LinkedHashMap<>();
        java.util.Set<Long> used = new java.util.HashSet<>();
        for (Row r : rows) {
            Step current = byId.get(r.step().id());
            if (current != null && current.text() != null) {
                continue;
            }
            if (r.messageId() == null || used.add(r.messageId())) {
                byId.put(r.step().id(), r.step());
            } else if (current == null) {
                Step s = r.step();
                byId.put(s.id(), new Step(s.id(), s.ticketId(), s.number(), s.subject(), s.action(), s.toState(), s.toLine(), null, null,
                        s.detail(), s.at()));
            }
        }
        return byId.values().stream().limit(limit).toList();
    }

    /** The tickets the agent has open now, the most recently reported first. */
    public List<OpenTicket> openNow(long agentId) {
        Instant since = clock.instant().minus(TicketPresence.GONE_AFTER);
        return jdbc.sql("select p.ticket_id, t.subject, p.seen_at from ticket_presence p join ticket t on t.id = p.ticket_id"
                        + " where p.user_id = :agent and p.seen_at > :since order by p.seen_at desc, p.ticket_id")
                .param("agent", agentId).param("since", Timestamp.from(since))
                .query((rs, n) -> new OpenTicket(rs.getLong(1), TicketNumber.format(rs.getLong(1)), rs.getString(2),
                        rs.getTimestamp(3).toInstant())).list();
    }

    /** Whether the agent took a step on the ticket or has it open now. */
    public boolean worked(long agentId, long ticketId) {
        Instant since = clock.instant().minus(TicketPresence.GONE_AFTER);
        return jdbc.sql("select count(*) from ticket_history where ticket_id = :t and actor_id = :agent")
                .param("t", ticketId).param("agent", agentId).query(Long.class).single() > 0
                || jdbc.sql("select count(*) from ticket_presence where ticket_id = :t and user_id = :agent and seen_at > :since")
                .param("t", ticketId).param("agent", agentId).param("since", Timestamp.from(since)).query(Long.class).single() > 0;
    }

    /**
     * The ticket {@code number} as the agent worked it; empty when there is no such ticket or the agent neither took a step
     * on it nor has it open.
     */
    public Optional<WorkedTicket> worked(long agentId, String number) {
        Optional<Long> id = TicketNumber.parse(number);
        if (id.isEmpty() || !worked(agentId, id.get())) {
            return Optional.empty();
        }
        long ticketId = id.get();
        List<Message> messages = jdbc.sql("select id, kind, author_name, body, created_at from ticket_message where ticket_id = :t"
                        + " and (kind = 'CUSTOMER' or (author_id = :agent and kind in ('PUBLIC_REPLY', 'INTERNAL_NOTE'))) order by created_at, id")
                .param("t", ticketId).param("agent", agentId)
                .query((rs, n) -> new Message(rs.getLong(1), MessageKind.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant())).list();
        return jdbc.sql("select subject, customer_name, state, line, priority from ticket where id = :t").param("t", ticketId)
                .query((rs, n) -> new WorkedTicket(ticketId, TicketNumber.format(ticketId), rs.getString(1), rs.getString(2),
                        TicketState.valueOf(rs.getString(3)), Line.valueOf(rs.getString(4)), Priority.valueOf(rs.getString(5)), messages))
                .optional();
    }
}
