package io.linia.routing;

/** How a queue hands out its tickets. */
public enum AssignmentMode {
    /** Agents pull the oldest waiting ticket ("next ticket"). */
    MANUAL,
    /** Linia gives each new ticket to the next agent on shift, in turn. */
    ROUND_ROBIN,
    /** Linia gives each new ticket to the agent on shift with the fewest unfinished tickets. */
    LEAST_LOADED;

    public boolean automatic() {
        return this != MANUAL;
    }
}
