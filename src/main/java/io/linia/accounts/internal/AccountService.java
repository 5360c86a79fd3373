package io.linia.accounts.internal;

import io.linia.accounts.ApiTokenRef;
import io.linia.accounts.IssuedToken;
import io.linia.accounts.Registration;
import io.linia.accounts.Role;
import io.linia.accounts.UserAdministration;
import io.linia.accounts.UserCommand;
import io.linia.accounts.UserDirectory;
import io.linia.accounts.UserRef;
import io.linia.routing.RoutingDirectory;
import io.linia.shared.DomainException;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
class AccountService implements UserDirectory, UserAdministration, UserDetailsService {

    private static final Set<Role> STAFF_ROLES = java.util.Collections.unmodifiableSet(
            EnumSet.copyOf(java.util.Arrays.stream(Role.values()).filter(Role::isStaff).toList()));

    private final UserRepository users;
    private final ApiTokenRepository tokens;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;
    private final RoutingDirectory routing;
    private final TokenPrincipalCache tokenCache;

    AccountService(UserRepository users, ApiTokenRepository tokens, PasswordEncoder passwordEncoder, Clock clock,
                   RoutingDirectory routing, TokenPrincipalCache tokenCache) {
        this.tokenCache = tokenCache;
        this.routing = routing;
        this.users = users;
        this.tokens = tokens;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
    }

    // --- sign-in

    @Override
    public UserDetails loadUserByUsername(String username) {
        String key = User.normalise(username);
        User user = users.findByLogin(key).or(() -> users.findByEmail(key))
                .filter(User::hasPassword)
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
        return LiniaPrincipal.of(user.toRef(), user.passwordHash());
    }

    record TokenPrincipal(long tokenId, LiniaPrincipal principal) {
    }

    /** The token with this digest and its user's principal, if the token exists and the user may sign in. */
    @Transactional
    public Optional<TokenPrincipal> tokenPrincipal(String digest) {
        return tokens.findByDigest(digest).flatMap(token -> {
            token.touch(clock.instant());
            return users.findById(token.userId()).filter(User::enabled)
                    .map(u -> new TokenPrincipal(token.id(), LiniaPrincipal.of(u.toRef(), null)));
        });
    }

    // --- directory

    @Override
    public Optional<UserRef> user(long id) {
        return users.findWithCollectionsById(id).map(User::toRef);
    }

    @Override
    public Optional<UserRef> userByLogin(String login) {
        return users.findByLogin(User.normalise(login)).map(User::toRef);
    }

    @Override
    public List<UserRef> staff() {
        // by role in the database: the customers (most of the users) are never loaded
        return withAnyRole(STAFF_ROLES);
    }

    @Override
    public List<UserRef> withAnyRole(Set<Role> roles) {
        if (roles == null || roles.isEmpty()) {
            return List.of();
        }
        return users.findWithAnyRole(roles).stream().map(User::toRef).toList();
    }

    @Override
    @Transactional
    public UserRef findOrCreateCustomer(String email, String displayName) {
        String address = User.normalise(email);
        return users.findWithCollectionsByEmail(address).map(User::toRef).orElseGet(() -> {
            String name = displayName == null || displayName.isBlank() ? address : displayName;
            // written at once: the caller's rows that name this customer (a ticket) follow in the same transaction,
            // and batched inserts are grouped by table, not by who refers to whom
            return users.saveAndFlush(new User(address, address, name, null, Set.of(Role.CUSTOMER), clock.instant())).toRef();
        });
    }

    // --- administration

    @Override
    public List<UserRef> users() {
        return users.findAllByOrderByDisplayName().stream().map(User::toRef).toList();
    }

    @Override
    @Transactional
    public UserRef createUser(UserCommand command) {
        requireFree(command.login(), command.email(), null);
        if (command.password() == null || command.password().length() < 8) {
            throw DomainException.invalid("password", "linia.validation.passwordLength");
        }
        User user = new User(command.login(), command.email(), command.displayName(),
                passwordEncoder.encode(command.password()), command.roles(), clock.instant());
        user.update(command.login(), command.email(), command.displayName(), command.roles(), groupsOf(command),
                localeOf(command), command.enabled());
        return users.save(user).toRef();
    }

    @Override
    @Transactional
    public UserRef updateUser(long id, UserCommand command) {
        User user = users.findById(id).orElseThrow(() -> DomainException.notFound("linia.error.userNotFound", id));
        requireFree(command.login(), command.email(), id);
        if (command.password() != null && !command.password().isEmpty()) {
            if (command.password().length() < 8) {
                throw DomainException.invalid("password", "linia.validation.passwordLength");
            }
            user.changePassword(passwordEncoder.encode(command.password()));
        }
        user.update(command.login(), command.email(), command.displayName(), command.roles(), groupsOf(command),
                localeOf(command), command.enabled());
        tokenCache.evictUser(id);
        return users.saveAndFlush(user).toRef();
    }

    @Override
    @Transactional
    public UserRef register(Registration registration) {
        if (!registration.password().equals(registration.passwordRepeat())) {
            throw DomainException.invalid("passwordRepeat", "linia.validation.passwordMismatch");
        }
        String address = User.normalise(registration.email());
        Optional<User> existing = users.findByEmail(address).or(() -> users.findByLogin(address));
        if (existing.isPresent()) {
            User user = existing.get();
            // An address that wrote to support before has an account without a password: let its owner claim it.
            if (user.hasPassword() || !user.toRef().roles().equals(EnumSet.of(Role.CUSTOMER))) {
                throw DomainException.invalid("email", "linia.validation.emailTaken");
            }
            user.changePassword(passwordEncoder.encode(registration.password()));
            user.rename(registration.displayName());
            return user.toRef();
        }
        User user = new User(address, address, registration.displayName(),
                passwordEncoder.encode(registration.password()), Set.of(Role.CUSTOMER), clock.instant());
        return users.save(user).toRef();
    }

    @Override
    @Transactional
    public void changeLocale(long userId, String locale) {
        if (!"ru".equals(locale) && !"en".equals(locale)) {
            throw DomainException.invalid("locale", "linia.validation.locale");
        }
        users.findById(userId).ifPresent(u -> u.changeLocale(locale));
        tokenCache.evictUser(userId);
    }

    @Override
    @Transactional
    public IssuedToken issueToken(long userId, String name) {
        if (name == null || name.isBlank() || name.length() > 80) {
            throw DomainException.invalid("name", "linia.validation.tokenName");
        }
        users.findById(userId).orElseThrow(() -> DomainException.notFound("linia.error.userNotFound", userId));
        String secret = TokenDigest.newSecret();
        ApiToken token = tokens.save(new ApiToken(userId, name.strip(), TokenDigest.of(secret), clock.instant()));
        return new IssuedToken(token.toRef(), secret);
    }

    @Override
    public List<ApiTokenRef> tokens(long userId) {
        return tokens.findByUserIdOrderByCreatedAtDesc(userId).stream().map(ApiToken::toRef).toList();
    }

    @Override
    @Transactional
    public void revokeToken(long userId, long tokenId) {
        tokens.findById(tokenId).filter(t -> t.userId() == userId).ifPresentOrElse(tokens::delete,
                () -> { throw DomainException.notFound("linia.error.tokenNotFound", tokenId); });
        tokenCache.evictToken(tokenId);
    }

    private void requireFree(String login, String email, Long ownId) {
        users.findByLogin(User.normalise(login)).filter(u -> !u.id().equals(ownId))
                .ifPresent(u -> { throw DomainException.invalid("login", "linia.validation.loginTaken"); });
        users.findByEmail(User.normalise(email)).filter(u -> !u.id().equals(ownId))
                .ifPresent(u -> { throw DomainException.invalid("email", "linia.validation.emailTaken"); });
    }

    private Set<Long> groupsOf(UserCommand command) {
        Set<Long> groupIds = command.groupIds() == null ? Set.of() : command.groupIds();
        for (Long groupId : groupIds) {
            if (groupId == null || routing.group(groupId).isEmpty()) {
                throw DomainException.invalid("groupIds", "linia.error.groupNotFound", groupId);
            }
        }
        return groupIds;
    }

    private static String localeOf(UserCommand command) {
        return command.locale() == null ? "ru" : command.locale();
    }
}
