package io.linia.quality;

import java.util.List;

/**
 * An agent's measures next to their group's over one period: the totals and week by week (the same weeks on both
 * sides). {@code groupId} is the group compared with (0 = the agents without a group).
 */
public record GroupComparison(long agentId, long groupId, Measures agent, Measures group, List<WeekMeasures> agentWeeks,
                              List<WeekMeasures> groupWeeks) {
}
