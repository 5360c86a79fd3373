package io.linia.intake.internal;

import io.linia.intake.MailProperties;
import io.linia.intake.OutboxView.OutboxKind;
import io.linia.intake.internal.InboundRecord.Outcome;
import io.linia.intake.internal.mail.Automation;
import io.linia.intake.internal.mail.MailAttachment;
import io.linia.intake.internal.mail.MailParser;
import io.linia.intake.internal.mail.ParsedMail;
import io.linia.intake.internal.mail.SkippedAttachment;
import io.linia.intake.internal.mail.UnparseableMailException;
import io.linia.tickets.Delivery;
import io.linia.tickets.IncomingMail;
import io.linia.tickets.MailReceipt;
import io.linia.tickets.TicketNumber;
import io.linia.tickets.TicketService;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns raw mails of one mailbox into tickets, messages on tickets, bounces and ignored auto-replies,
 * a batch per transaction; says for each mail what to do with it on the server once that transaction
 * has committed. A mail already known (same mailbox and Message-ID) is only marked again.
 */
@Component
public class MailIngest {

    private static final Logger log = LoggerFactory.getLogger(MailIngest.class);
    private static final Pattern NUMBER_IN_SUBJECT = Pattern.compile("\\[\\s*L-(\\d{1,15})\\s*]", Pattern.CASE_INSENSITIVE);
    /** A mail whose processing failed this often (not its parsing) goes to the quarantine with the error. */
    static final int MAX_FAILURES = 3;

    /** What to do with a mail on the server after the commit. */
    public enum Disposition { DONE, QUARANTINE, LATER }

    public record Result(List<Disposition> dispositions, Map<Outcome, Integer> outcomes, int duplicates) {
    }

    private final MailParser parser;
    private final TicketService tickets;
    private final InboundRecordRepository inbound;
    private final QuarantinedMailRepository quarantine;
    private final OutboxRepository outboxEntries;
    private final MailOutbox outbox;
    private final ThreadRefs refs;
    private final MailProperties properties;
    private final MessageSource messages;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Map<String, Integer> failures = new java.util.concurrent.ConcurrentHashMap<>();

    MailIngest(TicketService tickets, InboundRecordRepository inbound, QuarantinedMailRepository quarantine,
               OutboxRepository outboxEntries, MailOutbox outbox, ThreadRefs refs, MailProperties properties,
               MessageSource messages, PlatformTransactionManager transactions, Clock clock, MeterRegistry meters) {
        this.parser = new MailParser(properties.maxAttachmentSize().toBytes());
        this.tickets = tickets;
        this.inbound = inbound;
        this.quarantine = quarantine;
        this.outboxEntries = outboxEntries;
        this.outbox = outbox;
        this.refs = refs;
        this.properties = properties;
        this.messages = messages;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
        this.meters = meters;
    }

    /** One mail as read: its bytes, parsed (or why not), and its deduplication key. */
    public record Mail(byte[] raw, ParsedMail parsed, String unreadable, String key) {
    }

    public Result ingest(long mailboxId, List<byte[]> raws) {
        return ingestParsed(mailboxId, parse(raws));
    }

    /** Parses mails (no database): may run on another thread than the one that stores them. */
    public List<Mail> parse(List<byte[]> raws) {
        return raws.stream().map(this::read).toList();
    }

    /** Stores mails parsed by {@link #parse}, a batch per transaction. */
    public Result ingestParsed(long mailboxId, List<Mail> mails) {
        try {
            return tx.execute(status -> process(mailboxId, mails));
        } catch (RuntimeException batchFailed) {
            if (mails.size() == 1) {
                return single(mailboxId, mails.get(0), batchFailed);
            }
            log.info("A batch of {} mails failed ({}); taking them one by one", mails.size(), batchFailed.toString());
            List<Disposition> dispositions = new ArrayList<>();
            Map<Outcome, Integer> outcomes = new HashMap<>();
            int duplicates = 0;
            for (Mail mail : mails) {
                Result one = ingestOne(mailboxId, mail);
                dispositions.addAll(one.dispositions());
                one.outcomes().forEach((k, v) -> outcomes.merge(k, v, Integer::sum));
                duplicates += one.duplicates();
            }
            return new Result(dispositions, outcomes, duplicates);
        }
    }

    private Result ingestOne(long mailboxId, Mail mail) {
        try {
            return tx.execute(status -> process(mailboxId, List.of(mail)));
        } catch (RuntimeException e) {
            return single(mailboxId, mail, e);
        }
    }

    /** One mail failed on its own: a duplicate written meanwhile by another node, or an error to retry (then quarantine). */
    private Result single(long mailboxId, Mail mail, RuntimeException e) {
        if (e instanceof DataIntegrityViolationException && !inbound.knownKeys(mailboxId, List.of(mail.key())).isEmpty()) {
            return new Result(List.of(Disposition.DONE), Map.of(), 1);
        }
        String failureKey = mailboxId + "/" + mail.key();
        int count = failures.merge(failureKey, 1, Integer::sum);
        log.warn("Mail {} of mailbox {} could not be taken (attempt {}): {}", mail.key(), mailboxId, count, e.toString());
        if (count < MAX_FAILURES) {
            return new Result(List.of(Disposition.LATER), Map.of(), 0);
        }
        failures.remove(failureKey);
        Mail unreadable = new Mail(mail.raw(), null, "Processing failed " + count + " times: " + e, mail.key());
        return tx.execute(status -> process(mailboxId, List.of(unreadable)));
    }

    private Mail read(byte[] raw) {
        try {
            ParsedMail parsed = parser.parse(raw);
            String key = parsed.messageId() == null || parsed.messageId().isBlank()
                    ? ThreadRefs.sha256(raw) : ThreadRefs.key(parsed.messageId());
            return new Mail(raw, parsed, null, key);
        } catch (UnparseableMailException | RuntimeException e) {
            return new Mail(raw, null, e.getMessage() == null ? e.toString() : e.getMessage(), ThreadRefs.sha256(raw));
        }
    }

    /**
     * What one transaction's mails share: Message-IDs taken so far (written together at the end, and
     * found by later mails of the same batch) and how many new tickets each sender has had in the
     * last hour (read once for all the batch's senders).
     */
    private final class Batch {
        final Map<String, Long> taken = new java.util.LinkedHashMap<>();
        final Map<String, Integer> newTicketsBySender = new HashMap<>();
        final Instant now = clock.instant();

        Batch(List<Mail> mails) {
            List<String> senders = mails.stream().map(Mail::parsed).filter(p -> p != null && p.fromAddress() != null)
                    .map(p -> p.fromAddress().toLowerCase(Locale.ROOT)).distinct().toList();
            if (!senders.isEmpty()) {
                for (Object[] row : inbound.newTicketsBySender(senders, now.minus(Duration.ofHours(1)))) {
                    newTicketsBySender.put((String) row[0], ((Number) row[1]).intValue());
                }
            }
        }

        Optional<Long> ticketOf(List<String> messageIds) {
            List<String> keys = messageIds.stream().filter(id -> id != null && !id.isBlank()).map(ThreadRefs::key).toList();
            for (int i = keys.size() - 1; i >= 0; i--) {
                Long t = taken.get(keys.get(i));
                if (t != null) {
                    return Optional.of(t);
                }
            }
            return refs.ticketOfKeys(keys);
        }

        void remember(String messageId, long ticketId) {
            if (messageId != null && !messageId.isBlank()) {
                taken.put(ThreadRefs.key(messageId), ticketId);
            }
        }

        /** The sender's new tickets in the last hour, this one included. */
        int newTicket(String from) {
            return newTicketsBySender.merge(from, 1, Integer::sum);
        }

        void finish() {
            refs.rememberKeys(taken, now);
        }
    }

    private Result process(long mailboxId, List<Mail> mails) {
        Batch batch = new Batch(mails);
        Set<String> known = new HashSet<>(inbound.knownKeys(mailboxId, mails.stream().map(Mail::key).distinct().toList()));
        List<Disposition> dispositions = new ArrayList<>(mails.size());
        Map<Outcome, Integer> outcomes = new HashMap<>();
        int duplicates = 0;
        for (Mail mail : mails) {
            if (!known.add(mail.key())) {
                duplicates++;
                dispositions.add(Disposition.DONE);
                continue;
            }
            Outcome outcome = take(mailboxId, mail, batch);
            outcomes.merge(outcome, 1, Integer::sum);
            meters.counter("linia.mail.received", "outcome", outcome.name()).increment();
            dispositions.add(outcome == Outcome.QUARANTINED ? Disposition.QUARANTINE : Disposition.DONE);
        }
        batch.finish();
        return new Result(dispositions, outcomes, duplicates);
    }

    private Outcome take(long mailboxId, Mail mail, Batch batch) {
        Instant now = clock.instant();
        ParsedMail p = mail.parsed();
        if (p == null || p.fromAddress() == null || p.fromAddress().isBlank()) {
            String reason = p == null ? mail.unreadable() : "No sender address (From)";
            String[] head = headerPreview(mail.raw());
            quarantine.save(new QuarantinedMail(mailboxId, p == null ? head[0] : p.messageId(), p == null ? head[1] : null,
                    p == null ? head[2] : p.subject(), reason, mail.raw(), now));
            inbound.save(new InboundRecord(mailboxId, mail.key(), p == null ? "sha256:" + mail.key() : idOrKey(p, mail),
                    null, p == null ? head[2] : p.subject(), now, Outcome.QUARANTINED, null, null, false, reason));
            return Outcome.QUARANTINED;
        }
        String from = p.fromAddress().toLowerCase(Locale.ROOT);
        List<String> threadIds = new ArrayList<>(p.inReplyTo());
        threadIds.addAll(p.references());
        if (p.automation() == Automation.BOUNCE) {
            Long ticketId = bounced(p);
            inbound.save(new InboundRecord(mailboxId, mail.key(), idOrKey(p, mail), from, p.subject(), now, Outcome.BOUNCE,
                    ticketId, null, false, p.bounceDiagnostic()));
            return Outcome.BOUNCE;
        }
        if (p.automation() == Automation.AUTO_REPLY) {
            Long ticketId = batch.ticketOf(threadIds).orElse(null);
            inbound.save(new InboundRecord(mailboxId, mail.key(), idOrKey(p, mail), from, p.subject(), now,
                    Outcome.AUTO_REPLY, ticketId, null, false, p.automationReason()));
            return Outcome.AUTO_REPLY;
        }
        IncomingMail incoming = new IncomingMail(from, p.fromName(), p.subject(), p.text(), p.html(),
                p.attachments().stream().map(MailIngest::attachment).toList(), note(p.skipped()));
        Optional<Long> ticket = batch.ticketOf(threadIds).or(() -> numberIn(p.subject()));
        MailReceipt receipt = ticket.isPresent() ? tickets.receiveOn(ticket.get(), incoming) : tickets.receiveNew(incoming);
        batch.remember(p.messageId(), receipt.ticketId());
        boolean acknowledge = false;
        String detail = receipt.foreignSender() ? "foreign sender" : null;
        if (receipt.newTicket()) {
            int recent = batch.newTicket(from);
            acknowledge = recent <= properties.senderTicketsPerHour();
            if (!acknowledge) {
                detail = "rate limited: " + recent + " new tickets in the last hour";
                meters.counter("linia.mail.rate.limited").increment();
            } else if (outbox.active()) {
                outbox.enqueue(OutboxKind.ACKNOWLEDGEMENT, receipt.ticketId(), null, from);
            }
        }
        inbound.save(new InboundRecord(mailboxId, mail.key(), idOrKey(p, mail), from, p.subject(), now,
                receipt.newTicket() ? Outcome.NEW_TICKET : Outcome.REPLY, receipt.ticketId(), receipt.messageId(),
                acknowledge && outbox.active(), detail));
        return receipt.newTicket() ? Outcome.NEW_TICKET : Outcome.REPLY;
    }

    /** A bounce of Linia's own mail: the reply it was is marked undelivered. Returns the ticket, if known. */
    private Long bounced(ParsedMail p) {
        Long ticketId = null;
        for (String id : p.bouncedMessageIds()) {
            Optional<OutboxEntry> sent = outboxEntries.findByMessageId(stripBrackets(id));
            if (sent.isPresent()) {
                OutboxEntry entry = sent.get();
                entry.bounced(p.bounceDiagnostic());
                ticketId = entry.ticketId();
                if (entry.ticketMessageId() != null) {
                    tickets.deliveryChanged(entry.ticketId(), entry.ticketMessageId(), Delivery.BOUNCED, p.bounceDiagnostic());
                }
            }
        }
        return ticketId;
    }

    private Optional<Long> numberIn(String subject) {
        if (subject == null) {
            return Optional.empty();
        }
        Matcher m = NUMBER_IN_SUBJECT.matcher(subject);
        while (m.find()) {
            Optional<Long> id = TicketNumber.parse(m.group(1));
            if (id.isPresent() && tickets.exists(id.get())) {
                return id;
            }
        }
        return Optional.empty();
    }

    private String note(List<SkippedAttachment> skipped) {
        if (skipped.isEmpty()) {
            return null;
        }
        StringBuilder note = new StringBuilder(messages.getMessage("mail.note.skipped",
                new Object[] {properties.maxAttachmentSize().toMegabytes()}, Locale.forLanguageTag("ru")));
        for (SkippedAttachment s : skipped) {
            note.append("\n• ").append(s.fileName()).append(" (").append(s.contentType()).append(", ")
                    .append(String.format(Locale.ROOT, "%.1f MiB", s.size() / 1048576.0)).append(')');
        }
        return note.toString();
    }

    private static IncomingMail.NewAttachment attachment(MailAttachment a) {
        return new IncomingMail.NewAttachment(a.fileName(), a.contentType(), a.contentId(), a.inline(), a.content());
    }

    private static String idOrKey(ParsedMail p, Mail mail) {
        return p.messageId() == null || p.messageId().isBlank() ? "sha256:" + mail.key() : p.messageId();
    }

    private static String stripBrackets(String id) {
        String s = id.strip();
        return s.startsWith("<") && s.endsWith(">") ? s.substring(1, s.length() - 1) : s;
    }

    /** Message-ID, From and Subject of a mail that could not be parsed, read as plain header lines. */
    static String[] headerPreview(byte[] raw) {
        String head = new String(raw, 0, Math.min(raw.length, 16384), StandardCharsets.ISO_8859_1);
        int end = head.indexOf("\r\n\r\n");
        if (end < 0) {
            end = head.indexOf("\n\n");
        }
        if (end >= 0) {
            head = head.substring(0, end);
        }
        String[] out = new String[3];
        String[] names = {"message-id", "from", "subject"};
        for (String line : head.split("\r?\n")) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            for (int i = 0; i < names.length; i++) {
                if (out[i] == null && names[i].equals(name)) {
                    out[i] = line.substring(colon + 1).strip();
                }
            }
        }
        return out;
    }

    /**
     * An admin retries a quarantined mail (e.g. after a fix): parsed again and, when readable now, taken
     * like a new mail. Returns the ticket it went to, or empty when it is still unreadable (reason updated).
     */
    public Optional<Long> retry(QuarantinedMail q) {
        Mail mail = read(q.raw());
        if (mail.parsed() == null) {
            q.stillUnreadable(mail.unreadable());
            return Optional.empty();
        }
        inbound.forgetQuarantined(q.mailboxId(), List.of(mail.key(), ThreadRefs.sha256(q.raw())));
        inbound.flush();
        Batch batch = new Batch(List.of(mail));
        Outcome outcome = take(q.mailboxId(), mail, batch);
        batch.finish();
        if (outcome == Outcome.QUARANTINED) {
            return Optional.empty();
        }
        return Optional.ofNullable(inbound.findTicketOf(q.mailboxId(), mail.key()));
    }
}
