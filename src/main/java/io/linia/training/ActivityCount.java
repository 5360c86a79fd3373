package io.linia.training;

/**
 * Counted work of a shadowing or supervised stage: tickets and/or minutes, with a reference (e.g. the
 * ticket number) for the record. Both zero is nothing to count.
 */
public record ActivityCount(int tickets, int minutes, String reference) {

    public ActivityCount {
        if (tickets < 0 || minutes < 0 || tickets + minutes == 0) {
            throw new IllegalArgumentException("an activity counts at least one ticket or minute, never less than none");
        }
    }

    public static ActivityCount tickets(int n, String reference) {
        return new ActivityCount(n, 0, reference);
    }

    public static ActivityCount minutes(int n, String reference) {
        return new ActivityCount(0, n, reference);
    }
}
