package io.linia.recovery.audit.web;

import io.linia.recovery.audit.AuditAction;
import io.linia.recovery.audit.AuditQuery;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The page's and the CSV export's filters as typed (strings, so that a bad one is shown back next to its
 * field). Times are the desk's local time ({@code 2026-11-26T09:30}, what a datetime-local input sends) or
 * an instant with its offset.
 */
record AuditFilter(String mailbox, String actorId, String action, String from, String to, String requestId) {

    AuditFilter {
        mailbox = clean(mailbox);
        actorId = clean(actorId);
        action = clean(action);
        from = clean(from);
        to = clean(to);
        requestId = clean(requestId);
    }

    /** The query, or the fields that cannot be read (field → message key). */
    record Parsed(AuditQuery query, Map<String, String> problems) {
    }

    Parsed parse(ZoneId zone, String cursor, int limit) {
        Map<String, String> problems = new LinkedHashMap<>();
        Long actor = number(actorId, "actorId", problems);
        Long request = number(requestId, "requestId", problems);
        AuditAction kind = null;
        if (action != null) {
            try {
                kind = AuditAction.valueOf(action);
            } catch (IllegalArgumentException e) {
                problems.put("action", "recovery.audit.filter.unknownAction");
            }
        }
        Instant start = time(from, zone, "from", problems);
        Instant end = time(to, zone, "to", problems);
        return new Parsed(new AuditQuery(mailbox, actor, kind, start, end, request, cursor, limit), problems);
    }

    /** The page's address with these filters (blank ones left out) and the cursor, if any. */
    String link(String path, String cursor) {
        StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
        add(query, "mailbox", mailbox);
        add(query, "actorId", actorId);
        add(query, "action", action);
        add(query, "from", from);
        add(query, "to", to);
        add(query, "requestId", requestId);
        add(query, "cursor", cursor);
        return path + query;
    }

    private static void add(StringJoiner query, String name, String value) {
        if (value != null) {
            // form encoding: a '+' in an address must not come back as a space
            query.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }

    private static Long number(String text, String field, Map<String, String> problems) {
        if (text == null) {
            return null;
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            problems.put(field, "recovery.audit.filter.number");
            return null;
        }
    }

    private static Instant time(String text, ZoneId zone, String field, Map<String, String> problems) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(text).atZone(zone).toInstant();
        } catch (DateTimeException local) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeException offset) {
                problems.put(field, "recovery.audit.filter.time");
                return null;
            }
        }
    }

    private static String clean(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
