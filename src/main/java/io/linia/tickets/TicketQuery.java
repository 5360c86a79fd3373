package io.linia.tickets;

import java.time.Instant;

/** Filters of the ticket list; all optional. Results are in creation order, paged by keyset cursor. */
public record TicketQuery(TicketState state, Line line, Long groupId, Long assigneeId, Long customerId,
                          Instant createdFrom, Instant createdTo, String cursor, Integer size) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;

    public static TicketQuery all() {
        return new TicketQuery(null, null, null, null, null, null, null, null, null);
    }

    public int pageSize() {
        return size == null ? DEFAULT_SIZE : size;
    }
}
