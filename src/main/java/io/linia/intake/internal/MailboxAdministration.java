package io.linia.intake.internal;

import io.linia.intake.MailChannel.ConnectionCheck;
import io.linia.intake.MailChannel.Overview;
import io.linia.intake.MailProperties;
import io.linia.intake.MailboxCommand;
import io.linia.intake.MailboxView;
import io.linia.intake.OutboxView;
import io.linia.intake.OutboxView.OutboxState;
import io.linia.intake.PollResult;
import io.linia.intake.ProcessedAction;
import io.linia.intake.QuarantineView;
import io.linia.intake.QuarantineView.QuarantineState;
import io.linia.shared.DomainException;
import io.linia.tickets.TicketNumber;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.search.FlagTerm;
import jakarta.mail.search.NotTerm;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The mailboxes, quarantine and outbox for {@link io.linia.intake.MailChannel}. At start, mailboxes
 * from {@code linia.mail.mailboxes} are created or brought in line with the configuration.
 */
@Component
public class MailboxAdministration implements ApplicationRunner {

    private final MailboxRepository mailboxes;
    private final QuarantinedMailRepository quarantine;
    private final OutboxRepository outbox;
    private final InboundRecordRepository inbound;
    private final MailboxReader reader;
    private final MailIngest ingest;
    private final OutboxSender sender;
    private final MailOutbox mailOutbox;
    private final MailProperties properties;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final String sslTrust;

    MailboxAdministration(MailboxRepository mailboxes, QuarantinedMailRepository quarantine, OutboxRepository outbox,
                          InboundRecordRepository inbound, MailboxReader reader, MailIngest ingest, OutboxSender sender, MailOutbox mailOutbox,
                          MailProperties properties, PlatformTransactionManager transactions, Clock clock,
                          @Value("${linia.mail.ssl-trust:}") String sslTrust) {
        this.mailboxes = mailboxes;
        this.quarantine = quarantine;
        this.outbox = outbox;
        this.inbound = inbound;
        this.reader = reader;
        this.ingest = ingest;
        this.sender = sender;
        this.mailOutbox = mailOutbox;
        this.properties = properties;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
        this.sslTrust = sslTrust;
    }

    @Override
    public void run(ApplicationArguments args) {
        syncConfiguredMailboxes();
    }

    void syncConfiguredMailboxes() {
        for (MailProperties.MailboxSettings s : properties.mailboxes()) {
            if (s.name() == null || s.name().isBlank() || s.host() == null || s.address() == null) {
                throw new IllegalStateException("linia.mail.mailboxes: every mailbox needs name, address and host");
            }
            tx.executeWithoutResult(st -> mailboxes.findByName(s.name().strip()).ifPresentOrElse(
                    m -> m.configure(s), () -> mailboxes.save(Mailbox.fromConfig(s))));
        }
    }

    public List<MailboxView> mailboxes() {
        return mailboxes.findAllByOrderByName().stream().map(Mailbox::toView).toList();
    }

    public Optional<Mailbox> mailbox(long id) {
        return mailboxes.findById(id);
    }

    public MailboxView create(MailboxCommand c) {
        validate(c, null);
        return tx.execute(s -> mailboxes.save(Mailbox.create(c)).toView());
    }

    public MailboxView update(long id, MailboxCommand c) {
        validate(c, id);
        return tx.execute(s -> {
            Mailbox m = mailboxes.findById(id).orElseThrow(() -> DomainException.notFound("mail.error.mailboxNotFound", id));
            if (m.isFromConfig()) {
                throw DomainException.conflict("mail.error.mailboxFromConfig", m.name());
            }
            if (c.version() != null && c.version() != m.version()) {
                throw DomainException.conflict("linia.refusal.stale", m.name()).with("currentVersion", m.version());
            }
            m.apply(c);
            mailboxes.flush();
            return m.toView();
        });
    }

    private void validate(MailboxCommand c, Long id) {
        if (c.processedAction() == ProcessedAction.MOVE && (c.processedFolder() == null || c.processedFolder().isBlank())) {
            throw DomainException.invalid("processedFolder", "mail.validation.processedFolderRequired");
        }
        if (c.processedAction() == ProcessedAction.MOVE && c.processedFolder().strip().equalsIgnoreCase(c.folder().strip())) {
            throw DomainException.invalid("processedFolder", "mail.validation.sameFolder");
        }
        if (c.quarantineFolder().strip().equalsIgnoreCase(c.folder().strip())) {
            throw DomainException.invalid("quarantineFolder", "mail.validation.sameFolder");
        }
        if (id == null && (c.password() == null || c.password().isEmpty())) {
            throw DomainException.invalid("password", "linia.validation.required");
        }
        mailboxes.findByName(c.name().strip()).filter(m -> !m.id().equals(id)).ifPresent(m -> {
            throw DomainException.invalid("name", "mail.validation.nameTaken", c.name().strip());
        });
    }

    public PollResult readNow(long id) {
        mailboxes.findById(id).orElseThrow(() -> DomainException.notFound("mail.error.mailboxNotFound", id));
        try {
            return reader.poll(id);
        } catch (MailboxReader.MailboxUnavailable e) {
            throw DomainException.conflict("mail.error.mailboxUnavailable", e.getMessage());
        }
    }

    public PollResult importMessages(long id, List<byte[]> raws) {
        mailboxes.findById(id).orElseThrow(() -> DomainException.notFound("mail.error.mailboxNotFound", id));
        PollResult total = PollResult.NOTHING;
        for (int from = 0; from < raws.size(); from += properties.batchSize()) {
            total = total.plus(MailboxReader.result(ingest.ingest(id, raws.subList(from, Math.min(raws.size(), from + properties.batchSize())))));
        }
        return total;
    }

    public ConnectionCheck check(long id) {
        Mailbox box = mailboxes.findById(id).orElseThrow(() -> DomainException.notFound("mail.error.mailboxNotFound", id));
        try {
            Store store = ImapSessions.connect(box, sslTrust);
            try {
                Folder folder = store.getFolder(box.folder());
                if (!folder.exists()) {
                    return new ConnectionCheck(false, 0, 0, false, "Folder " + box.folder() + " does not exist");
                }
                folder.open(Folder.READ_ONLY);
                try {
                    boolean keywords = folder.getPermanentFlags().contains(Flags.Flag.USER);
                    int unprocessed = box.processedAction() == ProcessedAction.MOVE ? folder.getMessageCount()
                            : folder.search(new NotTerm(new FlagTerm(keywords ? new Flags(MailboxReader.PROCESSED_KEYWORD)
                                    : new Flags(Flags.Flag.SEEN), true))).length;
                    boolean idle = store instanceof IMAPStore imap && imap.hasCapability("IDLE");
                    return new ConnectionCheck(true, folder.getMessageCount(), unprocessed, idle, null);
                } finally {
                    folder.close(false);
                }
            } finally {
                store.close();
            }
        } catch (MessagingException | RuntimeException e) {
            return new ConnectionCheck(false, 0, 0, false, e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    public List<QuarantineView> quarantine(QuarantineState state, int limit) {
        Map<Long, String> names = mailboxNames();
        return quarantine.rows(state, Limit.of(Math.max(1, Math.min(limit, 500)))).stream()
                .map(r -> new QuarantineView(r.id(), r.mailboxId(), names.getOrDefault(r.mailboxId(), "?"), r.messageId(),
                        r.fromHeader(), r.subject(), r.reason(), r.sizeBytes(), r.receivedAt(), r.state(), r.resolvedAt(),
                        r.resolvedBy(), r.ticketId() == null ? null : TicketNumber.format(r.ticketId())))
                .toList();
    }

    public byte[] raw(long id) {
        return tx.execute(s -> found(id).raw());
    }

    public QuarantineView retry(long id, String by) {
        // a mail still unreadable keeps its new reason: the refusal is thrown after that is committed
        QuarantineView after = tx.execute(s -> {
            QuarantinedMail q = found(id);
            if (q.state() != QuarantineState.OPEN) {
                throw DomainException.conflict("mail.error.quarantineResolved", id);
            }
            Optional<Long> ticket = ingest.retry(q);
            ticket.ifPresent(t -> q.resolve(QuarantineState.RETRIED, by, t, clock.instant()));
            return view(q);
        });
        if (after.state() == QuarantineState.OPEN) {
            throw DomainException.conflict("mail.error.stillUnreadable", id).with("reason", after.reason());
        }
        return after;
    }

    public QuarantineView dismiss(long id, String by) {
        return tx.execute(s -> {
            QuarantinedMail q = found(id);
            if (q.state() != QuarantineState.OPEN) {
                throw DomainException.conflict("mail.error.quarantineResolved", id);
            }
            q.resolve(QuarantineState.DISMISSED, by, null, clock.instant());
            return view(q);
        });
    }

    public List<io.linia.intake.InboundView> journal(io.linia.intake.InboundView.Outcome outcome, int limit) {
        Map<Long, String> names = mailboxNames();
        return inbound.latest(outcome == null ? null : InboundRecord.Outcome.valueOf(outcome.name()),
                        Limit.of(Math.max(1, Math.min(limit, 500))))
                .stream().map(r -> r.toView(names.getOrDefault(r.mailboxId(), "?"))).toList();
    }

    public List<OutboxView> outbox(OutboxState state, int limit) {
        return outbox.latest(state, Limit.of(Math.max(1, Math.min(limit, 500)))).stream().map(OutboxEntry::toView).toList();
    }

    public OutboxView retryOutbox(long id) {
        return tx.execute(s -> {
            OutboxEntry e = outbox.findById(id).orElseThrow(() -> DomainException.notFound("mail.error.outboxNotFound", id));
            if (!e.retryNow(clock.instant())) {
                throw DomainException.conflict("mail.error.outboxNotRetryable", id);
            }
            return e.toView();
        });
    }

    public int sendDue() {
        return sender.sendDue();
    }

    public Overview overview() {
        return new Overview(mailboxes.count(), quarantine.countByState(QuarantineState.OPEN),
                outbox.countByState(OutboxState.PENDING) + outbox.countByState(OutboxState.RETRYING),
                outbox.countByState(OutboxState.FAILED) + outbox.countByState(OutboxState.BOUNCED), mailOutbox.active());
    }

    private QuarantinedMail found(long id) {
        return quarantine.findById(id).orElseThrow(() -> DomainException.notFound("mail.error.quarantineNotFound", id));
    }

    private QuarantineView view(QuarantinedMail q) {
        return q.toView(mailboxes.findById(q.mailboxId()).map(Mailbox::name).orElse("?"),
                q.ticketId() == null ? null : TicketNumber.format(q.ticketId()));
    }

    private Map<Long, String> mailboxNames() {
        return mailboxes.findAll().stream().collect(Collectors.toMap(Mailbox::id, Mailbox::name, (a, b) -> a));
    }
}
