package io.linia.sla;

import java.time.Duration;
import java.time.Instant;

/**
 * One target of a ticket as the agent sees it: its due time (null while paused), the business time
 * left (negative when breached), whether it is running, paused, met or breached, and the policy.
 */
public record TicketTargetView(SlaTarget target, String policy, Instant startedAt, Instant dueAt, Duration remaining,
                               Duration total, State state, boolean warned, Instant breachedAt, Instant finishedAt,
                               boolean businessTime) {

    public enum State { RUNNING, PAUSED, MET, BREACHED }

    /** Part of the target used, 0–100+ (for a progress bar). */
    public long percentUsed() {
        if (total.isZero()) {
            return 100;
        }
        return Math.max(0, Math.round(100.0 * (total.toSeconds() - remaining.toSeconds()) / total.toSeconds()));
    }
}
