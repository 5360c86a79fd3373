package io.linia.accounts.internal;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The principals of recently used API tokens, so that a busy integration does not pay a database
 * transaction per request for its token (bench/README.md: the largest single cost of a ticket
 * creation). Entries live {@code linia.accounts.token-cache-ttl} (default 30 s; 0 turns the cache
 * off); on this node a revoked token, a changed or disabled user is evicted at once (and again
 * after the change commits), on other nodes it takes at most that long.
 */
@Component
class TokenPrincipalCache {

    private static final int MAX_ENTRIES = 10_000;

    private final long ttlNanos;
    private final Map<String, Entry> byDigest = new ConcurrentHashMap<>();

    TokenPrincipalCache(@Value("${linia.accounts.token-cache-ttl:PT30S}") Duration ttl) {
        this.ttlNanos = ttl.toNanos();
    }

    Optional<LiniaPrincipal> get(String digest) {
        if (ttlNanos <= 0) {
            return Optional.empty();
        }
        Entry e = byDigest.get(digest);
        if (e == null) {
            return Optional.empty();
        }
        if (System.nanoTime() - e.cachedAt() > ttlNanos) {
            byDigest.remove(digest, e);
            return Optional.empty();
        }
        return Optional.of(e.principal());
    }

    void put(String digest, long tokenId, LiniaPrincipal principal) {
        if (ttlNanos <= 0) {
            return;
        }
        if (byDigest.size() >= MAX_ENTRIES) {
            byDigest.clear(); // thousands of live tokens at once: start over rather than keep an index of ages
        }
        byDigest.put(digest, new Entry(tokenId, principal.actor().id(), principal, System.nanoTime()));
    }

    void evictToken(long tokenId) {
        evict(() -> byDigest.values().removeIf(e -> e.tokenId() == tokenId));
    }

    void evictUser(long userId) {
        evict(() -> byDigest.values().removeIf(e -> e.userId() == userId));
    }

    /** Now, and once more after the transaction commits (a request in between may have cached the old state). */
    private static void evict(Runnable eviction) {
        eviction.run();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    eviction.run();
                }
            });
        }
    }

    private record Entry(long tokenId, long userId, LiniaPrincipal principal, long cachedAt) {
    }
}
