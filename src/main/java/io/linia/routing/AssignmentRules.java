package io.linia.routing;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** How the queues assign tickets: read by the tickets module, changed by administrators. */
public interface AssignmentRules {

    /** The first line: "next ticket" unless {@code linia.routing.first-line-assignment} says otherwise. */
    QueueAssignment firstLine();

    /** A second-line group's rule; empty when there is no such group. */
    Optional<QueueAssignment> group(long groupId);

    /** The rules of those of the groups that exist, by group id, read together ("next ticket" asks on every call). */
    List<QueueAssignment> groups(Collection<Long> groupIds);

    /** An administrator sets a group's mode and whether it requires certification. */
    QueueAssignment configure(long groupId, AssignmentMode mode, boolean certificationRequired);
}
