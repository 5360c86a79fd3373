package io.linia.knowledge.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** A request that was never written: the customer read an article and said it solved their problem. */
@Entity
@Table(name = "kb_deflection")
public class Deflection {

    public static final int MAX_QUERY = 1000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "kb_deflection_seq")
    @SequenceGenerator(name = "kb_deflection_seq", sequenceName = "kb_deflection_seq", allocationSize = 50)
    private Long id;
    private long articleId;
    private Long userId;
    private String query;
    private Instant createdAt;

    protected Deflection() {
    }

    public Deflection(long articleId, Long userId, String query, Instant now) {
        this.articleId = articleId;
        this.userId = userId;
        String q = query == null ? null : query.strip();
        this.query = q == null || q.isEmpty() ? null : q.length() > MAX_QUERY ? q.substring(0, MAX_QUERY) : q;
        this.createdAt = now;
    }

    public Long id() { return id; }

    public long articleId() { return articleId; }

    public Long userId() { return userId; }

    public String query() { return query; }
}
