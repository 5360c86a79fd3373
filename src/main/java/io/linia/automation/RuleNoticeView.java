package io.linia.automation;

import java.time.Instant;

/** A notice a rule sent to a member of staff about a ticket. */
public record RuleNoticeView(long id, long ticketId, String ticketNumber, String ruleName, String text,
                             Instant createdAt, boolean read) {
}
