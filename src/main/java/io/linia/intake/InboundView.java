package io.linia.intake;

import java.time.Instant;

/**
 * One mail Linia read, and what became of it: a new ticket, a message on a ticket, an ignored
 * auto-reply, a bounce, or the quarantine. {@code detail} says why (the auto-reply rule, the bounce
 * diagnostic, "foreign sender", "rate limited …").
 */
public record InboundView(long id, long mailboxId, String mailboxName, String messageId, String from, String subject,
                          Instant receivedAt, Outcome outcome, String ticketNumber, boolean acknowledged, String detail) {

    public enum Outcome { NEW_TICKET, REPLY, AUTO_REPLY, BOUNCE, QUARANTINED }
}
