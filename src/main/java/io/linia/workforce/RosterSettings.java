package io.linia.workforce;

import java.time.Duration;
import java.util.Objects;

/**
 * How one roster is solved.
 *
 * @param minimumRest           least time between the end of one of an agent's shifts and the start of their next
 *                              (11 h forbids two shifts on one weekday, 9–15 and 15–21, and nothing else of the seed's templates)
 * @param timeLimit             the solve stops after this long and returns the best roster found
 * @param unimprovedTimeLimit   the solve also stops when the best roster has not improved for this long (null: only the time limit)
 * @param optionalSeatsPerShift seats on every shift beyond the need, which let agents reach their contract's minimum and
 *                              honour preferences on shifts whose need is covered; null sizes them from the contracts
 *                              (see {@code roster} package documentation)
 */
public record RosterSettings(Duration minimumRest, Duration timeLimit, Duration unimprovedTimeLimit, Integer optionalSeatsPerShift) {

    public RosterSettings {
        Objects.requireNonNull(minimumRest, "minimumRest");
        Objects.requireNonNull(timeLimit, "timeLimit");
        if (minimumRest.isNegative()) {
            throw new IllegalArgumentException("minimumRest: must not be negative, not " + minimumRest);
        }
        if (timeLimit.isNegative() || timeLimit.isZero()) {
            throw new IllegalArgumentException("timeLimit: must be positive, not " + timeLimit);
        }
        if (unimprovedTimeLimit != null && (unimprovedTimeLimit.isNegative() || unimprovedTimeLimit.isZero())) {
            throw new IllegalArgumentException("unimprovedTimeLimit: must be positive when set, not " + unimprovedTimeLimit);
        }
        if (optionalSeatsPerShift != null && optionalSeatsPerShift < 0) {
            throw new IllegalArgumentException("optionalSeatsPerShift: must not be negative, not " + optionalSeatsPerShift);
        }
    }

    /** 11 hours of rest, 30 seconds of solving, optional seats sized from the contracts. */
    public static RosterSettings defaults() {
        return new RosterSettings(Duration.ofHours(11), Duration.ofSeconds(30), null, null);
    }

    public RosterSettings withMinimumRest(Duration rest) {
        return new RosterSettings(rest, timeLimit, unimprovedTimeLimit, optionalSeatsPerShift);
    }

    public RosterSettings withTimeLimit(Duration limit) {
        return new RosterSettings(minimumRest, limit, unimprovedTimeLimit, optionalSeatsPerShift);
    }

    public RosterSettings withUnimprovedTimeLimit(Duration limit) {
        return new RosterSettings(minimumRest, timeLimit, limit, optionalSeatsPerShift);
    }

    public RosterSettings withOptionalSeatsPerShift(Integer seats) {
        return new RosterSettings(minimumRest, timeLimit, unimprovedTimeLimit, seats);
    }
}
