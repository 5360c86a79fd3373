package io.linia.shared;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Tags on tickets and customers ("vip", "outage-0412", "юрлицо"): one word of letters, digits and
 * {@code - _ .}, up to 40 characters, kept in lower case with ё folded to е, so that "VIP" and "vip"
 * (or "Ёлка" and "елка") are one tag.
 */
public final class Tags {

    public static final int MAX_LENGTH = 40;
    private static final Pattern TAG = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}_.\\-]{0," + (MAX_LENGTH - 1) + "}");

    private Tags() {
    }

    /** The tag as stored, or empty when the text is not a tag. */
    public static Optional<String> normalise(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip().toLowerCase(Locale.ROOT).replace('ё', 'е');
        return TAG.matcher(t).matches() ? Optional.of(t) : Optional.empty();
    }

    /** The tag as stored; a bad one is refused naming {@code field}. */
    public static String require(String field, String text) {
        return normalise(text).orElseThrow(() -> DomainException.invalid(field, "linia.validation.tag", MAX_LENGTH));
    }
}
