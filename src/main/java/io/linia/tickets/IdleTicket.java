package io.linia.tickets;

import java.time.Instant;

/** A ticket not finished yet, with the time of its last activity (for "idle for T" rules). */
public record IdleTicket(long id, Instant lastActivity) {
}
