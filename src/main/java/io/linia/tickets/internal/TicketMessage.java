package io.linia.tickets.internal;

import io.linia.tickets.Delivery;
import io.linia.tickets.MessageKind;
import io.linia.tickets.TicketView.MessageView;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "ticket_message")
public class TicketMessage {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ticket_message_seq")
    @SequenceGenerator(name = "ticket_message_seq", sequenceName = "ticket_message_seq", allocationSize = 50)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "ticket_id")
    private Ticket ticket;
    @Enumerated(EnumType.STRING)
    private MessageKind kind;
    private Long authorId;
    private String authorName;
    private String body;
    private String articleUrl;
    private String articleTitle;
    private Long articleId;
    private Instant createdAt;
    /** The address a mail came from (null for the web and for staff). */
    private String senderEmail;
    /** The mail came from someone other than the ticket's customer: the agent must check who writes. */
    private boolean foreignSender;
    /** Sanitised HTML of a mail, for display beside the text. */
    private String bodyHtml;
    @Enumerated(EnumType.STRING)
    private Delivery delivery;
    private String deliveryDetail;
    private Instant deliveryAt;

    protected TicketMessage() {
    }

    TicketMessage(Ticket ticket, MessageKind kind, Long authorId, String authorName, String body,
                  String articleUrl, String articleTitle, Instant createdAt) {
        this.ticket = ticket;
        this.kind = kind;
        this.authorId = authorId;
        this.authorName = authorName;
        this.body = body;
        this.articleUrl = articleUrl;
        this.articleTitle = articleTitle;
        this.createdAt = createdAt;
    }

    public Long id() { return id; }

    public MessageKind kind() { return kind; }

    public String body() { return body; }

    public Long articleId() { return articleId; }

    public Instant createdAt() { return createdAt; }

    public Delivery delivery() { return delivery; }

    /** What a mail brought beyond its text: sender, sanitised HTML, whether the sender is a stranger. */
    public void mailed(String senderEmail, boolean foreignSender, String html) {
        this.senderEmail = senderEmail;
        this.foreignSender = foreignSender;
        this.bodyHtml = html;
    }

    /** The outbox reports on this reply; a later state never goes back to an earlier one except a retry that succeeds. */
    public boolean deliveryChanged(Delivery state, String detail, Instant at) {
        if (this.delivery == Delivery.BOUNCED || (this.delivery == Delivery.SENT && state != Delivery.BOUNCED)) {
            return false;
        }
        this.delivery = state;
        this.deliveryDetail = detail == null ? null : detail.length() > 1000 ? detail.substring(0, 1000) : detail;
        this.deliveryAt = at;
        return true;
    }

    /** The knowledge-base article this reply is based on. */
    void linkArticle(long articleId) {
        this.articleId = articleId;
    }

    public MessageView toView(java.util.List<io.linia.tickets.TicketView.AttachmentView> attachments) {
        return new MessageView(id, kind, authorId, authorName, body, articleUrl, articleTitle, createdAt, articleId,
                senderEmail, foreignSender, bodyHtml, delivery, deliveryDetail, deliveryAt, attachments);
    }
}
