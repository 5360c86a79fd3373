package io.linia.recovery.directory;

/** Masking of contact data shown to agents: enough to recognise, not enough to use. */
final class Masks {

    private Masks() {
    }

    /** {@code +79161234567} → {@code +7 *** ***-**-67}; other numbers keep the country's first digit and the last two. */
    static String phone(String e164) {
        if (e164 == null || e164.isBlank()) {
            return null;
        }
        String digits = e164.replaceAll("\\D", "");
        if (digits.length() < 4) {
            return "***";
        }
        String last = digits.substring(digits.length() - 2);
        if (digits.length() == 11 && (digits.startsWith("7") || digits.startsWith("8"))) {
            return "+7 *** ***-**-" + last;
        }
        return "+" + digits.charAt(0) + " " + "*".repeat(digits.length() - 3) + last;
    }

    /** {@code ivanova.anna@example.ru} → {@code i***@example.ru}. */
    static String email(String address) {
        if (address == null || address.isBlank()) {
            return null;
        }
        int at = address.lastIndexOf('@');
        if (at <= 0) {
            return "***";
        }
        return address.charAt(0) + "***" + address.substring(at);
    }
}
