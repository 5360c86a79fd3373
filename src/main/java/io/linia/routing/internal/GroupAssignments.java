package io.linia.routing.internal;

import io.linia.routing.AssignmentMode;
import io.linia.routing.AssignmentRules;
import io.linia.routing.QueueAssignment;
import io.linia.shared.DomainException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Assignment rules: the first line's from configuration, each group's from its row. */
@Service
@Transactional(readOnly = true)
class GroupAssignments implements AssignmentRules {

    private final SupportGroupRepository groups;
    private final QueueAssignment firstLine;

    GroupAssignments(SupportGroupRepository groups,
                     @Value("${linia.routing.first-line-assignment:MANUAL}") AssignmentMode firstLineMode) {
        this.groups = groups;
        this.firstLine = new QueueAssignment(null, firstLineMode, false);
    }

    @Override
    public QueueAssignment firstLine() {
        return firstLine;
    }

    @Override
    public Optional<QueueAssignment> group(long groupId) {
        return groups.findById(groupId).map(GroupAssignments::rule);
    }

    @Override
    public List<QueueAssignment> groups(Collection<Long> groupIds) {
        return groupIds.isEmpty() ? List.of() : groups.rules(groupIds);
    }

    @Override
    @Transactional
    public QueueAssignment configure(long groupId, AssignmentMode mode, boolean certificationRequired) {
        if (mode == null) {
            throw DomainException.invalid("mode", "linia.validation.required");
        }
        SupportGroup group = groups.findById(groupId)
                .orElseThrow(() -> DomainException.notFound("linia.error.groupNotFound", groupId));
        group.configureAssignment(mode, certificationRequired);
        return rule(group);
    }

    private static QueueAssignment rule(SupportGroup g) {
        return new QueueAssignment(g.id(), g.assignmentMode(), g.certificationRequired());
    }
}
