package io.linia.quality.web;

import io.linia.accounts.UserDirectory;
import io.linia.accounts.UserRef;
import io.linia.quality.MeasureScope;
import io.linia.routing.CategoryRef;
import io.linia.routing.GroupRef;
import io.linia.routing.RoutingDirectory;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;

/** Names for the keys of the measures in one language: agents, groups (0 = none), lines, categories (0 = none). */
public final class MeasureLabels {

    private final Map<Long, String> agents = new HashMap<>();
    private final Map<Long, String> groups = new HashMap<>();
    private final Map<Long, String> categories = new HashMap<>();
    private final MessageSource messages;
    private final Locale locale;

    MeasureLabels(UserDirectory users, RoutingDirectory routing, MessageSource messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
        for (UserRef u : users.staff()) {
            agents.put(u.id(), u.displayName());
        }
        for (GroupRef g : routing.groups()) {
            groups.put(g.id(), g.name(locale));
        }
        boolean en = "en".equals(locale.getLanguage());
        for (CategoryRef c : routing.categories()) {
            categories.put(c.id(), en ? c.nameEn() : c.nameRu());
        }
    }

    public String agent(long id) {
        if (id == 0) {
            return text("quality.pages.noAgent");
        }
        return agents.getOrDefault(id, "#" + id);
    }

    public String group(long id) {
        return id == 0 ? text("quality.pages.noGroup") : groups.getOrDefault(id, "#" + id);
    }

    public String category(long id) {
        return id == 0 ? text("quality.pages.noCategory") : categories.getOrDefault(id, "#" + id);
    }

    public String line(String line) {
        return text("quality.pages.line." + line);
    }

    public String of(MeasureScope by, String key) {
        return switch (by) {
            case AGENT -> agent(Long.parseLong(key));
            case GROUP -> group(Long.parseLong(key));
            case LINE -> line(key);
            case CATEGORY -> category(Long.parseLong(key));
        };
    }

    /** A drill-down row's outcome in words (see {@link TicketColumns#outcome}). */
    public String outcome(io.linia.quality.MeasureTickets.Row r) {
        return TicketColumns.outcome(r, this);
    }

    /** A drill-down row's customer rating in words (see {@link TicketColumns#rating}). */
    public String rating(io.linia.quality.MeasureTickets.Row r) {
        return TicketColumns.rating(r, this);
    }

    /** The groups to filter by, by name. */
    public List<Map.Entry<Long, String>> groups() {
        return groups.entrySet().stream().sorted(Map.Entry.comparingByValue()).toList();
    }

    String text(String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
