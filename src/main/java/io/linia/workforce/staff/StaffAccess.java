package io.linia.workforce.staff;

import io.linia.accounts.Actor;
import io.linia.accounts.Role;
import io.linia.shared.DomainException;
import io.linia.tickets.Line;
import java.util.EnumSet;
import java.util.Set;

/**
 * Who may do what with the workforce data. Agents (first or second line) enter their own availability
 * and read their own profile; team leads and administrators run the planning: they open periods,
 * edit anyone's availability (also after the deadline), set contracts and edit shift templates.
 */
public final class StaffAccess {

    /** The roles that make a user an agent of the shift desk. */
    public static final Set<Role> AGENT_ROLES = EnumSet.of(Role.AGENT_L1, Role.AGENT_L2);

    private StaffAccess() {
    }

    /** Team leads and administrators plan shifts. */
    public static boolean plans(Actor actor) {
        return actor.has(Role.TEAM_LEAD) || actor.has(Role.ADMIN);
    }

    public static boolean isAgent(Set<Role> roles) {
        return roles.stream().anyMatch(AGENT_ROLES::contains);
    }

    /** Second line when the user holds that role (an L2 agent may also help on the first line, never the reverse). */
    public static Line lineOf(Set<Role> roles) {
        return roles.contains(Role.AGENT_L2) ? Line.SECOND : Line.FIRST;
    }

    public static void requirePlanner(Actor actor) {
        if (!plans(actor)) {
            throw DomainException.forbidden("wfstaff.error.planners");
        }
    }

    /** The agent themselves, or a planner. */
    public static void requireSelfOrPlanner(Actor actor, long userId) {
        if (actor.id() != userId && !plans(actor)) {
            throw DomainException.forbidden("wfstaff.error.ownOnly");
        }
    }

    public static void requireStaff(Actor actor) {
        if (!actor.isStaff()) {
            throw DomainException.forbidden("linia.error.forbidden");
        }
    }
}
