package io.linia.sla;

import io.linia.tickets.Line;
import io.linia.tickets.Priority;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which policy applies to which queue: for the first line and each active second-line group, per
 * priority, the policy a ticket without a category of its own gets (null: none — a gap), and the
 * policies for particular categories of that queue. {@code shadowedBy}: active policies that never
 * apply because an older one covers exactly the same tickets (policy id → the older one's id).
 * {@code dormant}: active policies whose group is switched off (or gone) or whose category is, so
 * they cover no new ticket.
 */
public record SlaCoverage(List<QueueCoverage> queues, Map<Long, Long> shadowedBy, Set<Long> dormant) {

    public SlaCoverage {
        queues = List.copyOf(queues);
        shadowedBy = Map.copyOf(shadowedBy);
        dormant = Set.copyOf(dormant);
    }

    /** Queue × priority cells without any policy. */
    public long gaps() {
        return queues.stream().mapToLong(QueueCoverage::gaps).sum();
    }

    /** One queue: the first line ({@code groupId} null) or a second-line group. */
    public record QueueCoverage(Line line, Long groupId, Map<Priority, Long> policyByPriority, List<Long> categoryPolicyIds) {

        public QueueCoverage {
            policyByPriority = Map.copyOf(policyByPriority);
            categoryPolicyIds = List.copyOf(categoryPolicyIds);
        }

        /** The policy for tickets of this priority (without a category policy), or null: none applies. */
        public Long policyFor(Priority priority) {
            return policyByPriority.get(priority);
        }

        public long gaps() {
            return Priority.values().length - policyByPriority.size();
        }
    }
}
