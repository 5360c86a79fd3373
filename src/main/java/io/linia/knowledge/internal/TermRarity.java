package io.linia.knowledge.internal;

import jakarta.persistence.EntityManagerFactory;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.hibernate.search.backend.lucene.LuceneExtension;
import org.hibernate.search.mapper.orm.Search;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * How common a word is in an index (its document frequency), to build the queries for long texts
 * from their most telling words, as MoreLikeThis does: over a million past tickets, a common word
 * costs a long posting list to score and says little about which ticket is alike. Statistics need
 * not be fresh: the reader is reopened at most every {@link #REFRESH_NANOS}, and the one it replaces
 * is closed one refresh later, when no search can still be using it.
 */
@Component
class TermRarity {

    private static final Logger log = LoggerFactory.getLogger(TermRarity.class);
    private static final long REFRESH_NANOS = 30_000_000_000L;

    private final EntityManagerFactory entityManagerFactory;
    private final Map<Class<?>, Snapshot> snapshots = new ConcurrentHashMap<>();

    TermRarity(EntityManagerFactory entityManagerFactory) {
        this.entityManagerFactory = entityManagerFactory;
    }

    /** In how many documents of the entity's index {@code field} holds the (analysed) term; -1 when unknown. */
    int documentFrequency(Class<?> entity, String field, String term) {
        IndexReader reader = reader(entity);
        if (reader == null) {
            return -1;
        }
        try {
            return reader.docFreq(new Term(field, term));
        } catch (IOException | org.apache.lucene.store.AlreadyClosedException e) {
            return -1;
        }
    }

    /** A fresh-enough reader without locking (dozens of look-ups per suggestion); only a refresh is serialised. */
    private IndexReader reader(Class<?> entity) {
        Snapshot s = snapshots.get(entity);
        if (s != null && System.nanoTime() - s.openedAt() <= REFRESH_NANOS) {
            return s.current();
        }
        return refresh(entity);
    }

    private synchronized IndexReader refresh(Class<?> entity) {
        Snapshot s = snapshots.get(entity);
        long now = System.nanoTime();
        if (s == null || now - s.openedAt() > REFRESH_NANOS) {
            try {
                IndexReader fresh = Search.mapping(entityManagerFactory).scope(entity)
                        .extension(LuceneExtension.get()).openIndexReader();
                if (s != null) {
                    close(s.retired());
                }
                s = new Snapshot(fresh, s == null ? null : s.current(), now);
                snapshots.put(entity, s);
            } catch (RuntimeException e) {
                log.debug("No index statistics for {}: {}", entity.getSimpleName(), e.toString());
                return s == null ? null : s.current();
            }
        }
        return s.current();
    }

    @jakarta.annotation.PreDestroy
    synchronized void closeAll() {
        snapshots.values().forEach(s -> {
            close(s.current());
            close(s.retired());
        });
        snapshots.clear();
    }

    private static void close(IndexReader reader) {
        if (reader != null) {
            try {
                reader.close();
            } catch (IOException e) {
                log.debug("Closing an old index reader: {}", e.toString());
            }
        }
    }

    private record Snapshot(IndexReader current, IndexReader retired, long openedAt) {
    }
}
