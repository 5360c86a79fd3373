package io.linia.knowledge.internal;

import io.linia.accounts.Actor;
import io.linia.knowledge.ArticleFlag;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** An agent's note that an article is out of date; open until an editor resolves it. */
@Entity
@Table(name = "kb_flag")
public class OutdatedFlag {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "kb_flag_seq")
    @SequenceGenerator(name = "kb_flag_seq", sequenceName = "kb_flag_seq", allocationSize = 50)
    private Long id;
    private long articleId;
    private Long flaggedBy;
    private String flaggedName;
    private String reason;
    private Instant createdAt;
    private Instant resolvedAt;
    private String resolvedBy;

    protected OutdatedFlag() {
    }

    public OutdatedFlag(long articleId, Actor by, String reason, Instant now) {
        this.articleId = articleId;
        this.flaggedBy = by.isSystem() ? null : by.id();
        this.flaggedName = by.name();
        this.reason = reason.strip();
        this.createdAt = now;
    }

    public boolean isOpen() {
        return resolvedAt == null;
    }

    public void resolve(Actor editor, Instant now) {
        this.resolvedAt = now;
        this.resolvedBy = editor.name();
    }

    public Long id() { return id; }

    public long articleId() { return articleId; }

    public ArticleFlag toView(String articleTitle) {
        return new ArticleFlag(id, articleId, articleTitle, flaggedName, reason, createdAt, resolvedAt, resolvedBy);
    }
}
