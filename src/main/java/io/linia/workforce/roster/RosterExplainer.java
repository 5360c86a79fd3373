package io.linia.workforce.roster;

import ai.timefold.solver.core.api.score.analysis.ConstraintAnalysis;
import ai.timefold.solver.core.api.score.analysis.MatchAnalysis;
import ai.timefold.solver.core.api.score.analysis.ScoreAnalysis;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import ai.timefold.solver.core.api.score.stream.ConstraintJustification;
import io.linia.tickets.Line;
import io.linia.workforce.AgentProfile;
import io.linia.workforce.RosterExplanation;
import io.linia.workforce.RosterExplanation.AgentReport;
import io.linia.workforce.RosterExplanation.MonthShifts;
import io.linia.workforce.RosterExplanation.QueueCoverage;
import io.linia.workforce.RosterExplanation.Reason;
import io.linia.workforce.RosterExplanation.ShiftCoverage;
import io.linia.workforce.RosterExplanation.UnmetWish;
import io.linia.workforce.RosterExplanation.Violation;
import io.linia.workforce.RosterExplanation.Wish;
import io.linia.workforce.RosterNeed;
import io.linia.workforce.RosterProblem;
import io.linia.workforce.RosterRule;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the {@link RosterExplanation} of a solved roster: coverage and the agents' figures from the seats,
 * the rules broken or bent from the solver's {@link ScoreAnalysis} (every constraint match with its
 * justification), and for each wish not met the first obstacle found, in this order: for a preferred
 * shift, another shift at the same time, a shift too close for the rest, a full week, no free seat the agent
 * could take, the month's minimum already reached (the shift would be extra); for a monthly minimum, too few
 * shifts available, too few once the weekly limit and the rest apply, the seats taken by others. When none
 * applies the solver simply found the shift better spent on someone else ({@link Reason#TRADE_OFF}).
 */
final class RosterExplainer {

    private final RosterProblem problem;
    private final RosterSolution roster;
    private final Map<Agent, List<Shift>> shiftsOf = new IdentityHashMap<>();
    private final Map<Shift, List<Seat>> seatsOf = new IdentityHashMap<>();

    private RosterExplainer(RosterProblem problem, RosterSolution roster) {
        this.problem = problem;
        this.roster = roster;
        for (Agent agent : roster.getAgents()) {
            shiftsOf.put(agent, new ArrayList<>());
        }
        for (Shift shift : roster.getShifts()) {
            seatsOf.put(shift, new ArrayList<>());
        }
        for (Seat seat : roster.getSeats()) {
            seatsOf.get(seat.getShift()).add(seat);
            if (seat.getAgent() != null) {
                shiftsOf.get(seat.getAgent()).add(seat.getShift());
            }
        }
        shiftsOf.values().forEach(list -> list.sort(Comparator.comparingInt(Shift::index)));
    }

    static RosterExplanation explain(RosterProblem problem, RosterSolution roster, ScoreAnalysis<HardMediumSoftScore> analysis) {
        return new RosterExplainer(problem, roster).explain(analysis);
    }

    private RosterExplanation explain(ScoreAnalysis<HardMediumSoftScore> analysis) {
        Map<Long, List<Violation>> byAgent = new HashMap<>();
        Map<ShiftKey, List<Violation>> byShift = new HashMap<>();
        collectViolations(analysis, byAgent, byShift);
        return new RosterExplanation(shiftCoverage(byShift), agentReports(byAgent));
    }

    private void collectViolations(ScoreAnalysis<HardMediumSoftScore> analysis, Map<Long, List<Violation>> byAgent,
                                   Map<ShiftKey, List<Violation>> byShift) {
        Map<EmptyQueue, Integer> emptySeats = new LinkedHashMap<>();
        for (ConstraintAnalysis<HardMediumSoftScore> constraint : analysis.constraintAnalyses()) {
            RosterRule rule = RosterRule.ofConstraintName(constraint.constraintName());
            if (constraint.matches() == null) {
                continue;
            }
            for (MatchAnalysis<HardMediumSoftScore> match : constraint.matches()) {
                long penalty = penalty(rule, match.score());
                ConstraintJustification j = match.justification();
                if (j instanceof Justifications.AgentShift s) {
                    add(byAgent, s.userId(), new Violation(rule, penalty, code(rule), List.of(s.date(), s.templateId())));
                } else if (j instanceof Justifications.OutsideQueue q) {
                    add(byAgent, q.userId(), new Violation(rule, penalty, code(rule), List.of(q.date(), q.templateId(), q.line(), q.groupId())));
                } else if (j instanceof Justifications.ShiftPair p) {
                    add(byAgent, p.userId(), new Violation(rule, penalty, code(rule), List.of(p.firstDate(), p.firstTemplateId(),
                            p.secondDate(), p.secondTemplateId(), hours(p.gapMinutes()), problem.settings().minimumRest().toMinutes() / 60.0)));
                } else if (j instanceof Justifications.AgentWeek w) {
                    add(byAgent, w.userId(), new Violation(rule, penalty, code(rule), List.of(w.weekStart(), w.shifts(), w.limit())));
                } else if (j instanceof Justifications.AgentMonthShifts m) {
                    add(byAgent, m.userId(), new Violation(rule, penalty, code(rule), List.of(m.month(), m.shifts(), m.minimum())));
                } else if (j instanceof Justifications.WeekendShifts w) {
                    add(byAgent, w.userId(), new Violation(rule, penalty, code(rule), List.of(w.shifts())));
                } else if (j instanceof Justifications.EmptySeat e) {
                    emptySeats.merge(new EmptyQueue(e.date(), e.templateId(), e.line(), e.groupId()), 1, Integer::sum);
                } else if (j instanceof Justifications.Uncertified u) {
                    byShift.computeIfAbsent(new ShiftKey(u.date(), u.templateId()), k -> new ArrayList<>())
                            .add(new Violation(rule, penalty, code(rule), List.of(u.groupId())));
                }
            }
        }
        emptySeats.forEach((queue, count) -> byShift.computeIfAbsent(new ShiftKey(queue.date(), queue.templateId()), k -> new ArrayList<>())
                .add(new Violation(RosterRule.REQUIRED_COVERAGE, (long) count * RosterRule.REQUIRED_COVERAGE.weight(),
                        code(RosterRule.REQUIRED_COVERAGE), List.of(queue.line(), queue.groupId(), count))));
    }

    private static double hours(long minutes) {
        return Math.round(minutes / 6.0) / 10.0;
    }

    private static String code(RosterRule rule) {
        return rule.messageCode() + ".match";
    }

    private static long penalty(RosterRule rule, HardMediumSoftScore score) {
        return -switch (rule.level()) {
            case HARD -> score.hardScore();
            case MEDIUM -> score.mediumScore();
            case SOFT -> score.softScore();
        };
    }

    private static <K> void add(Map<K, List<Violation>> map, K key, Violation violation) {
        map.computeIfAbsent(key, k -> new ArrayList<>()).add(violation);
    }

    private List<ShiftCoverage> shiftCoverage(Map<ShiftKey, List<Violation>> byShift) {
        Map<ShiftKey, Map<QueueKey, Integer>> required = new LinkedHashMap<>();
        for (RosterNeed need : problem.needs()) {
            required.computeIfAbsent(new ShiftKey(need.date(), need.templateId()), k -> new LinkedHashMap<>())
                    .merge(new QueueKey(need.line(), need.groupId()), need.required(), Integer::sum);
        }
        Map<Shift, List<Long>> uncertified = new IdentityHashMap<>();
        for (ShiftGroup group : roster.getShiftGroups()) {
            boolean covered = seatsOf.get(group.shift()).stream()
                    .anyMatch(seat -> seat.getAgent() != null && seat.getAgent().isCertifiedFor(group.groupId()));
            if (!covered) {
                uncertified.computeIfAbsent(group.shift(), s -> new ArrayList<>()).add(group.groupId());
            }
        }
        List<ShiftCoverage> result = new ArrayList<>();
        for (Shift shift : roster.getShifts()) {
            ShiftKey key = new ShiftKey(shift.date(), shift.templateId());
            Map<QueueKey, Integer> assigned = new HashMap<>();
            int optional = 0;
            for (Seat seat : seatsOf.get(shift)) {
                if (seat.getAgent() == null) {
                    continue;
                }
                if (seat.isOptional()) {
                    optional++;
                } else {
                    assigned.merge(new QueueKey(seat.getLine(), seat.getGroupId()), 1, Integer::sum);
                }
            }
            List<QueueCoverage> queues = new ArrayList<>();
            required.getOrDefault(key, Map.of()).forEach((queue, count) ->
                    queues.add(new QueueCoverage(queue.line(), queue.groupId(), count, assigned.getOrDefault(queue, 0))));
            result.add(new ShiftCoverage(shift.slot(), queues, optional, uncertified.getOrDefault(shift, List.of()),
                    byShift.getOrDefault(key, List.of())));
        }
        return result;
    }

    private List<AgentReport> agentReports(Map<Long, List<Violation>> byAgent) {
        Map<Agent, List<AgentMonth>> months = new IdentityHashMap<>();
        for (AgentMonth month : roster.getAgentMonths()) {
            months.computeIfAbsent(month.agent(), a -> new ArrayList<>()).add(month);
        }
        Map<Agent, List<Preference>> preferences = new IdentityHashMap<>();
        for (Preference preference : roster.getPreferences()) {
            preferences.computeIfAbsent(preference.agent(), a -> new ArrayList<>()).add(preference);
        }
        Map<Long, AgentProfile> profiles = new HashMap<>();
        problem.agents().forEach(p -> profiles.put(p.userId(), p));
        List<AgentReport> reports = new ArrayList<>();
        for (Agent agent : roster.getAgents()) {
            List<Shift> shifts = shiftsOf.get(agent);
            List<UnmetWish> unmet = new ArrayList<>();
            List<MonthShifts> monthShifts = new ArrayList<>();
            for (AgentMonth month : months.getOrDefault(agent, List.of())) {
                int count = (int) shifts.stream().filter(s -> s.month().equals(month.month())).count();
                monthShifts.add(new MonthShifts(month.month(), count, month.minimum()));
                if (count < month.minimum()) {
                    unmet.add(minimumNotReached(agent, month, count));
                }
            }
            int honoured = 0;
            List<Preference> prefers = preferences.getOrDefault(agent, List.of());
            for (Preference preference : prefers) {
                if (shifts.contains(preference.shift())) {
                    honoured++;
                } else {
                    unmet.add(preferenceNotHonoured(agent, preference.shift(), shifts, months.getOrDefault(agent, List.of())));
                }
            }
            unmet.sort(Comparator.comparing(UnmetWish::month).thenComparing(w -> w.date() == null ? LocalDate.MIN : w.date()));
            int weekend = (int) shifts.stream().filter(Shift::weekend).count();
            List<RosterExplanation.TrainingShift> training = new ArrayList<>();
            for (Seat seat : roster.getSeats()) {
                if (seat.getAgent() == agent && !seat.isOptional()) {
                    agent.training(seat.getLine(), seat.getGroupId(), seat.getShift().date()).ifPresent(t -> training.add(
                            new RosterExplanation.TrainingShift(seat.getShift().date(), seat.getShift().templateId(), seat.getLine(),
                                    seat.getGroupId(), t.programme(), t.stage())));
                }
            }
            training.sort(Comparator.comparing(RosterExplanation.TrainingShift::date));
            reports.add(new AgentReport(agent.userId(), agent.name(), shifts.size(), weekend, monthShifts, prefers.size(), honoured,
                    unmet, byAgent.getOrDefault(agent.userId(), List.of()), training));
        }
        return reports;
    }

    private UnmetWish preferenceNotHonoured(Agent agent, Shift wanted, List<Shift> shifts, List<AgentMonth> months) {
        for (Shift other : shifts) {
            if (other.overlaps(wanted)) {
                return preferred(wanted, Reason.SAME_TIME_SHIFT, List.of(other.date(), other.templateId()));
            }
        }
        long rest = problem.settings().minimumRest().getSeconds();
        for (Shift other : shifts) {
            if (wanted.gapTo(other) < rest) {
                return preferred(wanted, Reason.REST_TOO_SHORT, List.of(other.date(), other.templateId(), rest / 3600.0));
            }
        }
        long inWeek = shifts.stream().filter(s -> s.week().equals(wanted.week())).count();
        if (inWeek >= agent.maxShiftsPerWeek()) {
            return preferred(wanted, Reason.WEEK_FULL, List.of(wanted.week(), inWeek, agent.maxShiftsPerWeek()));
        }
        boolean freeSeat = seatsOf.get(wanted).stream().anyMatch(seat -> seat.getAgent() == null && seat.accepts(agent));
        if (!freeSeat) {
            return preferred(wanted, Reason.NO_FREE_SEAT, List.of(wanted.date(), wanted.templateId()));
        }
        for (AgentMonth month : months) {
            if (month.month().equals(wanted.month())) {
                long inMonth = shifts.stream().filter(s -> s.month().equals(month.month())).count();
                if (inMonth >= month.minimum()) {
                    return preferred(wanted, Reason.WOULD_BE_EXTRA, List.of(month.month(), inMonth, month.minimum()));
                }
            }
        }
        return preferred(wanted, Reason.TRADE_OFF, List.of());
    }

    private static UnmetWish preferred(Shift wanted, Reason reason, List<Object> arguments) {
        return new UnmetWish(Wish.PREFERRED_SHIFT, wanted.date(), wanted.templateId(), wanted.month(), RosterRule.PREFERRED_SHIFT,
                reason, arguments);
    }

    private UnmetWish minimumNotReached(Agent agent, AgentMonth month, int count) {
        List<Shift> available = roster.getShifts().stream()
                .filter(s -> s.month().equals(month.month()) && !agent.isUnavailable(s))
                .toList();
        if (available.size() < month.minimum()) {
            return minimum(month, Reason.FEW_AVAILABLE_SHIFTS, List.of(month.month(), available.size(), month.minimum()));
        }
        Map<LocalDate, List<Shift>> byWeek = new LinkedHashMap<>();
        available.forEach(s -> byWeek.computeIfAbsent(s.week(), w -> new ArrayList<>()).add(s));
        int capacity = 0;
        for (List<Shift> week : byWeek.values()) {
            capacity += Math.min(agent.maxShiftsPerWeek(), mostCompatible(week));
        }
        if (capacity < month.minimum()) {
            return minimum(month, Reason.WEEK_LIMITS, List.of(month.month(), capacity, month.minimum()));
        }
        return minimum(month, Reason.SEATS_TAKEN, List.of(month.month(), count, month.minimum()));
    }

    /** The most shifts one agent can work among these, with the rest between them: earliest end first (interval scheduling). */
    private static int mostCompatible(List<Shift> shifts) {
        List<Shift> byEnd = new ArrayList<>(shifts);
        byEnd.sort(Comparator.comparingLong(Shift::end));
        int count = 0;
        long free = Long.MIN_VALUE;
        for (Shift shift : byEnd) {
            if (shift.start() >= free) {
                count++;
                free = shift.restUntil();
            }
        }
        return count;
    }

    private static UnmetWish minimum(AgentMonth month, Reason reason, List<Object> arguments) {
        return new UnmetWish(Wish.MINIMUM_SHIFTS, null, null, month.month(), RosterRule.MINIMUM_SHIFTS, reason, arguments);
    }

    private record ShiftKey(LocalDate date, long templateId) {
    }

    private record QueueKey(Line line, long groupId) {
    }

    private record EmptyQueue(LocalDate date, long templateId, Line line, long groupId) {
    }
}
