package io.linia.accounts;

import java.time.Instant;

/** An agent came on shift or went off it ({@code byId}: who changed the flag, the agent or a lead). */
public record ShiftChanged(long userId, String userName, boolean onShift, long byId, Instant at) {
}
