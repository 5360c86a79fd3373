package io.linia.recovery;

import io.linia.shared.DomainException;
import java.net.IDN;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A mailbox address in its one canonical form: trimmed, lower case, the domain in Unicode form
 * (so {@code Ivan@XN--E1AFMKFD.XN--P1AI} and {@code ivan@пример.рф} are the same mailbox). The local
 * part is ASCII (what the platform allows), the domain must be a valid host name in its ASCII
 * (punycode) form.
 */
public record MailboxAddress(String value) {

    private static final Pattern LOCAL = Pattern.compile("[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    /** Normalises and validates {@code raw}; refuses it as invalid input of {@code field}. */
    public static MailboxAddress parse(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            throw DomainException.invalid(field, "recovery.address.required");
        }
        String text = raw.strip().toLowerCase(Locale.ROOT);
        int at = text.lastIndexOf('@');
        if (at <= 0 || at == text.length() - 1) {
            throw DomainException.invalid(field, "recovery.address.invalid", raw.strip());
        }
        String local = text.substring(0, at);
        String domain = text.substring(at + 1);
        if (domain.endsWith(".")) {
            domain = domain.substring(0, domain.length() - 1);
        }
        String ascii;
        try {
            ascii = IDN.toASCII(domain, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid(field, "recovery.address.invalid", raw.strip());
        }
        if (local.length() > 64 || !LOCAL.matcher(local).matches() || ascii.length() > 253 || !validHost(ascii)) {
            throw DomainException.invalid(field, "recovery.address.invalid", raw.strip());
        }
        String value = local + "@" + IDN.toUnicode(ascii).toLowerCase(Locale.ROOT);
        if (local.length() + 1 + ascii.length() > 254) {
            throw DomainException.invalid(field, "recovery.address.invalid", raw.strip());
        }
        return new MailboxAddress(value);
    }

    private static boolean validHost(String ascii) {
        String[] labels = ascii.split("\\.", -1);
        if (labels.length < 2) {
            return false;
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        // a top-level domain is letters (or an IDN's xn-- form), never digits alone
        String tld = labels[labels.length - 1];
        return !tld.chars().allMatch(Character::isDigit);
    }

    @Override
    public String toString() {
        return value;
    }
}
