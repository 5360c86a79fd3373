package io.linia.knowledge.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** One reader's answer to "did this article help?"; a second answer of the same reader replaces the first. */
@Entity
@Table(name = "kb_feedback")
public class ArticleVote {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "kb_feedback_seq")
    @SequenceGenerator(name = "kb_feedback_seq", sequenceName = "kb_feedback_seq", allocationSize = 50)
    private Long id;
    private long articleId;
    private String voter;
    private boolean helpful;
    private String comment;
    private Instant createdAt;

    protected ArticleVote() {
    }

    public ArticleVote(long articleId, String voter, boolean helpful, String comment, Instant now) {
        this.articleId = articleId;
        this.voter = voter;
        change(helpful, comment, now);
    }

    /** The reader changed their mind (or said it again): the latest answer counts, once. */
    public void change(boolean helpful, String comment, Instant now) {
        this.helpful = helpful;
        this.comment = helpful || comment == null || comment.isBlank() ? null : comment.strip();
        this.createdAt = now;
    }

    public long articleId() { return articleId; }

    public String voter() { return voter; }

    public boolean helpful() { return helpful; }

    public String comment() { return comment; }

    public Instant createdAt() { return createdAt; }
}
