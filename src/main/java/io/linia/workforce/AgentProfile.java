package io.linia.workforce;

import io.linia.tickets.Line;
import java.util.List;
import java.util.Set;

/**
 * An agent as the roster sees them: line, groups, the groups they are certified for, their contract, and the training
 * stages that let them work another line's queue for a while ({@link TrainingPlacement}).
 */
public record AgentProfile(long userId, String name, Line line, Set<Long> groupIds, Set<Long> certifiedGroupIds,
                           Contract contract, List<TrainingPlacement> training) {

    public AgentProfile {
        groupIds = Set.copyOf(groupIds);
        certifiedGroupIds = Set.copyOf(certifiedGroupIds);
        training = training == null ? List.of() : List.copyOf(training);
    }

    /** An agent in no training stage on another line. */
    public AgentProfile(long userId, String name, Line line, Set<Long> groupIds, Set<Long> certifiedGroupIds, Contract contract) {
        this(userId, name, line, groupIds, certifiedGroupIds, contract, List.of());
    }
}
