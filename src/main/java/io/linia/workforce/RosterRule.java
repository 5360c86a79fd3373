package io.linia.workforce;

/**
 * The rules a roster is scored by, each a constraint of the solver, with its level and its weight per unit.
 * {@link #messageCode()} names its text in the {@code i18n/workforce-roster} bundle.
 */
public enum RosterRule {
    /** An agent on a shift they marked unavailable; per shift. */
    UNAVAILABLE_SHIFT(Level.HARD, 1),
    /** An agent on a seat of a queue (line and group) they do not belong to; per seat. */
    OUTSIDE_QUEUE(Level.HARD, 1),
    /** One agent on two shifts that overlap in time (or twice on one shift); per pair. */
    OVERLAPPING_SHIFTS(Level.HARD, 1),
    /** Less than the minimum rest between two of an agent's shifts; per pair. */
    MINIMUM_REST(Level.HARD, 1),
    /** More shifts in an ISO week (Monday to Sunday) than the contract allows; per shift too many. */
    MAX_SHIFTS_PER_WEEK(Level.HARD, 1),
    /** A seat of the need left empty: the shortfall of a shift; per seat. */
    REQUIRED_COVERAGE(Level.MEDIUM, 1),
    /** A shift the agent preferred and did not get; per shift. */
    PREFERRED_SHIFT(Level.SOFT, 30),
    /** Weekend and holiday shifts spread unevenly: the square of each agent's count, so that moving one from an agent with more to one with fewer pays. */
    WEEKEND_FAIRNESS(Level.SOFT, 2),
    /** Fewer shifts in a month than the contract's minimum (pro rata to the days of the month in the period); per shift missing. */
    MINIMUM_SHIFTS(Level.SOFT, 20),
    /** Shifts beyond that minimum, paid extra: the square of each agent's extra shifts in a month, so that they are spread evenly. */
    EXTRA_SHIFTS(Level.SOFT, 3),
    /** A shift on which a group with a need has nobody certified for it (second-line cover); per shift and group. */
    CERTIFIED_COVERAGE(Level.SOFT, 50);

    public enum Level { HARD, MEDIUM, SOFT }

    private final Level level;
    private final int weight;

    RosterRule(Level level, int weight) {
        this.level = level;
        this.weight = weight;
    }

    public Level level() {
        return level;
    }

    public int weight() {
        return weight;
    }

    /** The solver's name of the constraint. */
    public String constraintName() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }

    /** The rule's title in the message bundle. */
    public String messageCode() {
        return "roster.rule." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    public static RosterRule ofConstraintName(String name) {
        for (RosterRule rule : values()) {
            if (rule.constraintName().equals(name)) {
                return rule;
            }
        }
        throw new IllegalArgumentException("no roster rule named " + name);
    }
}
