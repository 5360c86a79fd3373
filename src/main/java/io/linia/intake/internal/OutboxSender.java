package io.linia.intake.internal;

import io.linia.intake.MailProperties;
import io.linia.intake.OutboxView.OutboxState;
import io.linia.tickets.Delivery;
import io.linia.tickets.TicketService;
import io.linia.tickets.TicketView;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Limit;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends what is due in the outbox over SMTP, on its own thread: claims each mail for two minutes (so
 * two nodes never send it twice), composes it, sends it and records the outcome. A server that is
 * down or refuses for now means another try after a growing pause; a recipient refused for good (5xx)
 * or a mail too old fails it; either way the agent sees the state beside the reply.
 */
@Component
public class OutboxSender implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
    private static final EnumSet<OutboxState> DUE = EnumSet.of(OutboxState.PENDING, OutboxState.RETRYING);

    private final OutboxRepository outbox;
    private final MailComposer composer;
    private final TicketService tickets;
    private final ObjectProvider<JavaMailSender> sender;
    private final MailProperties properties;
    private final TransactionTemplate tx;
    private final Clock clock;
    private volatile ScheduledExecutorService executor;

    OutboxSender(OutboxRepository outbox, MailComposer composer, TicketService tickets,
                 ObjectProvider<JavaMailSender> sender, MailProperties properties,
                 PlatformTransactionManager transactions, Clock clock) {
        this.outbox = outbox;
        this.composer = composer;
        this.tickets = tickets;
        this.sender = sender;
        this.properties = properties;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        if (sender.getIfAvailable() == null || !properties.outbox().enabled() || executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "linia-mail-out");
            t.setDaemon(true);
            return t;
        });
        long every = properties.outbox().pollInterval().toMillis();
        executor.scheduleWithFixedDelay(() -> {
            try {
                sendDue();
            } catch (RuntimeException e) {
                log.warn("Sending mail failed: {}", e.toString());
            }
        }, every, every, TimeUnit.MILLISECONDS);
    }

    /** Sends every mail that is due now; returns how many were sent. */
    public int sendDue() {
        JavaMailSender mailSender = sender.getIfAvailable();
        if (mailSender == null) {
            return 0;
        }
        int sent = 0;
        List<Long> due = outbox.due(DUE, clock.instant(), Limit.of(properties.outbox().batchSize()));
        for (Long id : due) {
            Instant now = clock.instant();
            Integer claimed = tx.execute(s -> outbox.claim(id, now, now.plusSeconds(120)));
            if (claimed != null && claimed == 1 && send(id, mailSender)) {
                sent++;
            }
        }
        return sent;
    }

    private boolean send(long id, JavaMailSender mailSender) {
        MimeMessage message;
        OutboxEntry entry;
        try {
            record Composed(OutboxEntry entry, MimeMessage message) { }
            Composed composed = tx.execute(s -> {
                OutboxEntry e = outbox.findById(id).orElseThrow();
                Optional<TicketView> ticket = tickets.forMail(e.ticketId());
                if (ticket.isEmpty()) {
                    return new Composed(e, null);
                }
                try {
                    return new Composed(e, composer.compose(e, ticket.get(), mailSender.createMimeMessage().getSession()));
                } catch (MessagingException ex) {
                    throw new IllegalStateException(ex);
                }
            });
            entry = composed.entry();
            message = composed.message();
        } catch (RuntimeException e) {
            failed(id, "Composing failed: " + e.getMessage(), true);
            return false;
        }
        if (message == null) {
            failed(id, "Ticket " + entry.ticketId() + " not found", true);
            return false;
        }
        try {
            mailSender.send(message);
        } catch (MailException e) {
            failed(id, describe(e), permanent(e));
            return false;
        }
        tx.executeWithoutResult(s -> outbox.findById(id).ifPresent(e -> {
            e.sent(clock.instant());
            if (e.ticketMessageId() != null) {
                tickets.deliveryChanged(e.ticketId(), e.ticketMessageId(), Delivery.SENT, null);
            }
        }));
        return true;
    }

    private void failed(long id, String error, boolean permanent) {
        MailProperties.Outbox o = properties.outbox();
        tx.executeWithoutResult(s -> outbox.findById(id).ifPresent(e -> {
            e.failed(error, permanent, o.firstRetry(), o.maxRetry(), o.giveUpAfter(), clock.instant());
            log.info("Mail {} ({}) to {} not sent, attempt {}: {}", e.messageId(), e.kind(), e.recipient(), e.attempts(), error);
            if (e.ticketMessageId() != null) {
                tickets.deliveryChanged(e.ticketId(), e.ticketMessageId(),
                        e.state() == OutboxState.FAILED ? Delivery.FAILED : Delivery.RETRYING, e.lastError());
            }
        }));
    }

    /** Refused for good: the server said 5xx for the recipient. Anything else (down, 4xx, login) is tried again. */
    static boolean permanent(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SMTPAddressFailedException a && a.getReturnCode() >= 500) {
                return true;
            }
            if (t instanceof SendFailedException s && s.getNextException() != null && s.getNextException() != t
                    && permanent(s.getNextException())) {
                return true;
            }
            if (t instanceof org.springframework.mail.MailSendException m) {
                for (Exception f : m.getFailedMessages().values()) {
                    if (f != t && permanent(f)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return root == e ? m : e.getClass().getSimpleName() + ": " + m;
    }

    @Override
    public void start() {
        // started on ApplicationReadyEvent
    }

    @Override
    public void stop() {
        ScheduledExecutorService e = executor;
        if (e != null) {
            e.shutdownNow();
        }
        executor = null;
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }
}
