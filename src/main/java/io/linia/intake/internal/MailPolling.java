package io.linia.intake.internal;

import io.linia.intake.MailProperties;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.event.MessageCountAdapter;
import jakarta.mail.event.MessageCountEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Reads every enabled mailbox on its schedule, and at once when IMAP IDLE reports new mail (one
 * watcher thread per mailbox whose server supports IDLE). Its own thread, so a long pass never
 * delays Linia's other scheduled work. {@code linia.mail.inbound-enabled: false} turns it off.
 */
@Component
class MailPolling implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MailPolling.class);

    private final MailboxRepository mailboxes;
    private final MailboxReader reader;
    private final MailProperties properties;
    private final Clock clock;
    private final String sslTrust;
    private final Map<Long, Instant> nextPoll = new ConcurrentHashMap<>();
    private final Map<Long, IdleWatcher> watchers = new ConcurrentHashMap<>();
    private volatile ScheduledExecutorService executor;
    private volatile boolean running;

    MailPolling(MailboxRepository mailboxes, MailboxReader reader, MailProperties properties, Clock clock,
                @Value("${linia.mail.ssl-trust:}") String sslTrust) {
        this.mailboxes = mailboxes;
        this.reader = reader;
        this.properties = properties;
        this.clock = clock;
        this.sslTrust = sslTrust;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        if (!properties.inboundEnabled() || executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "linia-mail-in");
            t.setDaemon(true);
            return t;
        });
        running = true;
        executor.scheduleWithFixedDelay(this::tick, 0, 1, TimeUnit.SECONDS);
    }

    /** Reads the mailboxes that are due (or woken by IDLE); starts and stops IDLE watchers as settings change. */
    void tick() {
        try {
            Map<Long, Mailbox> enabled = mailboxes.findByEnabledTrue().stream()
                    .collect(Collectors.toMap(Mailbox::id, m -> m));
            syncWatchers(enabled);
            Instant now = clock.instant();
            for (Mailbox box : enabled.values()) {
                if (!running) {
                    return;
                }
                Instant due = nextPoll.getOrDefault(box.id(), Instant.MIN);
                if (!now.isBefore(due)) {
                    nextPoll.put(box.id(), now.plus(box.pollInterval()));
                    try {
                        reader.poll(box.id());
                    } catch (MailboxReader.MailboxUnavailable e) {
                        log.debug("{}", e.getMessage());
                    }
                }
            }
        } catch (RuntimeException e) {
            log.warn("Mail polling failed: {}", e.toString());
        }
    }

    /** Reads this mailbox at the next tick (IDLE saw new mail, or an admin asked). */
    void wake(long mailboxId) {
        nextPoll.put(mailboxId, Instant.MIN);
    }

    private void syncWatchers(Map<Long, Mailbox> enabled) {
        Set<Long> wanted = enabled.values().stream().filter(Mailbox::idle).map(Mailbox::id).collect(Collectors.toSet());
        watchers.entrySet().removeIf(e -> {
            Mailbox box = enabled.get(e.getKey());
            boolean stale = !wanted.contains(e.getKey()) || box.version() != e.getValue().version;
            if (stale) {
                e.getValue().stop();
            }
            return stale;
        });
        for (Long id : wanted) {
            watchers.computeIfAbsent(id, k -> {
                IdleWatcher w = new IdleWatcher(enabled.get(k));
                w.start();
                return w;
            });
        }
    }

    /** Holds an IDLE connection to one mailbox and wakes the reader when mail arrives. */
    private final class IdleWatcher implements Runnable {

        private final Mailbox box;
        private final long version;
        private final Thread thread;
        private volatile boolean stopped;
        private volatile Store store;

        IdleWatcher(Mailbox box) {
            this.box = box;
            this.version = box.version();
            this.thread = new Thread(this, "linia-mail-idle-" + box.id());
            this.thread.setDaemon(true);
        }

        void start() {
            thread.start();
        }

        void stop() {
            stopped = true;
            Store s = store;
            if (s != null) {
                try {
                    s.close();
                } catch (MessagingException ignored) {
                    // closing ends the IDLE; nothing else to do
                }
            }
            thread.interrupt();
        }

        @Override
        public void run() {
            while (!stopped && running) {
                try {
                    store = ImapSessions.connect(box, sslTrust);
                    if (!(store instanceof IMAPStore imap) || !imap.hasCapability("IDLE")) {
                        log.info("Mailbox {}: the server has no IDLE; read every {}", box.name(), box.pollInterval());
                        store.close();
                        return;
                    }
                    IMAPFolder folder = (IMAPFolder) store.getFolder(box.folder());
                    folder.open(Folder.READ_ONLY);
                    folder.addMessageCountListener(new MessageCountAdapter() {
                        @Override
                        public void messagesAdded(MessageCountEvent e) {
                            wake(box.id());
                        }
                    });
                    while (!stopped && running && folder.isOpen()) {
                        folder.idle(true);
                        wake(box.id());
                    }
                } catch (MessagingException | RuntimeException e) {
                    if (!stopped && running) {
                        log.debug("Mailbox {}: IDLE interrupted ({}); reconnecting", box.name(), e.toString());
                        sleep(10_000);
                    }
                } finally {
                    Store s = store;
                    if (s != null) {
                        try {
                            s.close();
                        } catch (MessagingException ignored) {
                            // already gone
                        }
                    }
                }
            }
        }

        private void sleep(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stopped = true;
            }
        }
    }

    @Override
    public void start() {
        // started on ApplicationReadyEvent, after the database and the demo data are there
    }

    @Override
    public void stop() {
        running = false;
        watchers.values().forEach(IdleWatcher::stop);
        watchers.clear();
        ScheduledExecutorService e = executor;
        if (e != null) {
            e.shutdownNow();
            try {
                e.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
            }
        }
        executor = null;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
