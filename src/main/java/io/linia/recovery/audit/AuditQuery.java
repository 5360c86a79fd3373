package io.linia.recovery.audit;

import java.time.Instant;

/**
 * A reading of the audit log: every filter optional (null: any), combined with AND. {@code from} is inclusive,
 * {@code to} exclusive. Pages are newest first and follow each other by keyset: {@code cursor} is the
 * {@link AuditPage#nextCursor()} of the page before (null for the first page), {@code limit} the page size
 * (1–{@value #MAX_LIMIT}).
 */
public record AuditQuery(String mailbox, Long actorId, AuditAction action, Instant from, Instant to, Long requestId,
                         String cursor, int limit) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    /** The newest entries, no filter. */
    public static AuditQuery newest(int limit) {
        return new AuditQuery(null, null, null, null, null, null, null, limit);
    }

    public AuditQuery mailbox(String value) {
        return new AuditQuery(value, actorId, action, from, to, requestId, cursor, limit);
    }

    public AuditQuery actorId(Long value) {
        return new AuditQuery(mailbox, value, action, from, to, requestId, cursor, limit);
    }

    public AuditQuery action(AuditAction value) {
        return new AuditQuery(mailbox, actorId, value, from, to, requestId, cursor, limit);
    }

    public AuditQuery between(Instant fromInclusive, Instant toExclusive) {
        return new AuditQuery(mailbox, actorId, action, fromInclusive, toExclusive, requestId, cursor, limit);
    }

    public AuditQuery requestId(Long value) {
        return new AuditQuery(mailbox, actorId, action, from, to, value, cursor, limit);
    }

    /** The page after the one that returned this cursor. */
    public AuditQuery after(String value) {
        return new AuditQuery(mailbox, actorId, action, from, to, requestId, value, limit);
    }

    public AuditQuery limit(int value) {
        return new AuditQuery(mailbox, actorId, action, from, to, requestId, cursor, value);
    }
}
