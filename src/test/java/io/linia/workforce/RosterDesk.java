package io.linia.workforce;

import io.linia.tickets.Line;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A support desk like the seed's, for roster tests and the benchmark: weekday shifts 09–15 (template 1) and
 * 15–21 (template 2), a weekend shift 10–18 (template 3), in Europe/Moscow. Four agents in five work first
 * line in group 10 (every other one also in group 20), the rest second line in group 20; a third of first line
 * and all of second line are certified for their groups. Students' contracts: 12 shifts a month included, at
 * most 4 a week (every fifth agent 8 and 3). Each agent has a lecture morning every week (unavailable), a
 * tenth of the other shifts unavailable at random, and two preferred shifts a week on different days.
 * The need per shift takes about three shifts a week from each agent: first line a quarter of its agents on
 * each weekday shift and a fifth on the weekend one, second line a fifth (at least one). Seeded.
 */
public record RosterDesk(LocalDate from, LocalDate toInclusive, List<AgentProfile> agents, List<ShiftSlot> slots,
                         List<AvailabilityEntry> availability, List<RosterNeed> needs) {

    public static final ZoneId ZONE = ZoneId.of("Europe/Moscow");
    public static final long MORNING = 1;
    public static final long EVENING = 2;
    public static final long WEEKEND = 3;
    public static final long GENERAL = 10;
    public static final long PAYMENTS = 20;

    /** {@code agents} agents over {@code weeks} weeks from Monday {@code from}. */
    public static RosterDesk generate(int agentCount, LocalDate from, int weeks, long seed) {
        Random random = new Random(seed);
        LocalDate to = from.plusWeeks(weeks).minusDays(1);
        List<ShiftSlot> slots = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            boolean weekend = d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
            if (weekend) {
                slots.add(slot(d, WEEKEND, LocalTime.of(10, 0), LocalTime.of(18, 0), DayKind.WEEKEND_OR_HOLIDAY));
            } else {
                slots.add(slot(d, MORNING, LocalTime.of(9, 0), LocalTime.of(15, 0), DayKind.WEEKDAY));
                slots.add(slot(d, EVENING, LocalTime.of(15, 0), LocalTime.of(21, 0), DayKind.WEEKDAY));
            }
        }
        List<AgentProfile> agents = new ArrayList<>();
        int firstLine = 0;
        int secondLine = 0;
        for (int i = 0; i < agentCount; i++) {
            boolean second = i % 5 == 4;
            Line line = second ? Line.SECOND : Line.FIRST;
            Set<Long> groups = second ? Set.of(PAYMENTS) : i % 2 == 0 ? Set.of(GENERAL, PAYMENTS) : Set.of(GENERAL);
            Set<Long> certified = second ? Set.of(PAYMENTS) : i % 3 == 0 ? Set.of(GENERAL) : Set.of();
            Contract contract = i % 5 == 3
                    ? new Contract(Money.of("20000", "RUB"), 8, Money.of("2500", "RUB"), 3)
                    : new Contract(Money.of("30000", "RUB"), 12, Money.of("2500", "RUB"), 4);
            agents.add(new AgentProfile(1000 + i, "Agent " + (i + 1), line, groups, certified, contract));
            if (second) {
                secondLine++;
            } else {
                firstLine++;
            }
        }
        List<AvailabilityEntry> availability = new ArrayList<>();
        for (AgentProfile agent : agents) {
            DayOfWeek lecture = DayOfWeek.of(1 + random.nextInt(5));
            Set<ShiftSlot> unavailable = new HashSet<>();
            for (ShiftSlot slot : slots) {
                if ((slot.templateId() == MORNING && slot.date().getDayOfWeek() == lecture) || random.nextDouble() < 0.1) {
                    unavailable.add(slot);
                    availability.add(new AvailabilityEntry(agent.userId(), slot.date(), slot.templateId(), Availability.UNAVAILABLE));
                }
            }
            for (int week = 0; week < weeks; week++) {
                LocalDate monday = from.plusWeeks(week);
                List<ShiftSlot> candidates = slots.stream()
                        .filter(s -> !s.date().isBefore(monday) && s.date().isBefore(monday.plusWeeks(1)) && !unavailable.contains(s))
                        .toList();
                Set<LocalDate> days = new HashSet<>();
                for (int tries = 0; days.size() < 2 && tries < 50 && !candidates.isEmpty(); tries++) {
                    ShiftSlot pick = candidates.get(random.nextInt(candidates.size()));
                    if (days.add(pick.date())) {
                        availability.add(new AvailabilityEntry(agent.userId(), pick.date(), pick.templateId(), Availability.PREFERRED));
                    }
                }
            }
        }
        List<RosterNeed> needs = new ArrayList<>();
        for (ShiftSlot slot : slots) {
            boolean weekend = slot.dayKind() == DayKind.WEEKEND_OR_HOLIDAY;
            int general = (int) Math.round(firstLine * (weekend ? 0.2 : 0.25));
            int payments = Math.max(secondLine > 0 ? 1 : 0, (int) Math.round(secondLine * 0.2));
            needs.add(new RosterNeed(slot.date(), slot.templateId(), Line.FIRST, GENERAL, general));
            needs.add(new RosterNeed(slot.date(), slot.templateId(), Line.SECOND, PAYMENTS, payments));
        }
        return new RosterDesk(from, to, List.copyOf(agents), List.copyOf(slots), List.copyOf(availability), List.copyOf(needs));
    }

    public static ShiftSlot slot(LocalDate date, long templateId, LocalTime start, LocalTime end, DayKind kind) {
        return new ShiftSlot(date, templateId, date.atTime(start).atZone(ZONE).toInstant(), date.atTime(end).atZone(ZONE).toInstant(), kind);
    }

    public RosterProblem problem(List<RosterPin> pins, RosterSettings settings) {
        return new RosterProblem(from, toInclusive, agents, slots, availability, needs, pins, settings);
    }

    public ShiftSlot slot(LocalDate date, long templateId) {
        return slots.stream().filter(s -> s.date().equals(date) && s.templateId() == templateId).findFirst().orElseThrow();
    }

    public Availability availability(long userId, LocalDate date, long templateId) {
        return availability.stream().filter(a -> a.userId() == userId && a.date().equals(date) && a.templateId() == templateId)
                .map(AvailabilityEntry::availability).findFirst().orElse(Availability.AVAILABLE);
    }
}
