package io.linia.accounts.internal;

import io.linia.accounts.ApiTokenRef;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/** Only the SHA-256 digest of the secret is stored: a leaked database does not leak working tokens. */
@Entity
@Table(name = "api_token")
class ApiToken {

    /** Writing the last-use time on every request would put a write on the hot path; an hour's precision is enough. */
    private static final Duration LAST_USE_PRECISION = Duration.ofHours(1);

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "api_token_seq")
    @SequenceGenerator(name = "api_token_seq", sequenceName = "api_token_seq", allocationSize = 50)
    private Long id;
    private Long userId;
    private String name;
    private String digest;
    private Instant createdAt;
    private Instant lastUsedAt;

    protected ApiToken() {
    }

    ApiToken(Long userId, String name, String digest, Instant now) {
        this.userId = userId;
        this.name = name;
        this.digest = digest;
        this.createdAt = now;
    }

    boolean touch(Instant now) {
        if (lastUsedAt == null || lastUsedAt.plus(LAST_USE_PRECISION).isBefore(now)) {
            lastUsedAt = now;
            return true;
        }
        return false;
    }

    Long id() { return id; }

    Long userId() { return userId; }

    ApiTokenRef toRef() {
        return new ApiTokenRef(id, name, createdAt, lastUsedAt);
    }
}
