package io.linia.tickets.internal;

import io.linia.tickets.Line;
import io.linia.tickets.TicketState;
import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface TicketRepository extends JpaRepository<Ticket, Long> {

    @Query("select t.id from Ticket t where t.state = :state and t.solvedAt < :cutoff order by t.solvedAt")
    List<Long> findIdsSolvedBefore(TicketState state, Instant cutoff, Limit limit);

    @Query("select t.line as line, t.state as state, count(t) as count from Ticket t group by t.line, t.state")
    List<StateCount> countByLineAndState();

    @Query("select t.groupId as groupId, count(t) as count from Ticket t where t.line = :line and t.state in :states group by t.groupId")
    List<GroupCount> countQueuedByGroup(Line line, List<TicketState> states);

    interface StateCount {
        Line getLine();

        TicketState getState();

        long getCount();
    }

    interface GroupCount {
        Long getGroupId();

        long getCount();
    }
}
