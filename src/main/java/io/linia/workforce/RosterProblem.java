package io.linia.workforce;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Everything a roster is planned from: the period, the agents, the shifts with their need, what the agents
 * said about the shifts, and the shifts the team lead pinned. Checked on construction: an
 * {@link IllegalArgumentException} names the component at fault.
 *
 * @param from         first day of the period
 * @param toInclusive  last day; the period is 1 to {@value #MAX_DAYS} days (the product plans 2–6 weeks)
 * @param agents       the agents to plan (from {@link WorkforcePlanning#profiles()}), distinct user ids
 * @param slots        the shifts of the period (from {@link WorkforcePlanning#slots}), each on a date in the period
 * @param availability the agents' word on the shifts; a shift with no entry is available
 * @param needs        agents needed per shift and queue; a shift with no need gets only optional seats
 * @param pins         shifts given by hand, kept by the solve
 * @param settings     rest, time limit, optional seats
 */
public record RosterProblem(LocalDate from, LocalDate toInclusive, List<AgentProfile> agents, List<ShiftSlot> slots,
                            List<AvailabilityEntry> availability, List<RosterNeed> needs, List<RosterPin> pins,
                            RosterSettings settings) {

    public static final int MAX_DAYS = 42;

    public RosterProblem {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(toInclusive, "toInclusive");
        Objects.requireNonNull(settings, "settings");
        agents = List.copyOf(agents);
        slots = List.copyOf(slots);
        availability = List.copyOf(availability);
        needs = List.copyOf(needs);
        pins = List.copyOf(pins);
        long days = ChronoUnit.DAYS.between(from, toInclusive) + 1;
        if (days < 1 || days > MAX_DAYS) {
            throw new IllegalArgumentException("toInclusive: the period " + from + " to " + toInclusive + " has " + days
                    + " days; a roster covers 1 to " + MAX_DAYS);
        }
        Set<Long> userIds = new HashSet<>();
        for (AgentProfile agent : agents) {
            if (!userIds.add(agent.userId())) {
                throw new IllegalArgumentException("agents: user " + agent.userId() + " appears twice");
            }
        }
        Set<SlotKey> slotKeys = new HashSet<>();
        for (ShiftSlot slot : slots) {
            if (slot.date().isBefore(from) || slot.date().isAfter(toInclusive)) {
                throw new IllegalArgumentException("slots: the shift of " + slot.date() + " lies outside the period " + from + " to " + toInclusive);
            }
            if (!slot.end().isAfter(slot.start())) {
                throw new IllegalArgumentException("slots: the shift of " + slot.date() + " (template " + slot.templateId() + ") does not end after it starts");
            }
            if (!slotKeys.add(new SlotKey(slot.date(), slot.templateId()))) {
                throw new IllegalArgumentException("slots: template " + slot.templateId() + " appears twice on " + slot.date());
            }
        }
        for (RosterNeed need : needs) {
            if (!slotKeys.contains(new SlotKey(need.date(), need.templateId()))) {
                throw new IllegalArgumentException("needs: no shift of template " + need.templateId() + " on " + need.date());
            }
        }
        for (RosterPin pin : pins) {
            if (!userIds.contains(pin.userId())) {
                throw new IllegalArgumentException("pins: user " + pin.userId() + " is not among the agents");
            }
            if (!slotKeys.contains(new SlotKey(pin.date(), pin.templateId()))) {
                throw new IllegalArgumentException("pins: no shift of template " + pin.templateId() + " on " + pin.date());
            }
        }
    }

    private record SlotKey(LocalDate date, long templateId) {
    }
}
