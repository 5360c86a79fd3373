package io.linia.workforce;

import java.time.LocalDate;
import java.util.List;

/** What planning a roster reads: the agents' profiles, the shifts of a period, and what the agents said about them. */
public interface WorkforcePlanning {

    /** Every enabled agent (first or second line) with a profile. */
    List<AgentProfile> profiles();

    /** The active templates laid on the dates from {@code from} to {@code toInclusive} by each date's kind. */
    List<ShiftSlot> slots(LocalDate from, LocalDate toInclusive);

    List<AvailabilityEntry> availability(LocalDate from, LocalDate toInclusive);
}
