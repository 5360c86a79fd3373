package io.linia.workforce;

/**
 * Agents needed for a {@link StaffingTarget}.
 *
 * @param agents      on the queue at the same time: the fewest that meet the service level, at least 1 when tickets arrive
 * @param scheduled   to put on the roster so that {@code agents} are on the queue after shrinkage: ⌈agents / (1 − shrinkage)⌉
 * @param performance the queue with {@code agents} on it
 */
public record StaffingNeed(int agents, int scheduled, QueuePerformance performance) {
}
