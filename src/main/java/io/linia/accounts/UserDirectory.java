package io.linia.accounts;

import java.util.List;
import java.util.Optional;

/** Read access to users, and the one write other modules need: a customer for an address. */
public interface UserDirectory {

    Optional<UserRef> user(long id);

    Optional<UserRef> userByLogin(String login);

    /** Staff users (anyone with a role other than customer), by name. */
    List<UserRef> staff();

    /**
     * Users holding at least one of {@code roles} (enabled or not), by name: one query, however many
     * customers there are (the workforce module reads its agents so).
     */
    List<UserRef> withAnyRole(java.util.Set<Role> roles);

    /**
     * The customer known by this e-mail address, created (without a password, so unable to sign
     * in until they register) if there is none yet.
     */
    UserRef findOrCreateCustomer(String email, String displayName);
}
