package io.linia.accounts.internal;

import io.linia.accounts.Actor;
import io.linia.accounts.CustomerTags;
import io.linia.shared.DomainException;
import io.linia.shared.Tags;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Customers' tags. Automation rules ask for a new ticket's customer's tags on every creation, so the
 * tags of all tagged customers (a desk tags few: VIPs, partners) are held in memory and read again every
 * {@code linia.accounts.customer-tags-reload} (30 s) — at once on this node after a change. Beyond
 * {@link #CACHE_LIMIT} tag rows the memory copy is dropped and each question goes to the database.
 */
@Service
@Transactional
class CustomerTagging implements CustomerTags {

    static final int CACHE_LIMIT = 200_000;

    private record Snapshot(Instant loadedAt, Map<Long, SortedSet<String>> byUser) {
    }

    private final UserRepository users;
    private final Clock clock;
    private final Duration reload;
    private volatile Snapshot snapshot;
    private volatile boolean tooMany;

    CustomerTagging(UserRepository users, Clock clock,
                    @Value("${linia.accounts.customer-tags-reload:PT30S}") Duration reload) {
        this.users = users;
        this.clock = clock;
        this.reload = reload;
    }

    @Override
    @Transactional(readOnly = true)
    public SortedSet<String> tags(long userId) {
        if (tooMany) {
            return new TreeSet<>(users.findTags(userId));
        }
        Snapshot s = snapshot;
        if (s == null || s.loadedAt().plus(reload).isBefore(clock.instant())) {
            s = load();
            if (s == null) {
                return new TreeSet<>(users.findTags(userId));
            }
        }
        return s.byUser().getOrDefault(userId, Collections.emptySortedSet());
    }

    @Override
    @Transactional(readOnly = true)
    public SortedSet<String> tags(Actor actor, long userId) {
        return new TreeSet<>(forStaff(actor, userId).tags());
    }

    @Override
    public SortedSet<String> add(Actor actor, long userId, String tag) {
        User user = forStaff(actor, userId);
        user.tag(Tags.require("tag", tag));
        forgetAfterCommit();
        return new TreeSet<>(user.tags());
    }

    @Override
    public SortedSet<String> remove(Actor actor, long userId, String tag) {
        User user = forStaff(actor, userId);
        Tags.normalise(tag).ifPresent(user::untag);
        forgetAfterCommit();
        return new TreeSet<>(user.tags());
    }

    /** The memory copy is dropped now and again once the change is committed (a reload meanwhile saw the old tags). */
    private void forgetAfterCommit() {
        snapshot = null;
        if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
            org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                    new org.springframework.transaction.support.TransactionSynchronization() {
                        @Override
                        public void afterCommit() {
                            snapshot = null;
                        }
                    });
        }
    }

    private Snapshot load() {
        List<UserRepository.UserTag> rows = users.findAllTags(Limit.of(CACHE_LIMIT + 1));
        if (rows.size() > CACHE_LIMIT) {
            tooMany = true;
            snapshot = null;
            return null;
        }
        Map<Long, SortedSet<String>> byUser = new HashMap<>();
        for (UserRepository.UserTag row : rows) {
            byUser.computeIfAbsent(row.getUserId(), k -> new TreeSet<>()).add(row.getTag());
        }
        byUser.replaceAll((k, v) -> Collections.unmodifiableSortedSet(v));
        Snapshot s = new Snapshot(clock.instant(), byUser);
        snapshot = s;
        return s;
    }

    private User forStaff(Actor actor, long userId) {
        if (actor == null || !actor.isStaff()) {
            throw DomainException.forbidden("linia.refusal.staffOnly");
        }
        return users.findById(userId).orElseThrow(() -> DomainException.notFound("linia.error.userNotFound", userId));
    }
}
