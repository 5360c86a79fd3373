package io.linia.workforce;

import io.linia.tickets.Line;
import java.util.Set;

/** An agent as the roster sees them: line, groups, the groups they are certified for, and their contract. */
public record AgentProfile(long userId, String name, Line line, Set<Long> groupIds, Set<Long> certifiedGroupIds,
                           Contract contract) {

    public AgentProfile {
        groupIds = Set.copyOf(groupIds);
        certifiedGroupIds = Set.copyOf(certifiedGroupIds);
    }
}
