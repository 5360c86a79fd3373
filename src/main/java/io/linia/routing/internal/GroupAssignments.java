package io.linia.routing.internal;

import io.linia.routing.AssignmentMode;
import io.linia.routing.AssignmentRules;
import io.linia.routing.QueueAssignment;
import io.linia.shared.DomainException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Assignment rules: the first line's from configuration, each group's from its row. */
@Service
@Transactional(readOnly = true)
class GroupAssignments implements AssignmentRules {

    private final SupportGroupRepository groups;
    private final JdbcTemplate jdbc;
    private final QueueAssignment firstLine;
    private final long cacheNanos;
    private volatile Snapshot cached;

    /**
     * @param cacheFor how long the groups' rules read for "next ticket" are kept in memory ({@code
     *                 linia.routing.rules-cache}, 0 to read them on every call): a change made on this node
     *                 applies at once, one made on another node within this time
     */
    GroupAssignments(SupportGroupRepository groups, JdbcTemplate jdbc,
                     @Value("${linia.routing.first-line-assignment:MANUAL}") AssignmentMode firstLineMode,
                     @Value("${linia.routing.rules-cache:2s}") Duration cacheFor) {
        this.groups = groups;
        this.jdbc = jdbc;
        this.firstLine = new QueueAssignment(null, firstLineMode, false);
        this.cacheNanos = cacheFor.isNegative() ? 0 : cacheFor.toNanos();
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
        if (cacheNanos == 0) {
            return read(groupIds);
        }
        Snapshot snapshot = cached;
        long now = System.nanoTime();
        if (snapshot == null || now - snapshot.readAt() > cacheNanos || !snapshot.rules().keySet().containsAll(groupIds)) {
            snapshot = new Snapshot(now, byId(read(List.of())));
            cached = snapshot;
        }
        List<QueueAssignment> rules = new ArrayList<>(groupIds.size());
        for (Long id : new TreeSet<>(groupIds)) {
            QueueAssignment rule = snapshot.rules().get(id);
            if (rule != null) {
                rules.add(rule);
            }
        }
        return rules;
    }

    /** The rules of these groups (every group's when none is named), by id. */
    private List<QueueAssignment> read(Collection<Long> groupIds) {
        if (groupIds.isEmpty()) {
            return jdbc.query("select id, assignment_mode, certification_required from support_group order by id",
                    (rs, i) -> new QueueAssignment(rs.getLong(1), AssignmentMode.valueOf(rs.getString(2)), rs.getBoolean(3)));
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
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    cached = null;
                }
            });
        }
        cached = null;
        return rule(group);
    }

    private static Map<Long, QueueAssignment> byId(List<QueueAssignment> rules) {
        Map<Long, QueueAssignment> map = new HashMap<>();
        rules.forEach(r -> map.put(r.groupId(), r));
        return Map.copyOf(map);
    }

    /** Every group's rule as read at {@code readAt} ({@link System#nanoTime()}). */
    private record Snapshot(long readAt, Map<Long, QueueAssignment> rules) {
    }

    private static QueueAssignment rule(SupportGroup g) {
        return new QueueAssignment(g.id(), g.assignmentMode(), g.certificationRequired());
    }
}
