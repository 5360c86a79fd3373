package io.linia.accounts;

import java.util.List;

/** Changes to users and their tokens. */
public interface UserAdministration {

    List<UserRef> users();

    UserRef createUser(UserCommand command);

    UserRef updateUser(long id, UserCommand command);

    /** A customer account from the portal's sign-up form (or the password set on an address that wrote before). */
    UserRef register(Registration registration);

    void changeLocale(long userId, String locale);

    IssuedToken issueToken(long userId, String name);

    List<ApiTokenRef> tokens(long userId);

    void revokeToken(long userId, long tokenId);
}
