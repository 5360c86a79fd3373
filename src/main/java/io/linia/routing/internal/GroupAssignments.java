package io.linia.routing.internal;

import io.linia.routing.AssignmentMode;
import io.linia.routing.AssignmentRules;
import io.linia.routing.QueueAssignment;
import io.linia.shared.DomainException;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Assignment rules: the first line's from configuration, each group's from its row. */
@Service
@Transactional(readOnly = true)
class GroupAssignments implements AssignmentRules {

    private final SupportGroupRepository groups;
    private final JdbcTemplate jdbc;
    private final QueueAssignment firstLine;

    GroupAssignments(SupportGroupRepository groups, JdbcTemplate jdbc,
                     @Value("${linia.routing.first-line-assignment:MANUAL}") AssignmentMode firstLineMode) {
        this.groups = groups;
        this.jdbc = jdbc;
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

    /**
     * Plain JDBC: the JPQL projection cost a quarter of a "next ticket" call's CPU (query object, plan
     * lookup, parameter expansion on every call; bench/README.md), this a few microseconds.
     */
    @Override
    public List<QueueAssignment> groups(Collection<Long> groupIds) {
        if (groupIds.isEmpty()) {
            return List.of();
        }
        String marks = String.join(", ", Collections.nCopies(groupIds.size(), "?"));
        return jdbc.query("select id, assignment_mode, certification_required from support_group where id in ("
                        + marks + ") order by id",
                (rs, i) -> new QueueAssignment(rs.getLong(1), AssignmentMode.valueOf(rs.getString(2)), rs.getBoolean(3)),
                groupIds.toArray());
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
