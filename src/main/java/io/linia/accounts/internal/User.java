package io.linia.accounts.internal;

import io.linia.accounts.Role;
import io.linia.accounts.UserRef;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

@Entity
@Table(name = "app_user")
class User {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "app_user_seq")
    @SequenceGenerator(name = "app_user_seq", sequenceName = "app_user_seq", allocationSize = 50)
    private Long id;
    private String login;
    private String email;
    private String displayName;
    private String passwordHash;
    private String locale;
    private boolean enabled;
    private Instant createdAt;
    /** On shift now: set by the agent or a lead until the workforce module reads it from the roster. */
    private boolean onShift;
    @Version
    private long version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "app_user_role", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "role")
    @Enumerated(EnumType.STRING)
    private Set<Role> roles = new HashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "app_user_group", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "group_id")
    private Set<Long> groupIds = new HashSet<>();

    /** Groups whose certification the user holds (read only when assigning, hence lazy). */
    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "app_user_certification", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "group_id")
    private Set<Long> certifiedGroupIds = new HashSet<>();

    /** Tags staff put on a customer (e.g. "vip"), for automation rules and for what agents see beside the name. */
    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "app_user_tag", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "tag")
    @org.hibernate.annotations.SortNatural
    private java.util.SortedSet<String> tags = new java.util.TreeSet<>();

    protected User() {
    }

    java.util.SortedSet<String> tags() { return java.util.Collections.unmodifiableSortedSet(tags); }

    boolean tag(String tag) { return tags.add(tag); }

    boolean untag(String tag) { return tags.remove(tag); }

    User(String login, String email, String displayName, String passwordHash, Set<Role> roles, Instant now) {
        this.login = normalise(login);
        this.email = normalise(email);
        this.displayName = displayName.strip();
        this.passwordHash = passwordHash;
        this.locale = "ru";
        this.enabled = true;
        this.createdAt = now;
        this.roles = roles.isEmpty() ? new HashSet<>() : EnumSet.copyOf(roles);
    }

    static String normalise(String loginOrEmail) {
        return loginOrEmail.strip().toLowerCase(Locale.ROOT);
    }

    void update(String login, String email, String displayName, Set<Role> roles, Set<Long> groupIds, String locale, boolean enabled) {
        this.login = normalise(login);
        this.email = normalise(email);
        this.displayName = displayName.strip();
        this.roles.clear();
        this.roles.addAll(roles);
        this.groupIds.clear();
        this.groupIds.addAll(groupIds);
        this.locale = locale;
        this.enabled = enabled;
    }

    void changePassword(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    void changeLocale(String locale) {
        this.locale = locale;
    }

    void grant(Role role) {
        roles.add(role);
    }

    /** Returns whether the flag changed. */
    boolean changeShift(boolean onShift) {
        boolean changed = this.onShift != onShift;
        this.onShift = onShift;
        return changed;
    }

    void certify(Set<Long> groupIds) {
        certifiedGroupIds.clear();
        certifiedGroupIds.addAll(groupIds);
    }

    boolean onShift() { return onShift; }

    Set<Long> certifiedGroupIds() { return Set.copyOf(certifiedGroupIds); }

    void rename(String displayName) {
        this.displayName = displayName.strip();
    }

    Long id() { return id; }

    String login() { return login; }

    String passwordHash() { return passwordHash; }

    boolean enabled() { return enabled; }

    boolean hasPassword() { return passwordHash != null; }

    UserRef toRef() {
        return new UserRef(id, login, email, displayName, Set.copyOf(roles), Set.copyOf(groupIds), locale, enabled,
                passwordHash != null, createdAt);
    }
}
