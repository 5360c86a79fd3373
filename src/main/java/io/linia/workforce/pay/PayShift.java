package io.linia.workforce.pay;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/** One of an agent's shifts in the month as pay sees it: the template on a date, its exact times, and how it stands. */
public record PayShift(LocalDate date, long templateId, Instant start, Instant end, ShiftMark mark) {

    public PayShift {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(mark, "mark");
    }
}
