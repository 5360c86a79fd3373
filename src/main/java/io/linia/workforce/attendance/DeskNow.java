package io.linia.workforce.attendance;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * "On shift now" for the team lead: every agent, scheduled ones first, and the day's attendance log.
 *
 * @param lastPass when the roster's pass last ran; null before the first
 * @param log      today's changes (in the planning zone), newest first
 */
public record DeskNow(Instant at, ZoneId zone, LocalDate day, Instant lastPass, List<AgentNow> agents, List<AttendanceEntry> log) {

    public DeskNow {
        agents = List.copyOf(agents);
        log = List.copyOf(log);
    }

    public long scheduled() {
        return agents.stream().filter(a -> a.scheduledNow() != null).count();
    }

    public long onShift() {
        return agents.stream().filter(AgentNow::onShift).count();
    }
}
