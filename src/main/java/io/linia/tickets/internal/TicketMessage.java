package io.linia.tickets.internal;

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

    /** The knowledge-base article this reply is based on. */
    void linkArticle(long articleId) {
        this.articleId = articleId;
    }

    public MessageView toView() {
        return new MessageView(id, kind, authorId, authorName, body, articleUrl, articleTitle, createdAt, articleId);
    }
}
