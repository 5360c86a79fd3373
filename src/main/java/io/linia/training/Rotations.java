package io.linia.training;

import io.linia.accounts.Actor;
import io.linia.accounts.Role;
import io.linia.accounts.UserDirectory;
import io.linia.accounts.UserRef;
import io.linia.routing.GroupRef;
import io.linia.routing.RoutingDirectory;
import io.linia.shared.DomainException;
import io.linia.shared.SqlTime;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rotation rules: "after N months in a second-line group, the rotation course within M more months". Time in
 * the group counts from the group's certification in the register (the earliest that still holds); a member
 * of the group without one (moved in before training was in Linia) counts from their account's creation.
 * After a rotation the clock starts again from its completion. Who is due is listed for a day; a team lead
 * enrols all due of a rule in one action.
 */
@Service
@Transactional
public class Rotations {

    private final TrainingStore store;
    private final Enrolments enrolments;
    private final UserDirectory users;
    private final RoutingDirectory routing;
    private final TrainingProperties settings;
    private final Clock clock;

    Rotations(TrainingStore store, Enrolments enrolments, UserDirectory users, RoutingDirectory routing, TrainingProperties settings,
              Clock clock) {
        this.store = store;
        this.enrolments = enrolments;
        this.users = users;
        this.routing = routing;
        this.settings = settings;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<RotationRuleView> rules(Actor actor) {
        Access.requireStaff(actor);
        return store.jdbc().sql("select r.*, p.name programme_name from training_rotation_rule r join training_programme p on p.id = r.programme_id"
                        + " order by r.id")
                .query((rs, n) -> new RotationRuleView(rs.getLong("id"), rs.getString("name"), TrainingStore.bigint(rs, "group_id"),
                        rs.getInt("months_after"), rs.getInt("within_months"), rs.getLong("programme_id"), rs.getString("programme_name"),
                        rs.getBoolean("active"))).list();
    }

    /** Team leads and administrators set the rules; the course must be a rotation programme. */
    public RotationRuleView create(Actor actor, RotationRuleCommand c) {
        Access.requireOverseer(actor);
        if (c.name() == null || c.name().isBlank()) {
            throw DomainException.invalid("name", "training.error.required");
        }
        if (c.groupId() != null && routing.group(c.groupId()).isEmpty()) {
            throw DomainException.invalid("groupId", "training.error.noSuchGroup", c.groupId());
        }
        if (c.monthsAfter() == null || c.monthsAfter() < 1 || c.monthsAfter() > 120) {
            throw DomainException.invalid("monthsAfter", "training.error.months");
        }
        if (c.withinMonths() == null || c.withinMonths() < 1 || c.withinMonths() > 24) {
            throw DomainException.invalid("withinMonths", "training.error.months");
        }
        TrainingStore.ProgrammeRow p = c.programmeId() == null ? null : store.programme(c.programmeId()).orElse(null);
        if (p == null || p.target() != TargetKind.ROTATION) {
            throw DomainException.invalid("programmeId", "training.error.notRotation");
        }
        Map<String, Object> params = new HashMap<>();
        params.put("name", c.name().strip());
        params.put("g", c.groupId());
        params.put("after", c.monthsAfter());
        params.put("within", c.withinMonths());
        params.put("p", c.programmeId());
        params.put("at", SqlTime.at(clock.instant()));
        long id = store.insert("insert into training_rotation_rule (name, group_id, months_after, within_months, programme_id, active, created_at)"
                + " values (:name, :g, :after, :within, :p, true, :at)", params);
        return rules(actor).stream().filter(r -> r.id() == id).findFirst().orElseThrow();
    }

    public RotationRuleView setActive(Actor actor, long id, boolean active) {
        Access.requireOverseer(actor);
        int n = store.jdbc().sql("update training_rotation_rule set active = :a where id = :id").param("a", active).param("id", id).update();
        if (n == 0) {
            throw DomainException.notFound("training.error.ruleNotFound", id);
        }
        return rules(actor).stream().filter(r -> r.id() == id).findFirst().orElseThrow();
    }

    /** Who is due for rotation on {@code on} (a day in {@code linia.training.zone}), by rule; team leads, administrators, trainers. */
    @Transactional(readOnly = true)
    public List<RotationDue> due(Actor actor, LocalDate on) {
        if (!Access.oversees(actor) && !TrainingProgrammes.mayEdit(actor)) {
            throw DomainException.forbidden("training.error.leadsOnly");
        }
        List<RotationDue> out = new ArrayList<>();
        for (RotationRuleView rule : rules(actor)) {
            if (rule.active()) {
                out.addAll(dueFor(rule, on));
            }
        }
        return out;
    }

    /** A team lead enrols everybody due for the rule today in its course with this trainer; returns the enrolments. */
    public List<EnrolmentView> enrolDue(Actor actor, long ruleId, Long trainerId) {
        Access.requireLead(actor);
        RotationRuleView rule = rules(actor).stream().filter(r -> r.id() == ruleId).findFirst()
                .orElseThrow(() -> DomainException.notFound("training.error.ruleNotFound", ruleId));
        if (trainerId == null) {
            throw DomainException.invalid("trainerId", "training.error.notATrainer");
        }
        List<EnrolmentView> out = new ArrayList<>();
        for (RotationDue d : dueFor(rule, LocalDate.ofInstant(clock.instant(), settings.zone()))) {
            if (d.userId() != trainerId) {
                out.add(enrolments.enrol(actor, new EnrolmentCommand(rule.programmeId(), d.userId(), trainerId, null)));
            }
        }
        return out;
    }

    private List<RotationDue> dueFor(RotationRuleView rule, LocalDate on) {
        Instant at = on.plusDays(1).atStartOfDay(settings.zone()).toInstant();
        List<Long> groupIds = rule.groupId() != null ? List.of(rule.groupId()) : routing.activeGroups().stream().map(GroupRef::id).toList();
        Map<Long, UserRef> agents = new HashMap<>();
        users.withAnyRole(Set.of(Role.AGENT_L1, Role.AGENT_L2)).stream().filter(UserRef::enabled).forEach(u -> agents.put(u.id(), u));
        // the earliest group certification that still holds on the day, per user and group
        Map<Long, Map<Long, LocalDate>> certified = new HashMap<>();
        store.jdbc().sql("select user_id, group_id, min(granted_at) since from training_certification where target = 'GROUP'"
                        + " and granted_at < :at and (valid_until is null or valid_until >= :at) and (revoked_at is null or revoked_at >= :at)"
                        + " group by user_id, group_id").param("at", SqlTime.at(at))
                .query((java.sql.ResultSet rs) -> {
                    certified.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(rs.getLong(2),
                            LocalDate.ofInstant(SqlTime.instant(rs, "since"), settings.zone()));
                });
        // the last rotation of this course: an open one means already enrolled
        Map<Long, LocalDate> lastRotation = new HashMap<>();
        Set<Long> enrolled = new java.util.HashSet<>();
        store.jdbc().sql("select trainee_id, status, enrolled_at, completed_at from training_enrolment where programme_id = :p and status <> 'CANCELLED'")
                .param("p", rule.programmeId())
                .query((java.sql.ResultSet rs) -> {
                    if ("ACTIVE".equals(rs.getString(2))) {
                        enrolled.add(rs.getLong(1));
                    } else {
                        LocalDate done = LocalDate.ofInstant(SqlTime.instant(rs, "completed_at"), settings.zone());
                        lastRotation.merge(rs.getLong(1), done, (a, b) -> a.isAfter(b) ? a : b);
                    }
                });
        Map<Long, RotationDue> due = new LinkedHashMap<>();
        for (UserRef u : agents.values()) {
            if (enrolled.contains(u.id())) {
                continue;
            }
            for (long g : groupIds) {
                LocalDate since = certified.getOrDefault(u.id(), Map.of()).get(g);
                if (since == null && u.groupIds().contains(g)) {
                    since = LocalDate.ofInstant(u.createdAt(), settings.zone());
                }
                if (since == null || since.isAfter(on)) {
                    continue;
                }
                LocalDate last = lastRotation.get(u.id());
                LocalDate anchor = last != null && last.isAfter(since) ? last : since;
                LocalDate dueFrom = anchor.plusMonths(rule.monthsAfter());
                if (dueFrom.isAfter(on)) {
                    continue;
                }
                LocalDate dueBy = dueFrom.plusMonths(rule.withinMonths());
                RotationDue d = new RotationDue(rule.id(), u.id(), u.displayName(), g, since, last, dueFrom, dueBy, on.isAfter(dueBy));
                due.merge(u.id(), d, (a, b) -> a.dueFrom().isAfter(b.dueFrom()) ? b : a);
            }
        }
        return due.values().stream().sorted(Comparator.comparing(RotationDue::dueBy).thenComparing(RotationDue::userName)).toList();
    }
}
