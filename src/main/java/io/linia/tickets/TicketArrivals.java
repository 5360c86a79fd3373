package io.linia.tickets;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * How many tickets reached the desk and each second-line group, when: what the workforce forecast and
 * staffing learn from. Read-only, straight from the tickets' own timestamps and history.
 */
public interface TicketArrivals {

    /**
     * Tickets created in [{@code from}, {@code to}), counted per hour: keys are the starts of the hours (whole
     * hours since the epoch, UTC) that have at least one ticket.
     */
    SortedMap<Instant, Long> createdPerHour(Instant from, Instant to);

    /** Tickets created in [{@code from}, {@code to}). */
    long created(Instant from, Instant to);

    /**
     * Tickets passed to each second-line group in [{@code from}, {@code to}) (escalations and moves into a
     * second-line group, each counted once per arrival in the group), by group id.
     */
    Map<Long, Long> reachedSecondLine(Instant from, Instant to);

    /** When the first ticket was created; empty while there is none. */
    Optional<Instant> firstCreated();
}
