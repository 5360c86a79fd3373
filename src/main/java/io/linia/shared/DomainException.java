package io.linia.shared;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A refusal the user can understand: a message key (resolved in messages*.properties) with its
 * arguments, and the kind of refusal, which decides the HTTP status.
 */
public class DomainException extends RuntimeException {

    /** TOO_MANY_REQUESTS: a limit on how often something may be done was reached; {@link #retryAfter()} says for how long. */
    public enum Kind { INVALID_INPUT, NOT_FOUND, FORBIDDEN, CONFLICT, TOO_MANY_REQUESTS }

    private final Kind kind;
    private final String messageKey;
    private final transient List<Object> args;
    private final String field;
    private final Map<String, Object> properties = new LinkedHashMap<>();
    private Duration retryAfter;

    public DomainException(Kind kind, String field, String messageKey, Object... args) {
        // a refusal is an expected answer, not a fault: no stack trace to fill (it is on the hot path)
        super(messageKey + (field == null ? "" : " [" + field + "]"), null, false, false);
        this.kind = kind;
        this.field = field;
        this.messageKey = messageKey;
        this.args = List.of(args);
    }

    public static DomainException invalid(String field, String messageKey, Object... args) {
        return new DomainException(Kind.INVALID_INPUT, field, messageKey, args);
    }

    public static DomainException notFound(String messageKey, Object... args) {
        return new DomainException(Kind.NOT_FOUND, null, messageKey, args);
    }

    public static DomainException forbidden(String messageKey, Object... args) {
        return new DomainException(Kind.FORBIDDEN, null, messageKey, args);
    }

    public static DomainException conflict(String messageKey, Object... args) {
        return new DomainException(Kind.CONFLICT, null, messageKey, args);
    }

    /**
     * A limit was reached (HTTP 429): the same request may succeed after {@code retryAfter}.
     *
     * @param field the input field the limit is about (e.g. the address that was used too often), or null
     */
    public static DomainException tooManyRequests(String field, Duration retryAfter, String messageKey, Object... args) {
        if (retryAfter == null || retryAfter.isNegative()) {
            throw new IllegalArgumentException("retryAfter must be zero or positive, not " + retryAfter);
        }
        DomainException e = new DomainException(Kind.TOO_MANY_REQUESTS, field, messageKey, args);
        e.retryAfter = retryAfter;
        return e;
    }

    public Kind kind() { return kind; }

    /** How long until the request may succeed again: set for {@link Kind#TOO_MANY_REQUESTS}, null otherwise. */
    public Duration retryAfter() { return retryAfter; }

    /** {@link #retryAfter()} in whole seconds, rounded up (at least 1), as the Retry-After header wants; null when not set. */
    public Long retryAfterSeconds() {
        if (retryAfter == null) {
            return null;
        }
        long seconds = retryAfter.getSeconds() + (retryAfter.getNano() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }

    public String messageKey() { return messageKey; }

    public Object[] args() { return args.toArray(); }

    /** Adds a machine-readable detail (e.g. the current version of a stale ticket) to the problem response. */
    public DomainException with(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    public Map<String, Object> properties() {
        return Map.copyOf(properties);
    }

    /** The input field the refusal is about, or null when it concerns the whole request. */
    public String field() { return field; }
}
