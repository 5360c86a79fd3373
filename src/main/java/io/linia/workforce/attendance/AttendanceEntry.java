package io.linia.workforce.attendance;

import io.linia.accounts.ShiftChanged.Source;
import java.time.Instant;

/**
 * One change of an agent's on-shift flag as the attendance log keeps it.
 *
 * @param byId   who changed it: the agent, a lead, or 0 (Linia itself, for the roster)
 * @param byName their name; empty for Linia itself
 */
public record AttendanceEntry(long id, long userId, String userName, boolean onShift, Source source, long byId, String byName,
                              Instant at) {
}
