package io.linia.workforce;

import io.linia.tickets.Line;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * Why the roster is as it is. Per shift: each queue's need against the agents on it, the shortfall, the
 * extra agents, the groups left without a certified agent. Per agent: their shifts against the contract,
 * the preferences honoured, each wish not met with the reason found for it, and every rule their roster
 * breaks or bends, from the solver's own score analysis. Every text is a code of the
 * {@code i18n/workforce-roster} bundle with its arguments, so pages can show it in either language.
 */
public record RosterExplanation(List<ShiftCoverage> shifts, List<AgentReport> agents) {

    public RosterExplanation {
        shifts = List.copyOf(shifts);
        agents = List.copyOf(agents);
    }

    /** The agents' wishes that may go unmet. */
    public enum Wish {
        /** a shift they marked preferred */
        PREFERRED_SHIFT,
        /** the contract's minimum of shifts in a month */
        MINIMUM_SHIFTS
    }

    /** Why a wish was not met. */
    public enum Reason {
        /** they work another shift at the same time */
        SAME_TIME_SHIFT,
        /** it would leave less than the minimum rest after or before another of their shifts */
        REST_TOO_SHORT,
        /** they already have the contract's maximum of shifts in that week */
        WEEK_FULL,
        /** every seat of that shift they could take went to someone else (the need and the optional seats are full) */
        NO_FREE_SEAT,
        /** they already reach the month's minimum; one more would be an extra shift, paid on top (the solver weighs that against the wish) */
        WOULD_BE_EXTRA,
        /** no single rule stood in the way: the solver found it better to give the shift to someone else */
        TRADE_OFF,
        /** fewer shifts of the month are available to them than the minimum */
        FEW_AVAILABLE_SHIFTS,
        /** the weekly maximum, applied to the shifts available to them, leaves fewer than the minimum */
        WEEK_LIMITS,
        /** the shifts they could work were filled by others (the need covered, the optional seats taken) */
        SEATS_TAKEN;

        public String messageCode() {
            return "roster.reason." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * A shift on a queue outside the agent's own line or groups, given because of a training stage: the reason shown is
     * "training: {@code programme}, stage {@code stage}".
     */
    public record TrainingShift(LocalDate date, long templateId, Line line, long groupId, String programme, String stage) {
    }

    /** A rule broken or bent, as the solver scored it. */
    public record Violation(RosterRule rule, long penalty, String messageCode, List<Object> arguments) {
        public Violation {
            arguments = List.copyOf(arguments);
        }
    }

    /** One queue of a shift. */
    public record QueueCoverage(Line line, long groupId, int required, int assigned) {
        public int shortfall() {
            return Math.max(0, required - assigned);
        }
    }

    /**
     * One shift.
     *
     * @param optionalAgents         agents on seats beyond the need
     * @param groupsWithoutCertified groups with a need on the shift and no agent certified for them on it
     * @param violations             rules broken on the shift as a whole (empty seats, certified cover)
     */
    public record ShiftCoverage(ShiftSlot slot, List<QueueCoverage> queues, int optionalAgents, List<Long> groupsWithoutCertified,
                                List<Violation> violations) {
        public ShiftCoverage {
            queues = List.copyOf(queues);
            groupsWithoutCertified = List.copyOf(groupsWithoutCertified);
            violations = List.copyOf(violations);
        }

        public int required() {
            return queues.stream().mapToInt(QueueCoverage::required).sum();
        }

        /** Agents on the shift, optional seats included. */
        public int assigned() {
            return queues.stream().mapToInt(QueueCoverage::assigned).sum() + optionalAgents;
        }

        public int shortfall() {
            return queues.stream().mapToInt(QueueCoverage::shortfall).sum();
        }
    }

    /** An agent's shifts in one month of the period against the contract's minimum for the days of it in the period. */
    public record MonthShifts(YearMonth month, int shifts, int minimum) {
        public int missing() {
            return Math.max(0, minimum - shifts);
        }

        public int extra() {
            return Math.max(0, shifts - minimum);
        }
    }

    /**
     * A wish not met.
     *
     * @param date       the preferred shift's date (null for a month's minimum)
     * @param templateId the preferred shift's template (null for a month's minimum)
     * @param month      the month concerned
     * @param rule       the rule that scores the wish
     * @param reason     what stood in the way
     * @param arguments  the reason's message arguments
     */
    public record UnmetWish(Wish wish, LocalDate date, Long templateId, YearMonth month, RosterRule rule, Reason reason,
                            List<Object> arguments) {
        public UnmetWish {
            arguments = List.copyOf(arguments);
        }

        public String messageCode() {
            return reason.messageCode();
        }
    }

    /**
     * One agent.
     *
     * @param shifts            shifts in the period
     * @param weekendShifts     of those, on weekends and holidays
     * @param months            shifts per month against the minimum
     * @param preferred         shifts they marked preferred
     * @param preferredHonoured of those, shifts they got
     * @param unmetWishes       preferred shifts not given and monthly minimums not reached, each with its reason
     * @param violations        the rules their roster breaks or bends, with the solver's penalty
     * @param trainingShifts    shifts on another line's queue given because of a training stage, with the reason
     */
    public record AgentReport(long userId, String name, int shifts, int weekendShifts, List<MonthShifts> months, int preferred,
                              int preferredHonoured, List<UnmetWish> unmetWishes, List<Violation> violations,
                              List<TrainingShift> trainingShifts) {
        public AgentReport {
            months = List.copyOf(months);
            unmetWishes = List.copyOf(unmetWishes);
            violations = List.copyOf(violations);
            trainingShifts = trainingShifts == null ? List.of() : List.copyOf(trainingShifts);
        }

        /** A report without shifts on another line by training. */
        public AgentReport(long userId, String name, int shifts, int weekendShifts, List<MonthShifts> months, int preferred,
                           int preferredHonoured, List<UnmetWish> unmetWishes, List<Violation> violations) {
            this(userId, name, shifts, weekendShifts, months, preferred, preferredHonoured, unmetWishes, violations, List.of());
        }

        public int extraShifts() {
            return months.stream().mapToInt(MonthShifts::extra).sum();
        }
    }

    public ShiftCoverage shift(LocalDate date, long templateId) {
        return shifts.stream().filter(s -> s.slot().date().equals(date) && s.slot().templateId() == templateId).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no shift of template " + templateId + " on " + date));
    }

    public AgentReport agent(long userId) {
        return agents.stream().filter(a -> a.userId() == userId).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no agent " + userId));
    }

    /** Seats of the need left empty over the period. */
    public int shortfall() {
        return shifts.stream().mapToInt(ShiftCoverage::shortfall).sum();
    }
}
