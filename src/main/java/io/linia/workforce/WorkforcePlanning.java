package io.linia.workforce;

import java.time.LocalDate;
import java.util.List;

/** What planning a roster reads: the agents' profiles, the shifts of a period, and what the agents said about them. */
public interface WorkforcePlanning {

    /**
     * Every enabled agent (first or second line) with a profile, that is with a contract in force today
     * (in the planning zone); an agent without one is left out, and the team lead's pages point them out.
     */
    List<AgentProfile> profiles();

    /**
     * The active templates laid on the dates from {@code from} to {@code toInclusive} by each date's kind
     * (Saturday, Sunday and every holiday of the default business calendar: weekend-and-holiday), with
     * exact instants in that calendar's zone, ordered by date and start.
     */
    List<ShiftSlot> slots(LocalDate from, LocalDate toInclusive);

    /**
     * What agents said about those dates' shifts other than "available" (a shift with no entry is
     * available), only for shifts that {@link #slots} lays on them now.
     */
    List<AvailabilityEntry> availability(LocalDate from, LocalDate toInclusive);
}
