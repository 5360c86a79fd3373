package io.linia.workforce.attendance;

import io.linia.accounts.ShiftChanged.Source;
import io.linia.workforce.schedule.ScheduledShift;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * How an agent kept one scheduled shift, read from the attendance log: on shift by the end of the grace
 * after its start ({@code linia.workforce.on-shift.grace}), or absent, or checked in late; checked out
 * before its end less the grace. Every log entry is a change of the flag, so the flag just before an
 * entry is the opposite of it, and the flag after the last entry is the current one.
 *
 * @param lateSince the late check-in; null unless late
 * @param leftAt    the early check-out; null unless the agent left early
 */
public record ShiftAttendance(ScheduledShift shift, boolean started, boolean underWay, boolean absent, Instant lateSince,
                              Instant leftAt) {

    public boolean late() {
        return lateSince != null;
    }

    public boolean leftEarly() {
        return leftAt != null;
    }

    /**
     * @param entries the agent's log entries, oldest first, covering at least the shift's span up to now
     * @param onShift the agent's flag now
     */
    public static ShiftAttendance of(ScheduledShift shift, List<AttendanceEntry> entries, boolean onShift, Instant now, Duration grace) {
        if (now.isBefore(shift.start())) {
            return new ShiftAttendance(shift, false, false, false, null, null);
        }
        boolean underWay = shift.covers(now);
        Instant horizon = now.isBefore(shift.end()) ? now : shift.end();
        Instant check = shift.start().plus(grace);
        if (check.isAfter(shift.end())) {
            check = shift.end();
        }
        if (horizon.isBefore(check)) {
            return new ShiftAttendance(shift, true, underWay, false, null, null); // still within the grace
        }
        boolean onAtCheck = flagAt(check, entries, onShift);
        boolean absent = false;
        Instant late = null;
        if (!onAtCheck) {
            AttendanceEntry firstOn = null;
            for (AttendanceEntry e : entries) {
                if (e.onShift() && e.at().isAfter(check) && !e.at().isAfter(horizon)) {
                    firstOn = e;
                    break;
                }
            }
            if (firstOn == null) {
                absent = true;
            } else if (firstOn.source() != Source.SCHEDULE) {
                late = firstOn.at(); // a roster published after the start is nobody's lateness
            }
        }
        Instant left = null;
        AttendanceEntry last = null;
        for (AttendanceEntry e : entries) {
            if (!e.at().isBefore(shift.start()) && !e.at().isAfter(horizon)) {
                last = e;
            }
        }
        if (last != null && !last.onShift() && last.source() != Source.SCHEDULE && last.at().isAfter(check)
                && last.at().isBefore(shift.end().minus(grace))) {
            left = last.at();
        }
        return new ShiftAttendance(shift, true, underWay, absent, late, left);
    }

    /** The flag at an instant: the last change at or before it, else the opposite of the first change after it, else the flag now. */
    static boolean flagAt(Instant at, List<AttendanceEntry> entries, boolean onShiftNow) {
        AttendanceEntry before = null;
        for (AttendanceEntry e : entries) {
            if (e.at().isAfter(at)) {
                return before != null ? before.onShift() : !e.onShift();
            }
            before = e;
        }
        return before != null ? before.onShift() : onShiftNow;
    }
}
