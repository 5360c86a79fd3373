package io.linia.training;

import io.linia.accounts.Actor;
import io.linia.accounts.Role;
import io.linia.shared.DomainException;

/** Who may do what in training, named once. */
final class Access {

    private Access() {
    }

    static void requireStaff(Actor actor) {
        if (actor == null || !actor.isStaff()) {
            throw DomainException.forbidden("training.error.staffOnly");
        }
    }

    /** Team leads and administrators oversee all trainees. */
    static boolean oversees(Actor actor) {
        return actor != null && (actor.has(Role.TEAM_LEAD) || actor.has(Role.ADMIN));
    }

    static void requireLead(Actor actor) {
        if (actor == null || !actor.has(Role.TEAM_LEAD)) {
            throw DomainException.forbidden("training.error.leadsOnly");
        }
    }

    static void requireOverseer(Actor actor) {
        if (!oversees(actor)) {
            throw DomainException.forbidden("training.error.leadsOnly");
        }
    }
}
