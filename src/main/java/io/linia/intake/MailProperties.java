package io.linia.intake;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code linia.mail.*}: the e-mail channel. Mailboxes listed here are created (or updated) in the
 * database at start and shown read-only in the admin pages; others are added there. Outgoing mail
 * uses Spring's {@code spring.mail.*} SMTP settings; without {@code spring.mail.host} nothing is sent
 * (the outbox keeps what it would send).
 */
@ConfigurationProperties("linia.mail")
public record MailProperties(
        Boolean inboundEnabled,
        DataSize maxAttachmentSize,
        Integer batchSize,
        Integer senderTicketsPerHour,
        String from,
        String fromName,
        String messageIdDomain,
        Boolean acknowledgeWebTickets,
        Outbox outbox,
        List<MailboxSettings> mailboxes) {

    public MailProperties {
        inboundEnabled = inboundEnabled == null || inboundEnabled;
        maxAttachmentSize = maxAttachmentSize == null ? DataSize.ofMegabytes(20) : maxAttachmentSize;
        batchSize = batchSize == null || batchSize < 1 ? 20 : batchSize;
        senderTicketsPerHour = senderTicketsPerHour == null ? 20 : senderTicketsPerHour;
        from = from == null || from.isBlank() ? "support@linia.local" : from.strip();
        fromName = fromName == null ? "" : fromName.strip();
        messageIdDomain = messageIdDomain == null || messageIdDomain.isBlank()
                ? from.substring(from.indexOf('@') + 1) : messageIdDomain.strip();
        acknowledgeWebTickets = acknowledgeWebTickets == null || acknowledgeWebTickets;
        outbox = outbox == null ? new Outbox(null, null, null, null, null, null) : outbox;
        mailboxes = mailboxes == null ? List.of() : List.copyOf(mailboxes);
    }

    /**
     * Sending: tried every {@code pollInterval}; after a failure again after {@code firstRetry},
     * doubling up to {@code maxRetry}; a mail that could not be sent for {@code giveUpAfter} is failed
     * (the agent sees it). {@code enabled} false keeps everything queued.
     */
    public record Outbox(Boolean enabled, Duration pollInterval, Duration firstRetry, Duration maxRetry,
                         Duration giveUpAfter, Integer batchSize) {

        public Outbox {
            enabled = enabled == null || enabled;
            pollInterval = pollInterval == null ? Duration.ofSeconds(2) : pollInterval;
            firstRetry = firstRetry == null ? Duration.ofMinutes(1) : firstRetry;
            maxRetry = maxRetry == null ? Duration.ofHours(1) : maxRetry;
            giveUpAfter = giveUpAfter == null ? Duration.ofDays(3) : giveUpAfter;
            batchSize = batchSize == null || batchSize < 1 ? 20 : batchSize;
        }
    }

    /** One support mailbox as configured in application.yml. */
    public record MailboxSettings(String name, String address, String host, Integer port, MailSecurity security,
                                  String username, String password, String folder, ProcessedAction processedAction,
                                  String processedFolder, String quarantineFolder, Duration pollInterval,
                                  Boolean idle, Boolean enabled) {
    }
}
