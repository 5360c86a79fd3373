package io.linia.workforce;

import io.linia.tickets.Line;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * What turns forecast arrivals into agents on a shift.
 *
 * @param handlingTime     average handling time of a ticket on each line (both lines required)
 * @param target           the service level promised, e.g. 80 % answered within 60 minutes, and the shrinkage
 * @param aggregation      how the hours of a shift become one number
 * @param carryClosedHours whether the tickets that arrive while no shift works (nights: 21:00–09:00) count as work
 *                         for the next shift, spread evenly over its hours; without it they are left out of the need
 */
public record ShiftStaffingSettings(Map<Line, Duration> handlingTime, StaffingTarget target,
                                    ShiftStaffingAggregation aggregation, boolean carryClosedHours) {

    public ShiftStaffingSettings {
        Objects.requireNonNull(handlingTime, "handlingTime");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(aggregation, "aggregation");
        for (Line line : Line.values()) {
            Duration d = handlingTime.get(line);
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("handlingTime: the average handling time of line " + line + " must be positive, not " + d);
            }
        }
        handlingTime = Map.copyOf(new EnumMap<>(handlingTime));
    }

    /** Staffed for the peak hour, the night's tickets carried to the morning. */
    public static ShiftStaffingSettings of(Duration firstLine, Duration secondLine, StaffingTarget target) {
        return new ShiftStaffingSettings(Map.of(Line.FIRST, firstLine, Line.SECOND, secondLine), target,
                ShiftStaffingAggregation.PEAK_HOUR, true);
    }

    public ShiftStaffingSettings withAggregation(ShiftStaffingAggregation aggregation) {
        return new ShiftStaffingSettings(handlingTime, target, aggregation, carryClosedHours);
    }

    public ShiftStaffingSettings withCarryClosedHours(boolean carry) {
        return new ShiftStaffingSettings(handlingTime, target, aggregation, carry);
    }
}
