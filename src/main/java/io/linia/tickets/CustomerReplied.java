package io.linia.tickets;

import java.time.Instant;

/** A customer wrote on an existing ticket. */
public record CustomerReplied(long ticketId, long messageId, Instant at) {
}
