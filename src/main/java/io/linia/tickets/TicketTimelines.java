package io.linia.tickets;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Tickets' recorded histories, read-only, for whoever derives figures from them (analytics' rollups, quality's measures):
 * one ticket's, a page of tickets in id order, or those with a step at or after a moment.
 */
public interface TicketTimelines {

    /**
     * One recorded step of a ticket's life, as its history holds it; {@code actorId} is the person who took it (null
     * when Linia itself did: SLA escalations, rules, auto-close, auto-categorisation).
     */
    record Step(long id, Instant at, TicketAction action, TicketState fromState, TicketState toState,
                Line fromLine, Line toLine, Long fromGroupId, Long toGroupId, Long actorId) {
    }

    /** A ticket's fixed facts, its category now, and its steps in the order they happened. */
    record Timeline(long ticketId, Channel channel, Long categoryId, Instant createdAt, List<Step> steps) {

        public Timeline {
            steps = List.copyOf(steps);
        }
    }

    Optional<Timeline> timeline(long ticketId);

    /** Up to {@code limit} tickets with ids above {@code afterTicketId}, in id order, each with its whole history. */
    List<Timeline> page(long afterTicketId, int limit);

    /** These tickets (those that exist), in id order, each with its whole history; a few queries however many. */
    List<Timeline> timelines(java.util.Collection<Long> ticketIds);

    /** How many tickets there are. */
    long count();

    /** Ids of the tickets with a step recorded at or after {@code since}. */
    List<Long> changedSince(Instant since);
}
