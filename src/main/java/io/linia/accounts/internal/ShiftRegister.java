package io.linia.accounts.internal;

import io.linia.accounts.Actor;
import io.linia.accounts.AgentShifts;
import io.linia.accounts.Role;
import io.linia.accounts.ShiftChanged;
import io.linia.accounts.UserRef;
import io.linia.routing.RoutingDirectory;
import io.linia.shared.DomainException;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The on-shift flag and certifications, kept on the user. */
@Service
@Transactional(readOnly = true)
class ShiftRegister implements AgentShifts {

    private final UserRepository users;
    private final RoutingDirectory routing;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ShiftRegister(UserRepository users, RoutingDirectory routing, ApplicationEventPublisher events, Clock clock) {
        this.users = users;
        this.routing = routing;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public boolean onShift(long userId) {
        return users.findOnShiftById(userId).orElse(false);
    }

    @Override
    public Set<Long> onShiftAmong(java.util.Collection<Long> userIds) {
        if (userIds == null || userIds.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(users.findIdsOnShiftAmong(userIds));
    }

    @Override
    @Transactional
    public void changeShift(Actor by, long userId, boolean onShift) {
        boolean self = by.id() == userId && by.isStaff();
        if (!self && !by.has(Role.TEAM_LEAD) && !by.has(Role.ADMIN)) {
            throw DomainException.forbidden("linia.error.forbidden");
        }
        User user = users.findById(userId).orElseThrow(() -> DomainException.notFound("linia.error.userNotFound", userId));
        UserRef ref = user.toRef();
        if (!ref.toActor().isStaff()) {
            throw DomainException.invalid("userId", "assignment.error.notStaff");
        }
        if (user.changeShift(onShift)) {
            events.publishEvent(new ShiftChanged(userId, ref.displayName(), onShift, by.id(), clock.instant(),
                    self ? ShiftChanged.Source.AGENT : ShiftChanged.Source.LEAD));
        }
    }

    @Override
    @Transactional
    public boolean followSchedule(long userId, boolean onShift) {
        User user = users.findById(userId).orElse(null);
        if (user == null) {
            return false;
        }
        UserRef ref = user.toRef();
        // going off shift is always followed (a disabled agent's tickets still go back to the queue)
        if (onShift && (!ref.enabled() || !ref.toActor().isStaff())) {
            return false;
        }
        if (!user.changeShift(onShift)) {
            return false;
        }
        events.publishEvent(new ShiftChanged(userId, ref.displayName(), onShift, Actor.SYSTEM_ID, clock.instant(),
                ShiftChanged.Source.SCHEDULE));
        return true;
    }

    @Override
    public Set<Long> certifiedGroups(long userId) {
        return Set.copyOf(users.findCertifiedGroupIds(userId));
    }

    @Override
    public java.util.Map<Long, Set<Long>> certifiedGroups(java.util.Collection<Long> userIds) {
        if (userIds == null || userIds.isEmpty()) {
            return java.util.Map.of();
        }
        java.util.Map<Long, Set<Long>> byUser = new java.util.HashMap<>();
        for (Object[] row : users.findCertifications(userIds)) {
            byUser.computeIfAbsent(((Number) row[0]).longValue(), k -> new java.util.HashSet<>()).add(((Number) row[1]).longValue());
        }
        byUser.replaceAll((k, v) -> Set.copyOf(v));
        return java.util.Map.copyOf(byUser);
    }

    @Override
    @Transactional
    public void certify(long userId, Set<Long> groupIds) {
        User user = users.findById(userId).orElseThrow(() -> DomainException.notFound("linia.error.userNotFound", userId));
        Set<Long> ids = groupIds == null ? Set.of() : groupIds;
        for (Long groupId : ids) {
            if (groupId == null || routing.group(groupId).isEmpty()) {
                throw DomainException.invalid("certifiedGroupIds", "linia.error.groupNotFound", groupId);
            }
        }
        user.certify(ids);
    }

    @Override
    public List<UserRef> onShift(Role role, Long groupId, boolean certificationRequired) {
        List<Long> ids = groupId == null ? users.findIdsOnShift(role)
                : users.findIdsOnShiftInGroup(role, groupId, certificationRequired);
        if (ids.isEmpty()) {
            return List.of();
        }
        return users.findAllById(ids).stream().map(User::toRef)
                .sorted(java.util.Comparator.comparingLong(UserRef::id)).toList();
    }
}
