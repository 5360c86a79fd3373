package io.linia.automation;

import java.time.Instant;

/** A rule matched a ticket: applied ({@code ok}, detail says what changed) or failed and skipped (detail: why). */
public record RuleRunView(long id, long ruleId, long ticketId, String ticketNumber, Instant ranAt, boolean ok, String detail) {
}
