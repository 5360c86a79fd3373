package io.linia.tickets.internal;

import io.linia.accounts.Actor;
import io.linia.accounts.Role;
import io.linia.tickets.Line;

/**
 * Who sees and works which tickets. First line works the first line; a second-line agent works the
 * second-line tickets of their own groups; team leads work everything; admins and trainers read
 * everything. Customers read their own tickets, without internal notes or history.
 */
public final class TicketAccess {

    private TicketAccess() {
    }

    public static boolean canAct(Actor actor, Line line, Long groupId) {
        if (actor.isSystem() || actor.has(Role.TEAM_LEAD)) {
            return true;
        }
        return switch (line) {
            case FIRST -> actor.has(Role.AGENT_L1);
            case SECOND -> actor.has(Role.AGENT_L2) && actor.memberOf(groupId);
        };
    }

    /** Sees the ticket as staff: all messages, history, actions. */
    public static boolean seesAsStaff(Actor actor, Line line, Long groupId, Long assigneeId) {
        return actor.has(Role.ADMIN) || actor.has(Role.TRAINER) || canAct(actor, line, groupId)
                || (assigneeId != null && assigneeId == actor.id() && actor.isStaff());
    }

    public static boolean seesAsCustomer(Actor actor, long customerId) {
        return actor.id() == customerId;
    }

    public static boolean sees(Actor actor, Line line, Long groupId, Long assigneeId, long customerId) {
        return seesAsStaff(actor, line, groupId, assigneeId) || seesAsCustomer(actor, customerId);
    }
}
