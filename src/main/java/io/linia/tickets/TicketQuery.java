package io.linia.tickets;

import java.time.Instant;

/**
 * Filters of the ticket list; all optional. Results are in creation order, paged by keyset cursor.
 * {@code tag} (staff only) keeps the tickets that carry it, written in any case ("VIP" finds "vip").
 */
public record TicketQuery(TicketState state, Line line, Long groupId, Long assigneeId, Long customerId,
                          Instant createdFrom, Instant createdTo, String cursor, Integer size, String tag) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;

    public TicketQuery(TicketState state, Line line, Long groupId, Long assigneeId, Long customerId,
                       Instant createdFrom, Instant createdTo, String cursor, Integer size) {
        this(state, line, groupId, assigneeId, customerId, createdFrom, createdTo, cursor, size, null);
    }

    public static TicketQuery all() {
        return new TicketQuery(null, null, null, null, null, null, null, null, null, null);
    }

    public int pageSize() {
        return size == null ? DEFAULT_SIZE : size;
    }

    /** Whether a tag is asked for (a blank parameter is no filter). */
    public boolean byTag() {
        return tag != null && !tag.isBlank();
    }
}
