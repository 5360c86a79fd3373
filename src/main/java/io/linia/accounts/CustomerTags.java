package io.linia.accounts;

import java.util.SortedSet;

/**
 * Tags on customers ("vip", "юрлицо", "партнёр"): staff put them on and take them off (usually from
 * a ticket's page), automation rules and agents read them. Stored as {@link io.linia.shared.Tags} says.
 */
public interface CustomerTags {

    /** The customer's tags (empty for an unknown id). */
    SortedSet<String> tags(long userId);

    /** The customer's tags as staff read them: refused for others, not found for an unknown id. */
    SortedSet<String> tags(Actor actor, long userId);

    /** Staff only; refused for an unknown user or a bad tag. Returns the tags after the change. */
    SortedSet<String> add(Actor actor, long userId, String tag);

    SortedSet<String> remove(Actor actor, long userId, String tag);
}
