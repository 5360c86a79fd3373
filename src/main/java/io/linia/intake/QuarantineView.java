package io.linia.intake;

import java.time.Instant;

/** A mail Linia could not take, kept with its raw source until an admin retries or dismisses it. */
public record QuarantineView(long id, long mailboxId, String mailboxName, String messageId, String from, String subject,
                             String reason, long size, Instant receivedAt, QuarantineState state, Instant resolvedAt,
                             String resolvedBy, String ticketNumber) {

    public enum QuarantineState { OPEN, RETRIED, DISMISSED }
}
