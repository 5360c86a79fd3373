package io.linia.intake.internal;

import io.linia.intake.MailProperties;
import io.linia.intake.OutboxView.OutboxKind;
import io.linia.tickets.AgentReplied;
import io.linia.tickets.Channel;
import io.linia.tickets.Delivery;
import io.linia.tickets.MessageKind;
import io.linia.tickets.TicketAction;
import io.linia.tickets.TicketCreated;
import io.linia.tickets.TicketNumber;
import io.linia.tickets.TicketService;
import io.linia.tickets.TicketState;
import io.linia.tickets.TicketStateChanged;
import io.linia.tickets.TicketView;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Puts the mail a ticket's customer must get into the outbox, in the transaction of what it tells:
 * the acknowledgement of a new ticket, every public reply, a request for information, the solved
 * notice. Listens synchronously, so a reply is never saved without its mail (nor the other way).
 * Without SMTP settings ({@code spring.mail.host}) the channel sends nothing and queues nothing.
 */
@Component
public class MailOutbox {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final OutboxRepository outbox;
    private final ThreadRefs refs;
    private final TicketService tickets;
    private final MailProperties properties;
    private final ObjectProvider<JavaMailSender> sender;
    private final io.linia.accounts.UserDirectory users;
    private final Clock clock;
    private final boolean noticesByMail;

    MailOutbox(OutboxRepository outbox, ThreadRefs refs, TicketService tickets, MailProperties properties,
               ObjectProvider<JavaMailSender> sender, io.linia.accounts.UserDirectory users, Clock clock,
               @org.springframework.beans.factory.annotation.Value("${linia.automation.notify-by-mail:true}") boolean noticesByMail) {
        this.noticesByMail = noticesByMail;
        this.outbox = outbox;
        this.refs = refs;
        this.tickets = tickets;
        this.properties = properties;
        this.sender = sender;
        this.users = users;
        this.clock = clock;
    }

    /** Whether Linia sends mail at all (SMTP configured). */
    public boolean active() {
        return sender.getIfAvailable() != null;
    }

    /** Queues a mail about ticket {@code ticketId} (and its message, or null) to {@code recipient}. */
    public OutboxEntry enqueue(OutboxKind kind, long ticketId, Long messageId, String recipient) {
        Instant now = clock.instant();
        OutboxEntry entry = outbox.save(new OutboxEntry(kind, ticketId, messageId, recipient, newMessageId(ticketId), now));
        refs.remember(entry.messageId(), ticketId, now);
        if (messageId != null) {
            tickets.deliveryChanged(ticketId, messageId, Delivery.QUEUED, null);
        }
        return entry;
    }

    /**
     * The SLA pass found breaches: each team lead told gets one digest mail (their language), listing the
     * tickets and targets with links, in the pass's transaction.
     */
    @EventListener
    void on(io.linia.sla.SlaBreachesFound event) {
        if (!active()) {
            return;
        }
        event.byLead().forEach((lead, breaches) -> users.user(lead).filter(u -> u.enabled() && u.email() != null)
                .ifPresent(u -> {
                    String lines = breaches.stream().map(b -> b.ticketNumber() + "\t" + b.target().name())
                            .collect(java.util.stream.Collectors.joining("\n"));
                    Instant now = clock.instant();
                    long first = breaches.get(0).ticketId();
                    outbox.save(new OutboxEntry(OutboxKind.SLA_BREACH, first, null, u.email(), newMessageId(first), now)
                            .withPayload(lines.length() > 19000 ? lines.substring(0, lines.lastIndexOf('\n', 19000)) : lines));
                }));
    }

    /**
     * Analytics opened a spike alert: each team lead told gets one mail (their language) with the category or channel,
     * the counts, the new words and sample tickets with links, in the transaction that opened it. The outbox row is
     * filed under the newest sample ticket (every row names a ticket).
     */
    @EventListener
    void on(io.linia.analytics.SpikeAlertRaised event) {
        if (!active() || event.samples().isEmpty()) {
            return;
        }
        StringBuilder payload = new StringBuilder();
        payload.append(event.alertId()).append('\t').append(event.labelRu()).append('\t').append(event.labelEn()).append('\t')
                .append(event.count()).append('\t').append(event.usual()).append('\n')
                .append(String.join(", ", event.words())).append('\n');
        event.samples().forEach(s -> payload.append(s.ticketNumber()).append('\t').append(s.subject()).append('\n'));
        long first = event.samples().get(0).ticketId();
        for (long lead : event.leadIds()) {
            users.user(lead).filter(u -> u.enabled() && u.email() != null && !u.email().isBlank()).ifPresent(u ->
                    outbox.save(new OutboxEntry(OutboxKind.SPIKE_ALERT, first, null, u.email(), newMessageId(first), clock.instant())
                            .withPayload(payload.length() > 19000 ? payload.substring(0, 19000) : payload.toString())));
        }
    }

    /** A rule notified staff: each of them with an address gets the notice by mail too (their language). */
    @EventListener
    void on(io.linia.automation.RuleNoticesSent event) {
        if (!active() || !noticesByMail) {
            return;
        }
        for (long id : event.recipientIds()) {
            users.user(id).filter(u -> u.enabled() && u.email() != null && !u.email().isBlank()).ifPresent(u ->
                    outbox.save(new OutboxEntry(OutboxKind.RULE_NOTICE, event.ticketId(), null, u.email(),
                            newMessageId(event.ticketId()), clock.instant()).withPayload(event.ruleName() + "\n" + event.text())));
        }
    }

    @EventListener
    void on(TicketCreated event) {
        if (event.channel() != Channel.EMAIL && properties.acknowledgeWebTickets() && active()) {
            tickets.summaryOf(event.ticketId()).ifPresent(t ->
                    enqueue(OutboxKind.ACKNOWLEDGEMENT, t.id(), null, t.customerEmail()));
        }
    }

    @EventListener
    void on(AgentReplied event) {
        if (!active()) {
            return;
        }
        OutboxKind kind = switch (event.action()) {
            case REPLY -> OutboxKind.REPLY;
            case ASK_FOR_INFORMATION -> OutboxKind.INFORMATION_REQUEST;
            default -> null; // ANSWER and SOLVE solve the ticket: one solved notice (below) carries the reply
        };
        if (kind != null) {
            tickets.summaryOf(event.ticketId()).ifPresent(t -> enqueue(kind, t.id(), event.messageId(), t.customerEmail()));
        }
    }

    @EventListener
    void on(TicketStateChanged event) {
        if (!active() || event.to() != TicketState.SOLVED
                || (event.action() != TicketAction.ANSWER && event.action() != TicketAction.SOLVE)) {
            return;
        }
        tickets.forMail(event.ticketId()).ifPresent(t -> {
            Long reply = t.messages().stream()
                    .filter(m -> m.kind() == MessageKind.PUBLIC_REPLY && m.createdAt().equals(event.at()))
                    .map(TicketView.MessageView::id).reduce((a, b) -> b).orElse(null);
            enqueue(OutboxKind.SOLVED, t.id(), reply, t.customerEmail());
        });
    }

    private String newMessageId(long ticketId) {
        byte[] random = new byte[8];
        RANDOM.nextBytes(random);
        return TicketNumber.format(ticketId) + "." + HexFormat.of().formatHex(random) + "@" + properties.messageIdDomain();
    }
}
