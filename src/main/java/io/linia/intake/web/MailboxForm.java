package io.linia.intake.web;

import io.linia.intake.MailSecurity;
import io.linia.intake.MailboxCommand;
import io.linia.intake.MailboxView;
import io.linia.intake.ProcessedAction;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The mailbox form as typed: numbers and choices as text, so that one mistyped number does not hide
 * the errors of the other fields (a record bound directly stops at the first value it cannot convert).
 */
record MailboxForm(String name, String address, String host, String port, String security, String username,
                   String password, String folder, String processedAction, String processedFolder,
                   String quarantineFolder, String pollSeconds, boolean idle, boolean enabled, String version) {

    static MailboxForm blank() {
        return new MailboxForm("", "", "", "993", MailSecurity.TLS.name(), "", "", "INBOX", ProcessedAction.FLAG.name(),
                "Linia-Processed", "Linia-Quarantine", "30", true, true, null);
    }

    /** The stored mailbox, never with its password. */
    static MailboxForm of(MailboxView b) {
        return new MailboxForm(b.name(), b.address(), b.host(), String.valueOf(b.port()), b.security().name(), b.username(),
                "", b.folder(), b.processedAction().name(), b.processedFolder(), b.quarantineFolder(),
                String.valueOf(b.pollInterval().toSeconds()), b.idle(), b.enabled(), String.valueOf(b.version()));
    }

    /**
     * The command. A value that is not a number or not a known choice becomes null, with the message
     * {@code unreadable} gives for its field. An edit without a readable version counts as stale
     * (-1): without it a concurrent change cannot be told apart.
     */
    MailboxCommand toCommand(boolean edit, Map<String, String> errors, UnaryOperator<String> unreadable) {
        return new MailboxCommand(name, address, host, number("port", port, errors, unreadable),
                choice(MailSecurity.class, "security", security, errors, unreadable), username, password, folder,
                choice(ProcessedAction.class, "processedAction", processedAction, errors, unreadable), processedFolder,
                quarantineFolder, number("pollSeconds", pollSeconds, errors, unreadable), idle, enabled,
                edit ? openedVersion() : null);
    }

    private long openedVersion() {
        try {
            return Long.parseLong(version == null ? "" : version.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static Integer number(String field, String value, Map<String, String> errors, UnaryOperator<String> unreadable) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            errors.put(field, unreadable.apply(field));
            return null;
        }
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String field, String value, Map<String, String> errors,
                                                UnaryOperator<String> unreadable) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            errors.put(field, unreadable.apply(field));
            return null;
        }
    }
}
