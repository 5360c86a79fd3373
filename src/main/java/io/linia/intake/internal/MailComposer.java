package io.linia.intake.internal;

import io.linia.accounts.UserDirectory;
import io.linia.accounts.UserRef;
import io.linia.intake.MailProperties;
import io.linia.intake.OutboxView.OutboxKind;
import io.linia.knowledge.ArticleHit;
import io.linia.knowledge.ArticleSuggestions;
import io.linia.knowledge.KnowledgeProperties;
import io.linia.tickets.MessageKind;
import io.linia.tickets.TicketProperties;
import io.linia.tickets.TicketView;
import io.linia.tickets.TicketView.MessageView;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Component;

/**
 * Writes the mail of an outbox entry from the templates of {@code i18n/mail} in the customer's
 * language: subject with the ticket number, text, and the headers that keep the thread together
 * ({@code Message-ID}, {@code In-Reply-To}, {@code References}); automatic mail says so
 * ({@code Auto-Submitted: auto-replied}) so that other robots do not answer it.
 */
@Component
class MailComposer {

    private static final int ARTICLES_IN_ACKNOWLEDGEMENT = 3;
    private static final int MAX_REFERENCES = 10;

    private final MessageSource messages;
    private final UserDirectory users;
    private final ArticleSuggestions suggestions;
    private final KnowledgeProperties knowledge;
    private final TicketProperties ticketProperties;
    private final MailProperties properties;
    private final InboundRecordRepository inbound;
    private final OutboxRepository outbox;
    private final MailboxRepository mailboxes;
    private final List<io.linia.intake.SolvedMailAddition> solvedAdditions;

    MailComposer(MessageSource messages, UserDirectory users, ArticleSuggestions suggestions, KnowledgeProperties knowledge,
                 TicketProperties ticketProperties, MailProperties properties, InboundRecordRepository inbound,
                 OutboxRepository outbox, MailboxRepository mailboxes,
                 org.springframework.beans.factory.ObjectProvider<io.linia.intake.SolvedMailAddition> solvedAdditions) {
        this.solvedAdditions = solvedAdditions.orderedStream().toList();
        this.messages = messages;
        this.users = users;
        this.suggestions = suggestions;
        this.knowledge = knowledge;
        this.ticketProperties = ticketProperties;
        this.properties = properties;
        this.inbound = inbound;
        this.outbox = outbox;
        this.mailboxes = mailboxes;
    }

    /** A mail ready to send: Linia's Message-ID is kept (the session would otherwise make its own). */
    static final class OutgoingMessage extends MimeMessage {

        private final String messageId;

        OutgoingMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", "<" + messageId + ">");
        }
    }

    MimeMessage compose(OutboxEntry entry, TicketView ticket, Session session) throws MessagingException {
        if (entry.kind() == OutboxKind.SLA_BREACH) {
            return digest(entry, session);
        }
        if (entry.kind() == OutboxKind.RULE_NOTICE) {
            return ruleNotice(entry, ticket, session);
        }
        if (entry.kind() == OutboxKind.SPIKE_ALERT) {
            return spikeAlert(entry, session);
        }
        Locale locale = users.user(ticket.customerId()).map(UserRef::locale).filter(l -> l != null && !l.isBlank())
                .map(Locale::forLanguageTag).orElse(Locale.forLanguageTag("ru"));
        MessageView message = entry.ticketMessageId() == null ? null : ticket.messages().stream()
                .filter(m -> m.id() == entry.ticketMessageId()).findFirst().orElse(null);
        OutgoingMessage mail = new OutgoingMessage(session, entry.messageId());
        String fromAddress = fromAddress(ticket.id());
        try {
            String name = properties.fromName().isBlank() ? text("mail.from.name", locale) : properties.fromName();
            mail.setFrom(new InternetAddress(fromAddress, name, StandardCharsets.UTF_8.name()));
            mail.setRecipient(MimeMessage.RecipientType.TO,
                    new InternetAddress(entry.recipient(), ticket.customerName(), StandardCharsets.UTF_8.name()));
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
        mail.setReplyTo(new InternetAddress[] {new InternetAddress(fromAddress)});
        String subjectKey = entry.kind() == OutboxKind.ACKNOWLEDGEMENT ? "mail.subject.acknowledgement" : "mail.subject.reply";
        mail.setSubject(messages.getMessage(subjectKey, new Object[] {ticket.number(), ticket.subject()}, locale),
                StandardCharsets.UTF_8.name());
        mail.setSentDate(new Date());
        mail.setText(body(entry.kind(), ticket, message, locale), StandardCharsets.UTF_8.name());
        threadHeaders(mail, entry);
        if (entry.kind() == OutboxKind.ACKNOWLEDGEMENT) {
            mail.setHeader("Auto-Submitted", "auto-replied");
            mail.setHeader("X-Auto-Response-Suppress", "All");
            mail.setHeader("Precedence", "auto_reply");
        }
        mail.setHeader("X-Linia-Ticket", ticket.number());
        mail.saveChanges();
        return mail;
    }

    String body(OutboxKind kind, TicketView ticket, MessageView message, Locale locale) {
        StringBuilder b = new StringBuilder();
        b.append(messages.getMessage("mail.greeting", new Object[] {ticket.customerName()}, locale)).append("\n\n");
        switch (kind) {
            case ACKNOWLEDGEMENT -> {
                b.append(messages.getMessage("mail.acknowledgement.body", new Object[] {ticket.number()}, locale)).append("\n\n");
                List<ArticleHit> articles = suggestions.forText(ticket.subject(), firstCustomerText(ticket), true,
                        ARTICLES_IN_ACKNOWLEDGEMENT);
                if (!articles.isEmpty()) {
                    b.append(text("mail.acknowledgement.articles", locale)).append('\n');
                    for (ArticleHit a : articles) {
                        b.append("• ").append(a.title()).append(" — ").append(knowledge.articleUrl(a.id())).append('\n');
                    }
                    b.append('\n');
                }
                b.append(messages.getMessage("mail.acknowledgement.howToAdd", new Object[] {ticket.number()}, locale));
            }
            case REPLY, INFORMATION_REQUEST, SOLVED -> {
                if (message != null) {
                    b.append(message.body().strip()).append("\n\n");
                    if (message.articleUrl() != null) {
                        b.append(messages.getMessage("mail.article", new Object[] {
                                message.articleTitle() == null ? message.articleUrl() : message.articleTitle(),
                                message.articleUrl()}, locale)).append("\n\n");
                    }
                }
                String closing = switch (kind) {
                    case INFORMATION_REQUEST -> messages.getMessage("mail.informationRequest.closing",
                            new Object[] {ticket.number()}, locale);
                    case SOLVED -> messages.getMessage("mail.solved.closing",
                            new Object[] {ticket.number(), ticketProperties.reopenWindow().toDays()}, locale);
                    default -> messages.getMessage("mail.reply.closing", new Object[] {ticket.number()}, locale);
                };
                b.append(closing);
                if (kind == OutboxKind.SOLVED) {
                    for (io.linia.intake.SolvedMailAddition addition : solvedAdditions) {
                        String extra = addition.solvedMailText(ticket.id(), locale);
                        if (extra != null && !extra.isBlank()) {
                            b.append("\n\n").append(extra.strip());
                        }
                    }
                }
            }
        }
        b.append("\n\n-- \n").append(text("mail.signature", locale)).append('\n');
        return b.toString();
    }

    /** The SLA breach digest to a team lead: the tickets and targets, with links to the agent pages. */
    /** A rule's notice to a member of staff: its text, the ticket with a link, the rule's name. */
    private MimeMessage ruleNotice(OutboxEntry entry, TicketView ticket, Session session) throws MessagingException {
        Locale locale = staffLocale(entry.recipient());
        String payload = entry.payload() == null ? "" : entry.payload();
        int cut = payload.indexOf('\n');
        String rule = cut < 0 ? payload : payload.substring(0, cut);
        String text = cut < 0 ? "" : payload.substring(cut + 1);
        String b = text("mail.sla.greeting", locale) + "\n\n" + text + "\n\n"
                + ticket.number() + " — " + ticket.subject() + "\n" + knowledge.publicUrl() + "/agent/tickets/" + ticket.number()
                + "\n\n" + messages.getMessage("mail.rule.from", new Object[] {rule}, locale)
                + "\n\n-- \n" + text("mail.signature", locale) + "\n";
        return staffMail(entry, session, messages.getMessage("mail.rule.subject", new Object[] {ticket.number(), text}, locale), b);
    }

    /** A spike alert to a team lead: where, how many against the usual, the new words, sample tickets with links. */
    private MimeMessage spikeAlert(OutboxEntry entry, Session session) throws MessagingException {
        Locale locale = staffLocale(entry.recipient());
        List<String> lines = entry.payload() == null ? List.of() : entry.payload().lines().toList();
        String[] head = lines.isEmpty() ? new String[0] : lines.get(0).split("\t");
        String label = head.length > 2 ? ("en".equals(locale.getLanguage()) ? head[2] : head[1]) : "";
        String count = head.length > 3 ? head[3] : "";
        String usual = head.length > 4 ? head[4] : "";
        String words = lines.size() > 1 ? lines.get(1) : "";
        StringBuilder b = new StringBuilder(text("mail.sla.greeting", locale)).append("\n\n")
                .append(messages.getMessage("analytics.alerts.mail.body", new Object[] {label, count, usual}, locale)).append("\n");
        if (!words.isBlank()) {
            b.append(messages.getMessage("analytics.alerts.mail.words", new Object[] {words}, locale)).append('\n');
        }
        b.append('\n').append(text("analytics.alerts.mail.samples", locale)).append('\n');
        for (String line : lines.subList(Math.min(2, lines.size()), lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.split("\t", 2);
            b.append("• ").append(parts[0]).append(parts.length > 1 ? " — " + parts[1] : "").append(" — ")
                    .append(knowledge.publicUrl()).append("/agent/tickets/").append(parts[0]).append('\n');
        }
        b.append('\n').append(messages.getMessage("analytics.alerts.mail.more", new Object[] {knowledge.publicUrl() + "/agent/analytics/alerts"},
                locale)).append("\n\n-- \n").append(text("mail.signature", locale)).append('\n');
        return staffMail(entry, session, messages.getMessage("analytics.alerts.mail.subject", new Object[] {label, count}, locale),
                b.toString());
    }

    private Locale staffLocale(String address) {
        return users.staff().stream().filter(u -> address.equalsIgnoreCase(u.email())).findFirst()
                .map(UserRef::locale).filter(l -> l != null && !l.isBlank()).map(Locale::forLanguageTag)
                .orElse(Locale.forLanguageTag("ru"));
    }

    private MimeMessage staffMail(OutboxEntry entry, Session session, String subject, String body) throws MessagingException {
        OutgoingMessage mail = new OutgoingMessage(session, entry.messageId());
        try {
            mail.setFrom(new InternetAddress(properties.from(), "Linia", StandardCharsets.UTF_8.name()));
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
        mail.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(entry.recipient()));
        mail.setSubject(subject.length() > 200 ? subject.substring(0, 199) + "…" : subject, StandardCharsets.UTF_8.name());
        mail.setSentDate(new Date());
        mail.setText(body, StandardCharsets.UTF_8.name());
        mail.setHeader("Auto-Submitted", "auto-generated");
        mail.setHeader("X-Auto-Response-Suppress", "All");
        mail.saveChanges();
        return mail;
    }

    private MimeMessage digest(OutboxEntry entry, Session session) throws MessagingException {
        Locale locale = staffLocale(entry.recipient());
        List<String> lines = entry.payload() == null ? List.of() : entry.payload().lines().filter(l -> !l.isBlank()).toList();
        StringBuilder b = new StringBuilder(text("mail.sla.greeting", locale)).append("\n\n")
                .append(messages.getMessage("mail.sla.body", new Object[] {lines.size()}, locale)).append("\n\n");
        for (String line : lines) {
            String[] parts = line.split("\t");
            String target = parts.length > 1 ? messages.getMessage("sla.target." + parts[1], null, parts[1], locale) : "";
            b.append("• ").append(parts[0]).append(" — ").append(target).append(" — ")
                    .append(knowledge.publicUrl()).append("/agent/tickets/").append(parts[0]).append('\n');
        }
        b.append("\n-- \n").append(text("mail.signature", locale)).append('\n');
        return staffMail(entry, session, messages.getMessage("mail.sla.subject", new Object[] {lines.size()}, locale), b.toString());
    }

    /** In-Reply-To: the customer's latest mail (else Linia's latest); References: the thread, oldest first. */
    private void threadHeaders(MimeMessage mail, OutboxEntry entry) throws MessagingException {
        List<String> received = inbound.messageIdsOf(entry.ticketId(), Limit.of(MAX_REFERENCES));
        List<String> sent = outbox.messageIdsOf(entry.ticketId(), entry.id(), Limit.of(MAX_REFERENCES));
        String inReplyTo = !received.isEmpty() ? received.get(0) : !sent.isEmpty() ? sent.get(0) : null;
        if (inReplyTo == null) {
            return;
        }
        List<String> thread = new ArrayList<>(received);
        Collections.reverse(thread);
        List<String> ours = new ArrayList<>(sent);
        Collections.reverse(ours);
        thread.addAll(ours);
        List<String> refs = thread.stream().distinct().limit(MAX_REFERENCES).toList();
        mail.setHeader("In-Reply-To", "<" + inReplyTo + ">");
        mail.setHeader("References", String.join(" ", refs.stream().map(id -> "<" + id + ">").toList()));
    }

    private String fromAddress(long ticketId) {
        return inbound.mailboxesOf(ticketId, Limit.of(1)).stream().findFirst()
                .flatMap(mailboxes::findById).map(Mailbox::address).orElse(properties.from());
    }

    private static String firstCustomerText(TicketView ticket) {
        return ticket.messages().stream().filter(m -> m.kind() == MessageKind.CUSTOMER).map(MessageView::body)
                .findFirst().orElse("");
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
