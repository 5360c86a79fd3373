package io.linia.tickets;

import java.time.Instant;

/** A ticket moved between states (waiting, solved, closed, reopened…). */
public record TicketStateChanged(long ticketId, TicketState from, TicketState to, Line line, TicketAction action, Instant at) {
}
