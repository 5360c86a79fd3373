package io.linia.analytics.api;

import io.linia.routing.BusinessCalendars;
import io.linia.routing.RoutingDirectory;
import io.linia.shared.DomainException;
import io.linia.tickets.Channel;
import io.linia.tickets.Line;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The series' parameters read from text as the API and the dashboard pages take them: the desk's days {@code from}
 * and {@code to}, the step, the filters; a bad value throws a {@link DomainException} naming the parameter.
 */
@Component
public class SeriesParameters {

    public static final int MAX_DAYS = 400;
    public static final int MAX_HOURLY_DAYS = 93;

    private final BusinessCalendars calendars;
    private final RoutingDirectory routing;

    SeriesParameters(BusinessCalendars calendars, RoutingDirectory routing) {
        this.calendars = calendars;
        this.routing = routing;
    }

    /** The desk's zone, in which the series' days are counted. */
    public ZoneId zone() {
        return calendars.defaultCalendar().zone();
    }

    /** The query of a series from the request's texts; a bad one throws a {@link DomainException} naming it. */
    public SeriesQuery query(String from, String to, String channel, String line, String groupId, String categoryId,
                              Interval interval) {
        LocalDate start = date("from", from);
        LocalDate end = date("to", to);
        if (end.isBefore(start)) {
            throw DomainException.invalid("to", "analytics.api.toBeforeFrom");
        }
        long days = end.toEpochDay() - start.toEpochDay() + 1;
        if (days > MAX_DAYS) {
            throw DomainException.invalid("to", "analytics.api.spanTooLong", MAX_DAYS);
        }
        if (interval == Interval.HOUR && days > MAX_HOURLY_DAYS) {
            throw DomainException.invalid("interval", "analytics.api.hourlySpan", MAX_HOURLY_DAYS);
        }
        Channel ch = channel == null || channel.isBlank() ? null : constant("channel", Channel.class, channel);
        Line ln = line == null || line.isBlank() ? null : constant("line", Line.class, line);
        Long group = id("groupId", groupId);
        if (group != null && routing.group(group).isEmpty()) {
            throw DomainException.invalid("groupId", "linia.error.groupNotFound", group);
        }
        Long category = id("categoryId", categoryId);
        if (category != null && category != 0 && routing.category(category).isEmpty()) {
            throw DomainException.invalid("categoryId", "analytics.api.unknownCategory", category);
        }
        ZoneId zone = zone();
        return new SeriesQuery(start, end, zone, ch, ln, group, category);
    }

    public static Interval interval(String value) {
        return constant("interval", Interval.class, value);
    }

    public static String choice(String name, String value, Set<String> allowed) {
        String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        if (!allowed.contains(v)) {
            throw DomainException.invalid(name, "analytics.api.oneOf", String.join(", ", new java.util.TreeSet<>(allowed)));
        }
        return v;
    }

    private static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            throw DomainException.invalid(name, "analytics.api.dateRequired");
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw DomainException.invalid(name, "analytics.api.date", value);
        }
    }

    private static <E extends Enum<E>> E constant(String name, Class<E> type, String value) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid(name, "analytics.api.oneOf", java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    private static Long id(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            long id = Long.parseLong(value.strip());
            if (id < 0) {
                throw new NumberFormatException();
            }
            return id;
        } catch (NumberFormatException e) {
            throw DomainException.invalid(name, "analytics.api.id", value);
        }
    }
}
