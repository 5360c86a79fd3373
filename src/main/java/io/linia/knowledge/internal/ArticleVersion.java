package io.linia.knowledge.internal;

import io.linia.knowledge.ArticleStatus;
import io.linia.knowledge.ArticleVersionView;
import io.linia.knowledge.Audience;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** An article exactly as one save left it; never changed afterwards. */
@Entity
@Table(name = "kb_article_version")
public class ArticleVersion {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "kb_article_version_seq")
    @SequenceGenerator(name = "kb_article_version_seq", sequenceName = "kb_article_version_seq", allocationSize = 50)
    private Long id;
    private long articleId;
    private int revision;
    private String title;
    private String body;
    private Long categoryId;
    @Enumerated(EnumType.STRING)
    private Audience audience;
    private String language;
    private String tags;
    @Enumerated(EnumType.STRING)
    private ArticleStatus status;
    private Long authorId;
    private String authorName;
    private String changeNote;
    private Instant createdAt;

    protected ArticleVersion() {
    }

    public ArticleVersion(Article a, String changeNote, Instant now) {
        this.articleId = a.id();
        this.revision = a.revision();
        this.title = a.title();
        this.body = a.body();
        this.categoryId = a.categoryId();
        this.audience = a.audience();
        this.language = a.language();
        this.tags = a.tags();
        this.status = a.status();
        this.authorId = a.authorId();
        this.authorName = a.authorName();
        this.changeNote = changeNote == null || changeNote.isBlank() ? null : changeNote.strip();
        this.createdAt = now;
    }

    public ArticleVersionView toView() {
        return new ArticleVersionView(articleId, revision, title, body, categoryId, audience, language,
                Article.normaliseTags(tags), status, authorName, changeNote, createdAt);
    }
}
