package io.linia.knowledge.internal;

import io.linia.knowledge.KnowledgeProperties;
import io.linia.knowledge.SearchIndexStatus;
import jakarta.persistence.EntityManagerFactory;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.mapping.SearchMapping;
import org.hibernate.search.mapper.pojo.massindexing.MassIndexingMonitor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Rebuilding the search index from the database: at start when the index does not match the
 * database (a new machine, a deleted ./data/index), and on an administrator's demand, in the
 * background with progress to show.
 */
@Component
public class SearchIndexMaintenance {

    private static final Logger log = LoggerFactory.getLogger(SearchIndexMaintenance.class);

    private final EntityManagerFactory entityManagerFactory;
    private final ArticleRepository articles;
    private final ArticleEvidenceRepository evidence;
    private final KnowledgeProperties properties;
    private final Clock clock;

    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicLong total = new AtomicLong();
    private final AtomicLong done = new AtomicLong();
    private final AtomicReference<Instant> startedAt = new AtomicReference<>();
    private final AtomicReference<Instant> finishedAt = new AtomicReference<>();
    private final AtomicReference<String> lastError = new AtomicReference<>();

    SearchIndexMaintenance(EntityManagerFactory entityManagerFactory, ArticleRepository articles,
                           ArticleEvidenceRepository evidence, KnowledgeProperties properties, Clock clock) {
        this.entityManagerFactory = entityManagerFactory;
        this.articles = articles;
        this.evidence = evidence;
        this.properties = properties;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void rebuildIfMissing() {
        if (!properties.rebuildIndexOnStart()) {
            return;
        }
        long inDatabase = articles.count() + evidence.count();
        long inIndex = indexedDocuments();
        if (inDatabase != inIndex) {
            log.info("Search index holds {} documents, the database {}: rebuilding it", inIndex, inDatabase);
            rebuild();
        }
    }

    /** Starts a rebuild in the background; false when one is running already. */
    public boolean rebuild() {
        if (!running.compareAndSet(false, true)) {
            return false;
        }
        total.set(0);
        done.set(0);
        lastError.set(null);
        startedAt.set(clock.instant());
        finishedAt.set(null);
        SearchMapping mapping = Search.mapping(entityManagerFactory);
        Thread worker = new Thread(() -> {
            try {
                mapping.scope(java.util.List.of(Article.class, ArticleEvidence.class)).massIndexer()
                        .threadsToLoadObjects(2).batchSizeToLoadObjects(200)
                        .monitor(new Progress())
                        .startAndWait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                lastError.set("interrupted");
            } catch (RuntimeException e) {
                log.error("Rebuilding the search index failed", e);
                lastError.set(e.getMessage());
            } finally {
                finishedAt.set(clock.instant());
                running.set(false);
            }
        }, "linia-search-reindex");
        worker.setDaemon(true);
        worker.start();
        return true;
    }

    public SearchIndexStatus status() {
        return new SearchIndexStatus(running.get(), total.get(), done.get(), startedAt.get(), finishedAt.get(),
                lastError.get(), running.get() ? -1 : indexedDocuments());
    }

    private long indexedDocuments() {
        var em = entityManagerFactory.createEntityManager();
        try {
            return Search.session(em).search(java.util.List.of(Article.class, ArticleEvidence.class))
                    .where(f -> f.matchAll()).fetchTotalHitCount();
        } finally {
            em.close();
        }
    }

    private final class Progress implements MassIndexingMonitor {

        @Override
        public void documentsAdded(long increment) {
            done.addAndGet(increment);
        }

        @Override
        public void documentsBuilt(long increment) {
        }

        @Override
        public void entitiesLoaded(long increment) {
        }

        @Override
        public void addToTotalCount(long increment) {
            total.addAndGet(increment);
        }

        @Override
        public void indexingCompleted() {
        }
    }
}
