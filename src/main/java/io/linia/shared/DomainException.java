package io.linia.shared;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A refusal the user can understand: a message key (resolved in messages*.properties) with its
 * arguments, and the kind of refusal, which decides the HTTP status.
 */
public class DomainException extends RuntimeException {

    public enum Kind { INVALID_INPUT, NOT_FOUND, FORBIDDEN, CONFLICT }

    private final Kind kind;
    private final String messageKey;
    private final transient List<Object> args;
    private final String field;
    private final Map<String, Object> properties = new LinkedHashMap<>();

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

    public Kind kind() { return kind; }

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
