package io.linia.tickets;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Human-friendly ticket numbers: {@code L-000123}; {@code l-123} and {@code 123} are understood too. */
public final class TicketNumber {

    private static final Pattern NUMBER = Pattern.compile("(?i)\\s*(?:L-?)?0*(\\d{1,15})\\s*");

    private TicketNumber() {
    }

    public static String format(long id) {
        return String.format("L-%06d", id);
    }

    public static Optional<Long> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = NUMBER.matcher(text);
        return m.matches() ? Optional.of(Long.parseLong(m.group(1))) : Optional.empty();
    }
}
