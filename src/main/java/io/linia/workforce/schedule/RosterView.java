package io.linia.workforce.schedule;

import io.linia.workforce.RosterScore;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A period's roster as stored: its state, the last solve's score, and every agent on every shift.
 *
 * @param score        the last solve's score; null while nobody has solved it (only hand-given shifts)
 * @param solvedAt     when the last solve's result was saved
 * @param solvingTime  how long that solve ran
 * @param publishedAt  when it was last published; null while it never was
 * @param shifts       by date, shift start and agent
 */
public record RosterView(long periodId, LocalDate firstDay, LocalDate lastDay, State state, RosterScore score, Instant solvedAt,
                         Duration solvingTime, Instant publishedAt, Long publishedById, Instant changedAt, long changedById,
                         long version, List<ScheduledShift> shifts) {

    public RosterView {
        shifts = List.copyOf(shifts);
    }

    /** Where a roster stands: drafts are the team lead's; a published roster puts agents on shift and counts for pay. */
    public enum State {
        DRAFT, PUBLISHED
    }

    public boolean published() {
        return state == State.PUBLISHED;
    }
}
