package io.linia.tickets;

import java.util.List;

/** A page of a ticket list; {@code nextCursor} (null on the last page) fetches the next one. */
public record TicketPage(List<TicketSummary> items, String nextCursor) {
}
