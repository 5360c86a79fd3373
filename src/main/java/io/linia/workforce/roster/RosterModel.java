package io.linia.workforce.roster;

import io.linia.workforce.AgentProfile;
import io.linia.workforce.Availability;
import io.linia.workforce.AvailabilityEntry;
import io.linia.workforce.RosterAssignment;
import io.linia.workforce.RosterNeed;
import io.linia.workforce.RosterPin;
import io.linia.workforce.RosterProblem;
import io.linia.workforce.ShiftSlot;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a {@link RosterProblem} into the solver's {@link RosterSolution} and a solved one back into assignments.
 *
 * <p>Seats: each need becomes {@code required} seats of its queue. A pin takes a free seat of one of the
 * agent's queues on that shift, or else a seat of its own beyond the need. Every shift then gets the same
 * number of optional seats: the settings' number, or, when unset, enough for the contracts' minimums that
 * the need leaves unfilled, with half again as many for choice, and at least one:
 * {@code max(1, ⌈1.5 × max(0, Σ minimums − Σ required) / shifts⌉)}.
 */
public final class RosterModel {

    private final RosterProblem problem;
    private final RosterSolution solution;

    private RosterModel(RosterProblem problem, RosterSolution solution) {
        this.problem = problem;
        this.solution = solution;
    }

    public static RosterModel of(RosterProblem problem) {
        List<ShiftSlot> slots = new ArrayList<>(problem.slots());
        slots.sort(Comparator.comparing(ShiftSlot::start).thenComparing(ShiftSlot::templateId));
        List<Shift> shifts = new ArrayList<>(slots.size());
        Map<SlotKey, Shift> shiftByKey = new HashMap<>();
        for (ShiftSlot slot : slots) {
            Shift shift = new Shift(shifts.size(), slot, problem.settings().minimumRest());
            shifts.add(shift);
            shiftByKey.put(new SlotKey(slot.date(), slot.templateId()), shift);
        }

        Map<Long, Set<Shift>> unavailable = new HashMap<>();
        Map<Long, Set<Shift>> preferred = new HashMap<>();
        for (AvailabilityEntry entry : problem.availability()) {
            Shift shift = shiftByKey.get(new SlotKey(entry.date(), entry.templateId()));
            if (shift == null || entry.availability() == Availability.AVAILABLE) {
                continue;
            }
            Map<Long, Set<Shift>> target = entry.availability() == Availability.UNAVAILABLE ? unavailable : preferred;
            target.computeIfAbsent(entry.userId(), id -> new LinkedHashSet<>()).add(shift);
        }
        List<Agent> agents = new ArrayList<>();
        Map<Long, Agent> agentById = new HashMap<>();
        List<Preference> preferences = new ArrayList<>();
        for (AgentProfile profile : problem.agents()) {
            Set<Shift> prefers = preferred.getOrDefault(profile.userId(), Set.of());
            Agent agent = new Agent(profile, unavailable.getOrDefault(profile.userId(), Set.of()), prefers);
            agents.add(agent);
            agentById.put(profile.userId(), agent);
            prefers.stream().sorted(Comparator.comparingInt(Shift::index)).forEach(shift -> preferences.add(new Preference(agent, shift)));
        }

        List<AgentMonth> agentMonths = new ArrayList<>();
        Map<YearMonth, Long> daysInPeriod = daysPerMonth(problem.from(), problem.toInclusive());
        int minimums = 0;
        for (Agent agent : agents) {
            for (Map.Entry<YearMonth, Long> month : daysInPeriod.entrySet()) {
                int minimum = (int) Math.round((double) agent.minShiftsPerMonth() * month.getValue() / month.getKey().lengthOfMonth());
                agentMonths.add(new AgentMonth(agent, month.getKey(), minimum));
                minimums += minimum;
            }
        }

        List<Seat> seats = new ArrayList<>();
        Map<Shift, Set<Long>> groupsWithNeed = new LinkedHashMap<>();
        int required = 0;
        for (RosterNeed need : problem.needs()) {
            Shift shift = shiftByKey.get(new SlotKey(need.date(), need.templateId()));
            for (int i = 0; i < need.required(); i++) {
                seats.add(Seat.required(seats.size(), shift, need.line(), need.groupId()));
            }
            required += need.required();
            if (need.required() > 0 && need.groupId() != RosterNeed.WHOLE_LINE) {
                groupsWithNeed.computeIfAbsent(shift, s -> new LinkedHashSet<>()).add(need.groupId());
            }
        }
        seats.sort(Comparator.comparingInt((Seat seat) -> seat.getShift().index()).thenComparingLong(Seat::getId));
        List<Seat> renumbered = new ArrayList<>(seats.size());
        for (Seat seat : seats) {
            renumbered.add(Seat.required(renumbered.size(), seat.getShift(), seat.getLine(), seat.getGroupId()));
        }
        seats = renumbered;

        for (RosterPin pin : problem.pins().stream().distinct().toList()) {
            Shift shift = shiftByKey.get(new SlotKey(pin.date(), pin.templateId()));
            Agent agent = agentById.get(pin.userId());
            Seat free = seats.stream()
                    .filter(seat -> seat.getShift() == shift && !seat.isOptional() && !seat.isPinned() && seat.accepts(agent))
                    .findFirst().orElse(null);
            if (free == null) {
                free = Seat.optional(seats.size(), shift);
                seats.add(free);
            }
            free.pinTo(agent);
        }

        int optionalPerShift = problem.settings().optionalSeatsPerShift() != null ? problem.settings().optionalSeatsPerShift()
                : shifts.isEmpty() ? 0 : Math.max(1, (int) Math.ceil(1.5 * Math.max(0, minimums - required) / shifts.size()));
        for (Shift shift : shifts) {
            for (int i = 0; i < optionalPerShift; i++) {
                seats.add(Seat.optional(seats.size(), shift));
            }
        }

        List<ShiftGroup> shiftGroups = new ArrayList<>();
        groupsWithNeed.entrySet().stream().sorted(Comparator.comparingInt(e -> e.getKey().index()))
                .forEach(e -> e.getValue().forEach(group -> shiftGroups.add(new ShiftGroup(e.getKey(), group))));

        return new RosterModel(problem, new RosterSolution(agents, shifts, preferences, agentMonths, shiftGroups, seats));
    }

    private static Map<YearMonth, Long> daysPerMonth(LocalDate from, LocalDate toInclusive) {
        Map<YearMonth, Long> days = new LinkedHashMap<>();
        for (LocalDate d = from; !d.isAfter(toInclusive); d = d.plusDays(1)) {
            days.merge(YearMonth.from(d), 1L, Long::sum);
        }
        return days;
    }

    public RosterProblem problem() {
        return problem;
    }

    /** The unsolved roster: only the pinned seats filled. */
    public RosterSolution solution() {
        return solution;
    }

    /** The filled seats of a roster, by shift, then queue (optional seats last), then user. */
    public static List<RosterAssignment> assignments(RosterSolution roster) {
        return roster.getSeats().stream()
                .filter(seat -> seat.getAgent() != null)
                .sorted(Comparator.comparingInt((Seat seat) -> seat.getShift().index())
                        .thenComparing(Seat::isOptional)
                        .thenComparing(seat -> seat.getLine() == null ? "" : seat.getLine().name())
                        .thenComparing(seat -> seat.getGroupId() == null ? Long.MAX_VALUE : seat.getGroupId())
                        .thenComparingLong(seat -> seat.getAgent().userId()))
                .map(seat -> new RosterAssignment(seat.getAgent().userId(), seat.getShift().date(), seat.getShift().templateId(),
                        seat.getLine(), seat.getGroupId(), seat.isPinned()))
                .toList();
    }

    private record SlotKey(LocalDate date, long templateId) {
    }
}
