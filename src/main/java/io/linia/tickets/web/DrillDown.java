package io.linia.tickets.web;

import io.linia.shared.DomainException;
import io.linia.tickets.Channel;
import io.linia.web.Refusals;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;

/**
 * The ticket list's drill-down filters, as the analytics dashboards link to them: created, solved and passed to the
 * second line within [from, to) (ISO-8601 instants), the ticket's channel and category (0: none). Read as text so
 * that a bad value is named next to its field instead of failing the page.
 */
record DrillDown(Instant createdFrom, Instant createdTo, Instant solvedFrom, Instant solvedTo, Instant escalatedFrom,
                 Instant escalatedTo, Channel channel, Long category) {

    static DrillDown of(Map<String, String> params, Map<String, String> errors, Refusals refusals) {
        return new DrillDown(instant(params, "createdFrom", errors, refusals), instant(params, "createdTo", errors, refusals),
                instant(params, "solvedFrom", errors, refusals), instant(params, "solvedTo", errors, refusals),
                instant(params, "escalatedFrom", errors, refusals), instant(params, "escalatedTo", errors, refusals),
                channel(params, errors, refusals), category(params, errors, refusals));
    }

    /** The filters as query parameters (for the next page's link); unset ones left out. */
    public Map<String, Object> params() {
        Map<String, Object> p = new java.util.LinkedHashMap<>();
        put(p, "createdFrom", createdFrom);
        put(p, "createdTo", createdTo);
        put(p, "solvedFrom", solvedFrom);
        put(p, "solvedTo", solvedTo);
        put(p, "escalatedFrom", escalatedFrom);
        put(p, "escalatedTo", escalatedTo);
        put(p, "channel", channel);
        put(p, "category", category);
        return p;
    }

    public boolean any() {
        return !params().isEmpty();
    }

    private static void put(Map<String, Object> p, String name, Object value) {
        if (value != null) {
            p.put(name, value.toString());
        }
    }

    private static Instant instant(Map<String, String> params, String name, Map<String, String> errors, Refusals refusals) {
        String v = params.get(name);
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(v.strip());
        } catch (DateTimeParseException e) {
            errors.put(name, refusals.explain(DomainException.invalid(name, "tickets.drill.bad.instant", v)));
            return null;
        }
    }

    private static Channel channel(Map<String, String> params, Map<String, String> errors, Refusals refusals) {
        String v = params.get("channel");
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return Channel.valueOf(v.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.put("channel", refusals.explain(DomainException.invalid("channel", "tickets.drill.bad.channel", v)));
            return null;
        }
    }

    private static Long category(Map<String, String> params, Map<String, String> errors, Refusals refusals) {
        String v = params.get("category");
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            long id = Long.parseLong(v.strip());
            if (id < 0) {
                throw new NumberFormatException();
            }
            return id;
        } catch (NumberFormatException e) {
            errors.put("category", refusals.explain(DomainException.invalid("category", "tickets.drill.bad.category", v)));
            return null;
        }
    }
}
