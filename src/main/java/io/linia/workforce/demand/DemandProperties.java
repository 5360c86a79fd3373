package io.linia.workforce.demand;

import io.linia.tickets.Line;
import io.linia.workforce.ShiftStaffingAggregation;
import io.linia.workforce.ShiftStaffingSettings;
import io.linia.workforce.StaffingTarget;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code linia.workforce.staffing.*}: how the desk's own ticket history becomes agents per shift.
 *
 * @param historyWeeks          weeks of arrivals the forecast learns from, ending with yesterday (8)
 * @param firstLineHandlingTime average time an agent spends on one first-line ticket (2 min: the seed desk answers 7–10 thousand tickets a day with 50+ agents in shifts)
 * @param secondLineHandlingTime average time on one second-line ticket (10 min)
 * @param serviceLevel          share of tickets to answer within {@code answerWithin} (0.8)
 * @param answerWithin          the promise: 60 min, the first line's promise in the seed
 * @param shrinkage             share of a shift an agent is not on the queue (breaks, meetings, training): 0.3
 * @param aggregation           how a shift's hours become one number (the peak hour)
 * @param carryClosedHours      tickets that arrive while no shift works count for the next shift (true)
 * @param firstLineMinimum      agents on the first line on every shift however quiet (1)
 * @param secondLineMinimum     agents on each second-line group on every shift however quiet (0)
 * @param secondLineShare       share of all arrivals passed to the second line, split evenly over the active groups, used
 *                              while the history holds fewer than {@code shareMinTickets} of the desk's own tickets (0.4, the
 *                              seed's "about 40 % passed to the second line"): imported history has no escalations to learn from
 * @param shareMinTickets       the desk's own tickets in the history from which each group's share is measured instead (200)
 */
@ConfigurationProperties("linia.workforce.staffing")
public record DemandProperties(@DefaultValue("8") int historyWeeks, @DefaultValue("2m") Duration firstLineHandlingTime,
                               @DefaultValue("10m") Duration secondLineHandlingTime, @DefaultValue("0.8") double serviceLevel,
                               @DefaultValue("60m") Duration answerWithin, @DefaultValue("0.3") double shrinkage,
                               @DefaultValue("PEAK_HOUR") ShiftStaffingAggregation aggregation,
                               @DefaultValue("true") boolean carryClosedHours, @DefaultValue("1") int firstLineMinimum,
                               @DefaultValue("0") int secondLineMinimum, @DefaultValue("0.4") double secondLineShare,
                               @DefaultValue("200") int shareMinTickets) {

    public DemandProperties {
        if (historyWeeks < 1 || historyWeeks > 104) {
            throw new IllegalArgumentException("linia.workforce.staffing.history-weeks: 1 to 104, not " + historyWeeks);
        }
        if (firstLineMinimum < 0 || secondLineMinimum < 0) {
            throw new IllegalArgumentException("linia.workforce.staffing.*-minimum must not be negative");
        }
        if (!(secondLineShare >= 0 && secondLineShare <= 1)) {
            throw new IllegalArgumentException("linia.workforce.staffing.second-line-share: 0 to 1, not " + secondLineShare);
        }
        if (shareMinTickets < 0) {
            throw new IllegalArgumentException("linia.workforce.staffing.share-min-tickets must not be negative");
        }
    }

    public ShiftStaffingSettings settings() {
        return new ShiftStaffingSettings(Map.of(Line.FIRST, firstLineHandlingTime, Line.SECOND, secondLineHandlingTime),
                new StaffingTarget(serviceLevel, answerWithin, shrinkage), aggregation, carryClosedHours);
    }
}
