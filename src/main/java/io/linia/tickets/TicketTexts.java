package io.linia.tickets;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Tickets' arrivals with their words, read-only, for whoever studies what comes in (analytics' spike alerts): which
 * tickets were created in a span, of which channel and category, and what they said first (subject and the
 * customer's first message).
 */
public interface TicketTexts {

    /** A ticket as it arrived: its number, channel, category now (null: none) and creation time. */
    record Arrival(long ticketId, String number, Channel channel, Long categoryId, Instant createdAt, String subject) {
    }

    /**
     * Tickets created in [{@code from}, {@code to}), newest first, at most {@code limit}; narrowed to a channel and a
     * category when given (category 0: tickets without one).
     */
    List<Arrival> created(Instant from, Instant to, Channel channel, Long categoryId, int limit);

    /** The subject and the customer's first message of each ticket (by id), joined by a new line; the body cut at 4,000 characters. */
    Map<Long, String> texts(Collection<Long> ticketIds);
}
