package io.linia.accounts.internal;

import io.linia.accounts.Actor;
import io.linia.accounts.Role;
import io.linia.accounts.UserRef;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The signed-in user kept in the session (or built per API request); the hash is erased after sign-in. */
final class LiniaPrincipal implements UserDetails, CredentialsContainer {

    private final Actor actor;
    private final String login;
    private final String locale;
    private final boolean enabled;
    private String passwordHash;

    private LiniaPrincipal(Actor actor, String login, String locale, String passwordHash, boolean enabled) {
        this.actor = actor;
        this.login = login;
        this.locale = locale;
        this.passwordHash = passwordHash;
        this.enabled = enabled;
    }

    static LiniaPrincipal of(UserRef user, String passwordHash) {
        return new LiniaPrincipal(user.toActor(), user.login(), user.locale(), passwordHash, user.enabled());
    }

    Actor actor() {
        return actor;
    }

    String locale() {
        return locale;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        List<SimpleGrantedAuthority> authorities = actor.roles().stream().map(Role::authority)
                .map(SimpleGrantedAuthority::new).toList();
        return authorities;
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return login;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }
}
