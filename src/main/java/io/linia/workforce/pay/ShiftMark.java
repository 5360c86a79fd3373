package io.linia.workforce.pay;

/**
 * How one agent's shift stands for pay: on the published roster and worked, on it but not worked
 * (absent, or handed to a substitute), or worked without being on it (an extra shift, or someone
 * else's taken over in a swap).
 */
public enum ShiftMark {
    /** On the published roster, worked. */
    ROSTERED(true),
    /** On the published roster, not worked (the team lead recorded an absence). */
    ABSENT(false),
    /** Not on the roster, worked (the team lead recorded an extra shift). */
    EXTRA(true),
    /** On the roster, worked by another agent in a swap. */
    SWAP_OUT(false),
    /** Another agent's rostered shift, worked in a swap. */
    SWAP_IN(true);

    private final boolean worked;

    ShiftMark(boolean worked) {
        this.worked = worked;
    }

    public boolean worked() {
        return worked;
    }
}
