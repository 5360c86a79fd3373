package io.linia.tickets.internal;

import io.linia.accounts.Actor;
import io.linia.shared.DomainException;
import io.linia.tickets.DraftStatus;
import io.linia.tickets.TicketAction;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A supervised agent's command held for their supervisor: what it would have done (the action and its text, article,
 * category and group) and, once decided, how (approved as written, approved with an edit, rejected with a comment).
 */
@Entity
@Table(name = "ticket_draft")
public class TicketDraft {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ticket_draft_seq")
    @SequenceGenerator(name = "ticket_draft_seq", sequenceName = "ticket_draft_seq", allocationSize = 50)
    private Long id;
    private long ticketId;
    @Enumerated(EnumType.STRING)
    private TicketAction action;
    private long authorId;
    private String authorName;
    private long supervisorId;
    private String supervisorName;
    private String body;
    private String articleUrl;
    private String articleTitle;
    private Long articleId;
    private Long categoryId;
    private Long groupId;
    @Enumerated(EnumType.STRING)
    private DraftStatus status;
    private String sentBody;
    private String comment;
    private Instant createdAt;
    private Instant decidedAt;
    private Long decidedById;
    private String decidedByName;
    private boolean countsTicket;
    @Version
    private long version;

    protected TicketDraft() {
    }

    private TicketDraft(long ticketId, TicketAction action, Actor author, long supervisorId, String supervisorName, String body,
                        Instant now) {
        this.ticketId = ticketId;
        this.action = action;
        this.authorId = author.id();
        this.authorName = author.name();
        this.supervisorId = supervisorId;
        this.supervisorName = supervisorName;
        this.body = body == null || body.isBlank() ? null : body;
        this.status = DraftStatus.PENDING;
        this.createdAt = now;
    }

    /** An answer, question, reply or solving reply to the customer, held. */
    public static TicketDraft message(long ticketId, TicketAction action, Actor author, long supervisorId, String supervisorName,
                                      String body, String articleUrl, String articleTitle, Long articleId, Instant now) {
        TicketDraft d = new TicketDraft(ticketId, action, author, supervisorId, supervisorName, body, now);
        d.articleUrl = articleUrl == null || articleUrl.isBlank() ? null : articleUrl.strip();
        d.articleTitle = articleTitle == null || articleTitle.isBlank() ? null : articleTitle.strip();
        d.articleId = articleId;
        return d;
    }

    /** A pass to the second line, held: the category and group chosen and the note for the group. */
    public static TicketDraft escalation(long ticketId, Actor author, long supervisorId, String supervisorName, long categoryId,
                                         long groupId, String note, Instant now) {
        TicketDraft d = new TicketDraft(ticketId, TicketAction.ESCALATE, author, supervisorId, supervisorName, note, now);
        d.categoryId = categoryId;
        d.groupId = groupId;
        return d;
    }

    /**
     * The supervisor approves: as written when {@code edited} is null or the same text, else with the edit.
     *
     * @param firstOnTicket whether no other draft of the author on this ticket was approved before
     */
    public void approve(Actor by, String edited, boolean firstOnTicket, Instant now) {
        requirePending();
        boolean changed = edited != null && !edited.strip().equals(body == null ? "" : body.strip());
        this.status = changed ? DraftStatus.EDITED : DraftStatus.APPROVED;
        this.sentBody = changed ? edited : body;
        this.countsTicket = firstOnTicket;
        decided(by, now);
    }

    public void reject(Actor by, String comment, Instant now) {
        requirePending();
        if (comment == null || comment.isBlank()) {
            throw DomainException.invalid("comment", "supervision.error.commentRequired");
        }
        this.status = DraftStatus.REJECTED;
        this.comment = comment.strip();
        decided(by, now);
    }

    /** A comment that goes with an approval (e.g. why the text was edited). */
    public void comment(String comment) {
        this.comment = comment == null || comment.isBlank() ? null : comment.strip();
    }

    private void decided(Actor by, Instant now) {
        this.decidedAt = now;
        this.decidedById = by.id();
        this.decidedByName = by.name();
    }

    private void requirePending() {
        if (status != DraftStatus.PENDING) {
            throw DomainException.conflict("supervision.error.decided");
        }
    }

    public Long id() { return id; }

    public long ticketId() { return ticketId; }

    public TicketAction action() { return action; }

    public long authorId() { return authorId; }

    public String authorName() { return authorName; }

    public long supervisorId() { return supervisorId; }

    public String supervisorName() { return supervisorName; }

    public String body() { return body; }

    public String articleUrl() { return articleUrl; }

    public String articleTitle() { return articleTitle; }

    public Long articleId() { return articleId; }

    public Long categoryId() { return categoryId; }

    public Long groupId() { return groupId; }

    public DraftStatus status() { return status; }

    public String sentBody() { return sentBody; }

    public String comment() { return comment; }

    public Instant createdAt() { return createdAt; }

    public Instant decidedAt() { return decidedAt; }

    public Long decidedById() { return decidedById; }

    public String decidedByName() { return decidedByName; }

    public boolean countsTicket() { return countsTicket; }

    public long version() { return version; }
}
