package io.linia.knowledge.internal;

import io.linia.accounts.Actor;
import io.linia.knowledge.ArticleCommand;
import io.linia.knowledge.ArticleStatus;
import io.linia.knowledge.Audience;
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
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import org.hibernate.search.engine.backend.types.Highlightable;
import org.hibernate.search.engine.backend.types.Projectable;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.FullTextField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.GenericField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.KeywordField;

/**
 * A knowledge-base article. Every save is a new revision, kept whole in {@link ArticleVersion}; the
 * searchable fields are indexed by Hibernate Search as the transaction commits.
 */
@Entity
@Table(name = "kb_article")
@Indexed(index = "article")
public class Article {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "kb_article_seq")
    @SequenceGenerator(name = "kb_article_seq", sequenceName = "kb_article_seq", allocationSize = 50)
    private Long id;
    @FullTextField(analyzer = KnowledgeAnalysis.TEXT, projectable = Projectable.YES,
            highlightable = {Highlightable.UNIFIED, Highlightable.PLAIN})
    private String title;
    @FullTextField(analyzer = KnowledgeAnalysis.TEXT, highlightable = {Highlightable.UNIFIED, Highlightable.PLAIN})
    private String body;
    @GenericField(projectable = Projectable.YES)
    private Long categoryId;
    @KeywordField(projectable = Projectable.YES)
    @Enumerated(EnumType.STRING)
    private Audience audience;
    @KeywordField(projectable = Projectable.YES)
    private String language;
    @FullTextField(analyzer = KnowledgeAnalysis.TEXT)
    private String tags;
    @KeywordField(projectable = Projectable.YES)
    @Enumerated(EnumType.STRING)
    private ArticleStatus status;
    private Long authorId;
    private String authorName;
    private int revision;
    private Instant createdAt;
    private Instant updatedAt;
    private Instant publishedAt;
    @Version
    private long version;

    protected Article() {
    }

    public static Article write(ArticleCommand c, Actor author, Instant now) {
        Article a = new Article();
        a.createdAt = now;
        a.apply(c, author, now);
        return a;
    }

    /** A new revision; the caller stores its {@link ArticleVersion} once the article has its id. */
    public void apply(ArticleCommand c, Actor author, Instant now) {
        this.title = c.title().strip();
        this.body = c.body().strip();
        this.categoryId = c.categoryId();
        this.audience = c.audience();
        this.language = c.language();
        this.tags = String.join(", ", normaliseTags(c.tags()));
        if (c.status() == ArticleStatus.PUBLISHED && this.status != ArticleStatus.PUBLISHED) {
            this.publishedAt = now;
        }
        this.status = c.status();
        this.authorId = author.isSystem() ? null : author.id();
        this.authorName = author.name();
        this.updatedAt = now;
        this.revision++;
    }

    /** Tags as entered: trimmed, lower-cased, no repeats, in order. */
    public static List<String> normaliseTags(String tags) {
        if (tags == null || tags.isBlank()) {
            return List.of();
        }
        return List.copyOf(Arrays.stream(tags.split("[,;\\n]")).map(t -> t.strip().toLowerCase(java.util.Locale.ROOT))
                .filter(t -> !t.isEmpty()).map(t -> t.length() > 60 ? t.substring(0, 60) : t)
                .collect(java.util.stream.Collectors.toCollection(LinkedHashSet::new)));
    }

    public Long id() { return id; }

    public String title() { return title; }

    public String body() { return body; }

    public Long categoryId() { return categoryId; }

    public Audience audience() { return audience; }

    public String language() { return language; }

    public List<String> tagList() { return normaliseTags(tags); }

    public String tags() { return tags; }

    public ArticleStatus status() { return status; }

    public Long authorId() { return authorId; }

    public String authorName() { return authorName; }

    public int revision() { return revision; }

    public Instant createdAt() { return createdAt; }

    public Instant updatedAt() { return updatedAt; }

    public Instant publishedAt() { return publishedAt; }

    public long version() { return version; }

    public boolean isPublicAndPublished() {
        return audience == Audience.PUBLIC && status == ArticleStatus.PUBLISHED;
    }
}
