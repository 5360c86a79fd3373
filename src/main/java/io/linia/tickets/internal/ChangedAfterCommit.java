package io.linia.tickets.internal;

import java.util.HashSet;
import java.util.Set;

/**
 * Tickets changed by Linia's own after-commit work (automation rules) in this thread while a command's
 * answer was on its way: the command answers with the ticket as it is now, not as it was at its commit,
 * so that the version a client holds is the current one.
 */
public final class ChangedAfterCommit {

    private static final ThreadLocal<Set<Long>> WATCHED = new ThreadLocal<>();

    private ChangedAfterCommit() {
    }

    /** Starts watching in this thread; returns false when a watch is already running (nested call). */
    public static boolean watch() {
        if (WATCHED.get() != null) {
            return false;
        }
        WATCHED.set(new HashSet<>());
        return true;
    }

    /** Ends the watch; whether {@code ticketId} was changed during it. */
    public static boolean end(long ticketId) {
        Set<Long> changed = WATCHED.get();
        WATCHED.remove();
        return changed != null && changed.contains(ticketId);
    }

    public static void changed(long ticketId) {
        Set<Long> changed = WATCHED.get();
        if (changed != null) {
            changed.add(ticketId);
        }
    }
}
