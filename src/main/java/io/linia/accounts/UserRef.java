package io.linia.accounts;

import java.time.Instant;
import java.util.Set;

/** A user as other modules and pages see it (never the password hash). */
public record UserRef(long id, String login, String email, String displayName, Set<Role> roles, Set<Long> groupIds,
                      String locale, boolean enabled, boolean canSignIn, Instant createdAt) {

    public Actor toActor() {
        return new Actor(id, displayName, roles, groupIds);
    }
}
