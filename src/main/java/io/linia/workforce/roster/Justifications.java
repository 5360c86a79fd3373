package io.linia.workforce.roster;

import ai.timefold.solver.core.api.score.stream.ConstraintJustification;
import io.linia.tickets.Line;
import java.time.LocalDate;
import java.time.YearMonth;

/** What each constraint match is about, for the explanation and for the constraint tests. */
final class Justifications {

    private Justifications() {
    }

    /** An agent and one shift: unavailable, outside the queue, preferred and not given. */
    record AgentShift(long userId, LocalDate date, long templateId) implements ConstraintJustification {
        static AgentShift of(Agent agent, Shift shift) {
            return new AgentShift(agent.userId(), shift.date(), shift.templateId());
        }
    }

    /** An agent on a seat of a queue they do not work. */
    record OutsideQueue(long userId, LocalDate date, long templateId, Line line, long groupId) implements ConstraintJustification {
    }

    /** Two shifts of one agent: overlapping, or too close. */
    record ShiftPair(long userId, LocalDate firstDate, long firstTemplateId, LocalDate secondDate, long secondTemplateId,
                     long gapMinutes) implements ConstraintJustification {
        static ShiftPair of(Agent agent, Shift a, Shift b) {
            Shift first = a.start() <= b.start() ? a : b;
            Shift second = first == a ? b : a;
            return new ShiftPair(agent.userId(), first.date(), first.templateId(), second.date(), second.templateId(),
                    Math.floorDiv(a.gapTo(b), 60));
        }
    }

    /** An agent's week over the limit. */
    record AgentWeek(long userId, LocalDate weekStart, int shifts, int limit) implements ConstraintJustification {
    }

    /** An agent's month against the contract's minimum. */
    record AgentMonthShifts(long userId, YearMonth month, int shifts, int minimum) implements ConstraintJustification {
    }

    /** An agent's weekend and holiday shifts in the period. */
    record WeekendShifts(long userId, int shifts) implements ConstraintJustification {
    }

    /** An empty seat of the need. */
    record EmptySeat(LocalDate date, long templateId, Line line, long groupId) implements ConstraintJustification {
    }

    /** A shift and a group with nobody certified for it. */
    record Uncertified(LocalDate date, long templateId, long groupId) implements ConstraintJustification {
    }
}
