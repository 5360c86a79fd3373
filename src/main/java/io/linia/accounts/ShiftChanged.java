package io.linia.accounts;

import java.time.Instant;

/**
 * An agent came on shift or went off it ({@code byId}: who changed the flag, the agent, a lead, or
 * {@link Actor#SYSTEM_ID} when the published schedule did).
 */
public record ShiftChanged(long userId, String userName, boolean onShift, long byId, Instant at, Source source) {

    /** Where a change of the flag came from. */
    public enum Source {
        /** The published schedule: a shift of the agent's began or ended. */
        SCHEDULE,
        /** The agent checked in or out themselves. */
        AGENT,
        /** A team lead or an administrator checked the agent in or out. */
        LEAD
    }

    public ShiftChanged {
        if (source == null) {
            throw new IllegalArgumentException("source");
        }
    }
}
