package io.linia.workforce.demand;

import io.linia.tickets.Line;
import io.linia.workforce.ShiftStaffingAggregation;
import io.linia.workforce.ShiftStaffingSettings;
import io.linia.workforce.StaffingTarget;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The staffing settings in force: the planners' (stored) or, while they have saved none, the defaults of
 * {@code linia.workforce.staffing.*}.
 *
 * @param firstLineHandlingMinutes  average minutes on one first-line ticket
 * @param secondLineHandlingMinutes average minutes on one second-line ticket
 * @param serviceLevelPercent       percent of tickets answered within {@code answerWithinMinutes}
 * @param answerWithinMinutes       the promised wait
 * @param shrinkagePercent          percent of a shift an agent is not on the queue
 * @param aggregation               how a shift's hours become one number
 * @param carryClosedHours          tickets of hours no shift works count for the next shift
 * @param firstLineMinimum          first-line agents on every shift however quiet
 * @param secondLineMinimum         agents on each second-line group on every shift however quiet
 * @param secondLineSharePercent    percent of arrivals passed to the second line (split evenly over the groups) while the
 *                                  history is too short to measure each group's share
 * @param shareMinTickets           the desk's own tickets in the history from which the groups' shares are measured
 * @param stored                    whether planners saved these (false: the defaults)
 */
public record StaffingSettings(double firstLineHandlingMinutes, double secondLineHandlingMinutes, double serviceLevelPercent,
                               int answerWithinMinutes, double shrinkagePercent, ShiftStaffingAggregation aggregation,
                               boolean carryClosedHours, int firstLineMinimum, int secondLineMinimum, double secondLineSharePercent,
                               int shareMinTickets, boolean stored, Instant changedAt, Long changedById, long version) {

    static StaffingSettings defaults(DemandProperties p) {
        return new StaffingSettings(minutes(p.firstLineHandlingTime()), minutes(p.secondLineHandlingTime()), p.serviceLevel() * 100,
                (int) p.answerWithin().toMinutes(), p.shrinkage() * 100, p.aggregation(), p.carryClosedHours(), p.firstLineMinimum(),
                p.secondLineMinimum(), p.secondLineShare() * 100, p.shareMinTickets(), false, null, null, -1);
    }

    /** What {@link io.linia.workforce.ShiftStaffingNeeds} takes. */
    public ShiftStaffingSettings toShiftStaffingSettings() {
        return new ShiftStaffingSettings(Map.of(Line.FIRST, duration(firstLineHandlingMinutes), Line.SECOND, duration(secondLineHandlingMinutes)),
                new StaffingTarget(serviceLevelPercent / 100, Duration.ofMinutes(answerWithinMinutes), shrinkagePercent / 100),
                aggregation, carryClosedHours);
    }

    private static double minutes(Duration d) {
        return d.toSeconds() / 60.0;
    }

    private static Duration duration(double minutes) {
        return Duration.ofSeconds(Math.round(minutes * 60));
    }
}
