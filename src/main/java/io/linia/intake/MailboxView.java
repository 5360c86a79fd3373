package io.linia.intake;

import java.time.Duration;
import java.time.Instant;

/** A support mailbox as the admin pages show it (never its password). */
public record MailboxView(long id, String name, String address, String host, int port, MailSecurity security,
                          String username, boolean hasPassword, String folder, ProcessedAction processedAction,
                          String processedFolder, String quarantineFolder, Duration pollInterval, boolean idle,
                          boolean enabled, boolean fromConfig, Instant lastPollAt, Integer lastPollCount,
                          String lastError, Instant lastErrorAt, long version) {
}
