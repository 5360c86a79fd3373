package io.linia.accounts.internal;

import io.linia.accounts.Actor;
import io.linia.accounts.CustomerTags;
import io.linia.shared.DomainException;
import io.linia.shared.Tags;
import java.util.SortedSet;
import java.util.TreeSet;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional
class CustomerTagging implements CustomerTags {

    private final UserRepository users;

    CustomerTagging(UserRepository users) {
        this.users = users;
    }

    @Override
    @Transactional(readOnly = true)
    public SortedSet<String> tags(long userId) {
        return new TreeSet<>(users.findTags(userId));
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
        return new TreeSet<>(user.tags());
    }

    @Override
    public SortedSet<String> remove(Actor actor, long userId, String tag) {
        User user = forStaff(actor, userId);
        Tags.normalise(tag).ifPresent(user::untag);
        return new TreeSet<>(user.tags());
    }

    private User forStaff(Actor actor, long userId) {
        if (actor == null || !actor.isStaff()) {
            throw DomainException.forbidden("linia.refusal.staffOnly");
        }
        return users.findById(userId).orElseThrow(() -> DomainException.notFound("linia.error.userNotFound", userId));
    }
}
