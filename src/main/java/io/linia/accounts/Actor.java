package io.linia.accounts;

import java.io.Serializable;
import java.util.Set;

/**
 * Who performs an action: the signed-in user, an API client, or the system itself (scheduled
 * work). Controllers receive it as a method parameter; services decide with it what is allowed.
 */
public record Actor(long id, String name, Set<Role> roles, Set<Long> groupIds) implements Serializable {

    public static final long SYSTEM_ID = 0L;

    public Actor {
        roles = Set.copyOf(roles);
        groupIds = Set.copyOf(groupIds);
    }

    public static Actor system() {
        return new Actor(SYSTEM_ID, "Linia", Set.of(), Set.of());
    }

    public boolean isSystem() {
        return id == SYSTEM_ID;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean isStaff() {
        return roles.stream().anyMatch(Role::isStaff);
    }

    public boolean isCustomerOnly() {
        return !isStaff() && has(Role.CUSTOMER);
    }

    public boolean memberOf(Long groupId) {
        return groupId != null && groupIds.contains(groupId);
    }
}
