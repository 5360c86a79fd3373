package io.linia.workforce;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A shift the team lead gave an agent by hand: the solve keeps it and plans around it. The agent takes a
 * seat of their own queue on that shift when one is planned, otherwise an extra seat.
 */
public record RosterPin(long userId, LocalDate date, long templateId) {

    public RosterPin {
        Objects.requireNonNull(date, "date");
    }
}
