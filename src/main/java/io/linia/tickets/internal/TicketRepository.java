package io.linia.tickets.internal;

import io.linia.tickets.Line;
import io.linia.tickets.MessageKind;
import io.linia.tickets.TicketState;
import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface TicketRepository extends JpaRepository<Ticket, Long> {

    /** The SLA pass marks many tickets at once; a state is only raised (OK → WARNING → BREACHED), never lowered here. */
    @org.springframework.data.jpa.repository.Modifying
    @Query("update Ticket t set t.slaState = :state where t.id in :ids and t.slaState in :from")
    int raiseSlaState(@org.springframework.data.repository.query.Param("ids") java.util.Collection<Long> ids,
                      @org.springframework.data.repository.query.Param("state") io.linia.tickets.SlaState state,
                      @org.springframework.data.repository.query.Param("from") java.util.Collection<io.linia.tickets.SlaState> from);

    @Query("select t.id from Ticket t where t.state = :state and t.solvedAt < :cutoff order by t.solvedAt")
    List<Long> findIdsSolvedBefore(TicketState state, Instant cutoff, Limit limit);

    @Query("select t.line as line, t.state as state, count(t) as count from Ticket t group by t.line, t.state")
    List<StateCount> countByLineAndState();

    @Query("select t.groupId as groupId, count(t) as count from Ticket t where t.line = :line and t.state in :states group by t.groupId")
    List<GroupCount> countQueuedByGroup(Line line, List<TicketState> states);

    /**
     * Tickets whose category a person chose, with their first customer message, by id from
     * {@code after} (keyset paging): the categoriser's examples, as a projection (no entities).
     */
    @Query("""
            select t.id as id, t.subject as subject, m.body as body, t.categoryId as categoryId,
                   t.categoryCorrected as corrected
            from Ticket t join t.messages m
            where t.categoryByPerson = true and t.categoryId is not null and t.id > :after
              and m.id = (select min(f.id) from TicketMessage f where f.ticket = t and f.kind = :kind)
            order by t.id""")
    List<LabelledTicket> findCategorisedByPerson(long after, MessageKind kind, Limit limit);

    @Query("select count(t) from Ticket t where t.categoryCorrected = true and t.categorySetAt > :since")
    long countCorrectionsSince(Instant since);

    /** Unfinished tickets per assignee among {@code assigneeIds} (least-loaded assignment). */
    @Query("select t.assigneeId as assigneeId, count(t) as count from Ticket t"
            + " where t.assigneeId in :assigneeIds and t.state in :states group by t.assigneeId")
    List<AssigneeLoad> countByAssignee(java.util.Collection<Long> assigneeIds, java.util.Collection<TicketState> states);

    /** Tickets assigned to an agent in these states (returned to the queue at the end of their shift). */
    @Query("select t from Ticket t where t.assigneeId = :assigneeId and t.state in :states order by t.id")
    List<Ticket> findAssigned(long assigneeId, java.util.Collection<TicketState> states);

    interface AssigneeLoad {
        Long getAssigneeId();

        long getCount();
    }

    interface LabelledTicket {
        long getId();

        String getSubject();

        String getBody();

        Long getCategoryId();

        boolean getCorrected();
    }

    interface StateCount {
        Line getLine();

        TicketState getState();

        long getCount();
    }

    interface GroupCount {
        Long getGroupId();

        long getCount();
    }

    /** Unfinished tickets whose last activity is in (after/afterId, cutoff], oldest first (index ticket_activity). */
    @Query("""
            select new io.linia.tickets.IdleTicket(t.id, t.updatedAt) from Ticket t
            where t.updatedAt <= :cutoff and (t.updatedAt > :after or (t.updatedAt = :after and t.id > :afterId))
              and t.state in :states
            order by t.updatedAt, t.id""")
    List<io.linia.tickets.IdleTicket> findIdle(Instant after, long afterId, Instant cutoff,
                                              java.util.Collection<TicketState> states, Limit limit);
}
