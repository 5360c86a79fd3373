package io.linia.intake;

import java.time.Instant;

/** One mail Linia sends or sent: what, to whom, how far it has got. */
public record OutboxView(long id, OutboxKind kind, long ticketId, String ticketNumber, Long ticketMessageId,
                         String recipient, String messageId, OutboxState state, int attempts, Instant nextAttemptAt,
                         String lastError, Instant createdAt, Instant sentAt) {

    public enum OutboxKind { ACKNOWLEDGEMENT, REPLY, INFORMATION_REQUEST, SOLVED, SLA_BREACH, RULE_NOTICE, SPIKE_ALERT }

    public enum OutboxState { PENDING, RETRYING, SENT, FAILED, BOUNCED }
}
