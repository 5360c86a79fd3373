package io.linia.automation;

import io.linia.accounts.Actor;
import io.linia.accounts.Role;
import java.util.List;

/**
 * Automation rules: admins create, change, reorder and delete them (each checked whole when saved; a
 * problem is refused naming its field, nothing saved); team leads read them and their run logs.
 */
public interface AutomationRules {

    List<RuleView> list(Actor actor);

    RuleView get(Actor actor, long id);

    RuleView create(Actor actor, RuleCommand command);

    /** Send the version you read; a stale one is refused (409). */
    RuleView update(Actor actor, long id, RuleCommand command);

    void delete(Actor actor, long id, Long version);

    /** The latest runs of a rule (applied and failed), newest first. */
    List<RuleRunView> runs(Actor actor, long id, boolean failedOnly, int limit);

    /** Runs every idle rule now (admins; it also runs every {@code linia.automation.idle-check-every}). */
    int runIdleRulesNow(Actor actor);

    static boolean canEdit(Actor actor) {
        return actor != null && actor.has(Role.ADMIN);
    }

    static boolean canRead(Actor actor) {
        return actor != null && (actor.has(Role.ADMIN) || actor.has(Role.TEAM_LEAD));
    }
}
