package io.linia.workforce;

import java.time.Duration;
import java.util.Objects;

/**
 * What the desk promises and what it loses: "{@code serviceLevel} of the tickets answered within
 * {@code answerWithin}", with {@code shrinkage} the share of paid time an agent is not on the queue
 * (breaks, training, meetings, absence).
 *
 * @param serviceLevel share in (0, 1), e.g. 0.8
 * @param answerWithin the target wait, zero or more (zero: answered without waiting at all)
 * @param shrinkage    share in [0, 1), e.g. 0.3
 */
public record StaffingTarget(double serviceLevel, Duration answerWithin, double shrinkage) {

    public StaffingTarget {
        Objects.requireNonNull(answerWithin, "answerWithin");
        if (!(serviceLevel > 0 && serviceLevel < 1)) {
            throw new IllegalArgumentException("the service level is a share between 0 and 1 (exclusive), not " + serviceLevel);
        }
        if (answerWithin.isNegative()) {
            throw new IllegalArgumentException("the target wait must not be negative: " + answerWithin);
        }
        if (!(shrinkage >= 0 && shrinkage < 1)) {
            throw new IllegalArgumentException("shrinkage is a share from 0 up to (not including) 1, not " + shrinkage);
        }
    }
}
