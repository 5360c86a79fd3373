package io.linia.intake.internal.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The body of a {@code message/delivery-status} part (RFC 3464): per-recipient groups of fields.
 * Keeps what tells an agent why delivery failed.
 */
final class DeliveryStatus {

    private static final List<String> FIELDS = List.of("final-recipient", "action", "status", "diagnostic-code");

    private DeliveryStatus() {
    }

    /** One text per recipient group, e.g. "Final-Recipient: rfc822; a@b.ru\nStatus: 5.1.1\nDiagnostic-Code: …". */
    static List<String> diagnostics(String body) {
        List<String> groups = new ArrayList<>();
        for (String group : body.replace("\r\n", "\n").split("\\n[ \\t]*\\n")) {
            StringBuilder fields = new StringBuilder();
            for (String field : group.replaceAll("\\n[ \\t]+", " ").split("\\n")) {
                int colon = field.indexOf(':');
                if (colon > 0 && FIELDS.contains(field.substring(0, colon).strip().toLowerCase(Locale.ROOT))) {
                    if (!fields.isEmpty()) {
                        fields.append('\n');
                    }
                    fields.append(field.strip());
                }
            }
            String found = fields.toString().toLowerCase(Locale.ROOT);
            if (found.contains("status:") || found.contains("diagnostic-code:")) {
                groups.add(fields.toString());
            }
        }
        return groups;
    }
}
