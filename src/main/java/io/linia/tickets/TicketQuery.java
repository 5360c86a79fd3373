package io.linia.tickets;

import java.time.Instant;

/**
 * Filters of the ticket list; all optional. Results are in creation order, paged by keyset cursor.
 * {@code tag} (staff only) keeps the tickets that carry it, written in any case ("VIP" finds "vip").
 * {@code channel} and {@code categoryId} are the ticket's own now ({@code categoryId} 0: without a category).
 * {@code solvedFrom}/{@code solvedTo} keep the tickets that moved into SOLVED within [from, to);
 * {@code escalatedFrom}/{@code escalatedTo} those passed from the first line to the second within [from, to) —
 * the analytics dashboards' drill-down.
 */
public record TicketQuery(TicketState state, Line line, Long groupId, Long assigneeId, Long customerId,
                          Instant createdFrom, Instant createdTo, String cursor, Integer size, String tag,
                          Channel channel, Long categoryId, Instant solvedFrom, Instant solvedTo,
                          Instant escalatedFrom, Instant escalatedTo) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;

    public TicketQuery(TicketState state, Line line, Long groupId, Long assigneeId, Long customerId,
                       Instant createdFrom, Instant createdTo, String cursor, Integer size) {
        this(state, line, groupId, assigneeId, customerId, createdFrom, createdTo, cursor, size, null);
    }

    public TicketQuery(TicketState state, Line line, Long groupId, Long assigneeId, Long customerId,
                       Instant createdFrom, Instant createdTo, String cursor, Integer size, String tag) {
        this(state, line, groupId, assigneeId, customerId, createdFrom, createdTo, cursor, size, tag,
                null, null, null, null, null, null);
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

    /** Whether any of the drill-down filters (times, channel, category) is set: then the list shows its count. */
    public boolean drillDown() {
        return createdFrom != null || createdTo != null || channel != null || categoryId != null || solvedFrom != null
                || solvedTo != null || escalatedFrom != null || escalatedTo != null;
    }
}
