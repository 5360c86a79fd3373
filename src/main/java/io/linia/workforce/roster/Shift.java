package io.linia.workforce.roster;

import io.linia.workforce.DayKind;
import io.linia.workforce.ShiftSlot;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;

/**
 * A shift as the solver sees it (a problem fact): times as epoch seconds, the week and month it counts in.
 * Equal only to itself, so that joins and sets over shifts hash cheaply.
 */
public final class Shift {

    private final int index;
    private final ShiftSlot slot;
    private final long start;
    private final long end;
    private final long restUntil;
    private final LocalDate week;
    private final YearMonth month;
    private final boolean weekend;

    /**
     * @param index       position in the period, by start
     * @param minimumRest the rest every agent needs after this shift before their next one
     */
    public Shift(int index, ShiftSlot slot, Duration minimumRest) {
        this.index = index;
        this.slot = slot;
        this.start = slot.start().getEpochSecond();
        this.end = slot.end().getEpochSecond();
        this.restUntil = end + minimumRest.getSeconds();
        this.week = slot.date().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        this.month = YearMonth.from(slot.date());
        this.weekend = slot.dayKind() == DayKind.WEEKEND_OR_HOLIDAY;
    }

    public int index() {
        return index;
    }

    public ShiftSlot slot() {
        return slot;
    }

    public LocalDate date() {
        return slot.date();
    }

    public long templateId() {
        return slot.templateId();
    }

    /** Epoch second of the start. */
    public long start() {
        return start;
    }

    /** Epoch second of the end. */
    public long end() {
        return end;
    }

    /** Seconds of rest needed after this shift. */
    public long rest() {
        return restUntil - end;
    }

    /** Epoch second before which the agent's next shift may not start. */
    public long restUntil() {
        return restUntil;
    }

    /** The Monday of its ISO week. */
    public LocalDate week() {
        return week;
    }

    public YearMonth month() {
        return month;
    }

    /** On a weekend or a public holiday. */
    public boolean weekend() {
        return weekend;
    }

    public boolean overlaps(Shift other) {
        return start < other.end && other.start < end;
    }

    /** Seconds from the end of the earlier of the two to the start of the later; negative when they overlap. */
    public long gapTo(Shift other) {
        return Math.max(start, other.start) - Math.min(end, other.end);
    }

    @Override
    public String toString() {
        return slot.date() + "#" + slot.templateId();
    }
}
