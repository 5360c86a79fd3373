package io.linia.intake.internal;

import io.linia.intake.MailProperties;
import io.linia.intake.PollResult;
import io.linia.intake.ProcessedAction;
import io.linia.intake.internal.InboundRecord.Outcome;
import io.linia.intake.internal.MailIngest.Disposition;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.search.FlagTerm;
import jakarta.mail.search.NotTerm;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads a mailbox: takes the lease (one node at a time), finds the mails not yet marked processed,
 * fetches and parses them a batch at a time (the next batch while the current one is stored), hands
 * each batch to {@link MailIngest} and marks on the server
 * (keyword flag or move) only the mails whose transaction has committed. A crash in between leaves
 * the mails unmarked: the next pass sees them again and the deduplication key recognises them.
 */
@Component
public class MailboxReader {

    /** Linia's own keyword; servers without keywords get {@code \Seen} instead. */
    static final String PROCESSED_KEYWORD = "$LiniaProcessed";
    private static final Logger log = LoggerFactory.getLogger(MailboxReader.class);

    private final MailboxRepository mailboxes;
    private final MailIngest ingest;
    private final MailProperties properties;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final String node;
    private final String sslTrust;
    private final Map<Long, Object> locks = new ConcurrentHashMap<>();
    private final ExecutorService prefetcher = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "linia-mail-fetch");
        t.setDaemon(true);
        return t;
    });

    MailboxReader(MailboxRepository mailboxes, MailIngest ingest, MailProperties properties,
                  PlatformTransactionManager transactions, Clock clock,
                  @Value("${linia.mail.ssl-trust:}") String sslTrust) {
        this.mailboxes = mailboxes;
        this.ingest = ingest;
        this.properties = properties;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
        this.sslTrust = sslTrust;
        this.node = ManagementFactory.getRuntimeMXBean().getName() + "/" + Long.toHexString(System.nanoTime());
    }

    /** A step between fetching and marking, for tests that simulate a crash there. */
    interface AfterCommit {
        void committed(Mailbox box, List<Message> batch) throws MessagingException;
    }

    private volatile AfterCommit afterCommit = (box, batch) -> { };

    void afterCommit(AfterCommit hook) {
        this.afterCommit = hook == null ? (box, batch) -> { } : hook;
    }

    /** One full pass over the mailbox now; nothing when another node holds it. */
    public PollResult poll(long mailboxId) {
        synchronized (locks.computeIfAbsent(mailboxId, id -> new Object())) {
            Mailbox box = mailboxes.findById(mailboxId).orElse(null);
            if (box == null) {
                return PollResult.NOTHING;
            }
            Instant now = clock.instant();
            Duration leaseFor = Duration.ofMinutes(10);
            Integer leased = tx.execute(s -> mailboxes.lease(mailboxId, node, now, now.plus(leaseFor)));
            if (leased == null || leased == 0) {
                return PollResult.NOTHING;
            }
            try {
                PollResult result = read(box);
                tx.executeWithoutResult(s -> mailboxes.findById(mailboxId).ifPresent(b -> b.polled(result.taken(), clock.instant())));
                return result;
            } catch (MessagingException | IOException | RuntimeException e) {
                log.warn("Reading mailbox {} failed: {}", box.name(), e.toString());
                String error = e.getMessage() == null ? e.toString() : e.getClass().getSimpleName() + ": " + e.getMessage();
                tx.executeWithoutResult(s -> mailboxes.findById(mailboxId).ifPresent(b -> b.failed(error, clock.instant())));
                throw new MailboxUnavailable(box.name(), error, e);
            } finally {
                tx.executeWithoutResult(s -> mailboxes.release(mailboxId, node));
            }
        }
    }

    /** The mailbox could not be read (connection, login, folder); the admin page shows why. */
    public static class MailboxUnavailable extends RuntimeException {
        MailboxUnavailable(String mailbox, String error, Throwable cause) {
            super("Mailbox " + mailbox + ": " + error, cause);
        }
    }

    private PollResult read(Mailbox box) throws MessagingException, IOException {
        Store store = ImapSessions.connect(box, sslTrust);
        try {
            Folder folder = store.getFolder(box.folder());
            folder.open(Folder.READ_WRITE);
            try {
                boolean keywords = folder.getPermanentFlags().contains(Flags.Flag.USER);
                Flags processed = box.processedAction() == ProcessedAction.MOVE ? null
                        : keywords ? new Flags(PROCESSED_KEYWORD) : new Flags(Flags.Flag.SEEN);
                Message[] waiting = folder.search(processed == null
                        ? new NotTerm(new FlagTerm(new Flags(Flags.Flag.DELETED), true))
                        : new NotTerm(new FlagTerm(processed, true)));
                PollResult total = PollResult.NOTHING;
                int batch = properties.batchSize();
                // a pipeline of two: while one batch is stored (and then marked), the next is fetched and parsed
                Future<Fetched> next = waiting.length == 0 ? null
                        : prefetcher.submit(() -> fetch(folder, Arrays.copyOfRange(waiting, 0, Math.min(waiting.length, batch))));
                for (int from = 0; from < waiting.length; from += batch) {
                    Fetched current = await(next);
                    int following = from + batch;
                    next = following >= waiting.length ? null : prefetcher.submit(() ->
                            fetch(folder, Arrays.copyOfRange(waiting, following, Math.min(waiting.length, following + batch))));
                    try {
                        total = total.plus(take(store, folder, box, current, processed));
                    } catch (MessagingException | RuntimeException e) {
                        if (next != null) {
                            next.cancel(true);
                        }
                        throw e;
                    }
                }
                return total;
            } finally {
                if (folder.isOpen()) {
                    folder.close(false);
                }
            }
        } finally {
            store.close();
        }
    }

    /** A batch fetched from the server and parsed, ready to be stored. */
    private record Fetched(Message[] chunk, List<MailIngest.Mail> mails) {
    }

    private Fetched fetch(Folder folder, Message[] chunk) throws MessagingException, IOException {
        FetchProfile profile = new FetchProfile();
        profile.add(UIDFolder.FetchProfileItem.UID);
        profile.add(IMAPFolder.FetchProfileItem.MESSAGE);
        folder.fetch(chunk, profile);
        List<byte[]> raws = new ArrayList<>(chunk.length);
        for (Message m : chunk) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
            m.writeTo(out);
            raws.add(out.toByteArray());
        }
        return new Fetched(chunk, ingest.parse(raws));
    }

    private static Fetched await(Future<Fetched> future) throws MessagingException, IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MessagingException("Interrupted while reading the mailbox", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof MessagingException m) {
                throw m;
            }
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new MessagingException("Reading the mailbox failed", (Exception) cause);
        }
    }

    private PollResult take(Store store, Folder folder, Mailbox box, Fetched fetched, Flags processed)
            throws MessagingException {
        Message[] chunk = fetched.chunk();
        MailIngest.Result result = ingest.ingestParsed(box.id(), fetched.mails());
        afterCommit.committed(box, Arrays.asList(chunk));
        List<Message> done = new ArrayList<>();
        List<Message> quarantined = new ArrayList<>();
        int later = 0;
        for (int i = 0; i < chunk.length; i++) {
            Disposition d = result.dispositions().get(i);
            switch (d) {
                case DONE -> done.add(chunk[i]);
                case QUARANTINE -> quarantined.add(chunk[i]);
                case LATER -> later++;
            }
        }
        mark(store, folder, box, done, processed, box.processedAction() == ProcessedAction.MOVE ? box.processedFolder() : null);
        mark(store, folder, box, quarantined, processed, box.quarantineFolder());
        PollResult taken = result(result);
        return new PollResult(taken.newTickets(), taken.replies(), taken.autoReplies(), taken.bounces(),
                taken.quarantined(), taken.duplicates(), later);
    }

    static PollResult result(MailIngest.Result result) {
        Map<Outcome, Integer> o = result.outcomes();
        int later = (int) result.dispositions().stream().filter(d -> d == Disposition.LATER).count();
        return new PollResult(o.getOrDefault(Outcome.NEW_TICKET, 0), o.getOrDefault(Outcome.REPLY, 0),
                o.getOrDefault(Outcome.AUTO_REPLY, 0), o.getOrDefault(Outcome.BOUNCE, 0),
                o.getOrDefault(Outcome.QUARANTINED, 0), result.duplicates(), later);
    }

    /** Marks mails processed: the keyword, and a move to {@code toFolder} when one is given. */
    private void mark(Store store, Folder folder, Mailbox box, List<Message> messages, Flags processed, String toFolder)
            throws MessagingException {
        if (messages.isEmpty()) {
            return;
        }
        Message[] array = messages.toArray(Message[]::new);
        if (processed != null) {
            folder.setFlags(array, processed, true);
        }
        if (toFolder == null) {
            return;
        }
        Folder target = store.getFolder(toFolder);
        if (!target.exists() && !target.create(Folder.HOLDS_MESSAGES)) {
            log.warn("Mailbox {}: folder {} cannot be created; mails stay flagged where they are", box.name(), toFolder);
            return;
        }
        if (folder instanceof IMAPFolder imap && store instanceof IMAPStore is && is.hasCapability("MOVE")) {
            imap.moveMessages(array, target);
        } else {
            folder.copyMessages(array, target);
            folder.setFlags(array, new Flags(Flags.Flag.DELETED), true);
            if (folder instanceof IMAPFolder imap && store instanceof IMAPStore is && is.hasCapability("UIDPLUS")) {
                imap.expunge(array);
            }
        }
    }
}
