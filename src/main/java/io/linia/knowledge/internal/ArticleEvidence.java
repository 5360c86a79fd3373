package io.linia.knowledge.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.search.engine.backend.types.Projectable;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.FullTextField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.GenericField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;

/**
 * A ticket that was answered with an article. Its text is indexed on its own, so that a new
 * ticket's nearest past tickets vote for the articles that answered them: the desk's own history
 * teaches the suggestions.
 */
@Entity
@Table(name = "kb_evidence")
@Indexed(index = "evidence")
public class ArticleEvidence {

    public static final int MAX_TEXT = 70_000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "kb_evidence_seq")
    @SequenceGenerator(name = "kb_evidence_seq", sequenceName = "kb_evidence_seq", allocationSize = 50)
    private Long id;
    @GenericField(projectable = Projectable.YES)
    private long articleId;
    private long ticketId;
    @FullTextField(analyzer = KnowledgeAnalysis.TEXT)
    private String text;
    private Instant createdAt;

    protected ArticleEvidence() {
    }

    public ArticleEvidence(long articleId, long ticketId, String text, Instant now) {
        this.articleId = articleId;
        this.ticketId = ticketId;
        this.text = text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
        this.createdAt = now;
    }

    public long articleId() { return articleId; }

    public long ticketId() { return ticketId; }
}
