package io.linia.routing.categorisation;

import io.linia.routing.Categorisation;
import io.linia.routing.CategorisationExamples;
import io.linia.routing.CategoriserStatus;
import io.linia.routing.CategoryRef;
import io.linia.routing.RoutingDirectory;
import io.linia.routing.TicketCategoriser;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Limit;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * The categoriser of this node: the newest stored model in memory (swapped atomically when a
 * training here or on another node produces a newer one), training on one background thread.
 */
@Service
class Categoriser implements TicketCategoriser {

    private static final Logger log = LoggerFactory.getLogger(Categoriser.class);
    private static final Duration CATEGORIES_FRESH_FOR = Duration.ofSeconds(30);

    private record Loaded(long storedId, CategoryModel model) {
    }

    private record Categories(Map<Long, CategoryRef> byId, Instant loadedAt) {
    }

    private final StoredModelRepository models;
    private final RoutingDirectory routing;
    private final ObjectProvider<CategorisationExamples> examples;
    private final CategorisationProperties properties;
    private final Clock clock;
    private final Timer categorising;
    private final Timer training;
    private final AtomicReference<Loaded> current = new AtomicReference<>();
    private final AtomicReference<Categories> categories = new AtomicReference<>();
    private final AtomicBoolean running = new AtomicBoolean();
    private final ExecutorService trainer = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "categoriser-training");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        return thread;
    });
    private volatile Instant trainingStartedAt;
    private volatile String lastError;

    Categoriser(StoredModelRepository models, RoutingDirectory routing, ObjectProvider<CategorisationExamples> examples,
                CategorisationProperties properties, Clock clock, MeterRegistry meters) {
        this.models = models;
        this.routing = routing;
        this.examples = examples;
        this.properties = properties;
        this.clock = clock;
        this.categorising = Timer.builder("linia.categorisation.time").description("Categorising one ticket's text")
                .publishPercentiles(0.5, 0.99).register(meters);
        this.training = Timer.builder("linia.categorisation.training").description("Training the categoriser")
                .register(meters);
    }

    // ------------------------------------------------------------------ categorising

    @Override
    public Categorisation categorise(String subject, String body) {
        Loaded loaded = current.get();
        if (loaded == null) {
            return Categorisation.none();
        }
        long started = System.nanoTime();
        try {
            String text = (subject == null ? "" : subject) + "\n" + (body == null ? "" : body);
            Map<Long, CategoryRef> known = categories().byId();
            return Suggestions.of(loaded.model().predict(text), known::get, properties.confidentAt());
        } catch (RuntimeException e) {
            // a suggestion is a convenience: never let it stop a ticket from being created
            log.warn("Categorising failed: {}", e.toString());
            return Categorisation.none();
        } finally {
            categorising.record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
        }
    }

    /** Categories change rarely; a short-lived copy keeps the database off the ticket-creation path. */
    private Categories categories() {
        Categories cached = categories.get();
        Instant now = clock.instant();
        if (cached == null || cached.loadedAt().plus(CATEGORIES_FRESH_FOR).isBefore(now)) {
            cached = new Categories(routing.categories().stream()
                    .collect(Collectors.toUnmodifiableMap(CategoryRef::id, Function.identity())), now);
            categories.set(cached);
        }
        return cached;
    }

    // ------------------------------------------------------------------ status

    @Override
    public CategoriserStatus status() {
        Loaded loaded = current.get();
        CategoryModel.Facts facts = loaded == null ? null : loaded.model().facts();
        Instant since = facts == null ? Instant.EPOCH : facts.trainedAt();
        long corrections = examples.orderedStream().mapToLong(e -> e.correctionsSince(since)).sum();
        return new CategoriserStatus(facts == null ? null : facts.trainedAt(), facts == null ? 0 : facts.examples(),
                facts == null ? 0 : facts.categories(), facts == null ? null : facts.accuracy(),
                facts == null ? null : facts.trainingMillis(), corrections, running.get(),
                running.get() ? trainingStartedAt : null, lastError, properties.confidentAt());
    }

    // ------------------------------------------------------------------ training

    @Override
    public void retrainNow() {
        if (!running.compareAndSet(false, true)) {
            return; // one training at a time; the one running will have the newest examples soon enough
        }
        trainingStartedAt = clock.instant();
        try {
            trainer.execute(this::train);
        } catch (RuntimeException e) {
            running.set(false);
            throw e;
        }
    }

    private void train() {
        try {
            Set<Long> active = routing.activeCategories().stream().map(CategoryRef::id).collect(Collectors.toSet());
            ModelTrainer modelTrainer = new ModelTrainer(properties.settings(), clock);
            CategoryModel model = training.recordCallable(() -> modelTrainer.train(
                    sink -> examples.orderedStream().forEach(source -> source.forEach(sink)), active::contains));
            StoredModel stored = models.save(new StoredModel(model.facts(), model.toBytes()));
            current.set(new Loaded(stored.id(), model));
            List<Long> kept = models.idsNewestFirst(Limit.of(properties.keepModels()));
            models.deleteOlderThan(kept.get(kept.size() - 1));
            lastError = null;
            log.info("Categoriser trained on {} examples of {} categories, {} features, held-out accuracy {}, in {} ms",
                    model.facts().examples(), model.facts().categories(), model.featureCount(),
                    model.facts().accuracy(), model.facts().trainingMillis());
        } catch (ModelTrainer.NotEnoughExamples e) {
            lastError = e.getMessage();
            log.info("Categoriser not trained: {}", e.getMessage());
        } catch (Exception | OutOfMemoryError e) {
            lastError = e.toString();
            log.warn("Categoriser training failed", e);
        } finally {
            running.set(false);
        }
    }

    @Scheduled(cron = "${linia.categorisation.retrain-cron:0 30 3 * * *}", zone = "${linia.categorisation.zone:Europe/Moscow}")
    void nightly() {
        // several nodes share the database: the first one's model serves all, the others skip
        Loaded loaded = reload();
        if (loaded == null || loaded.model().facts().trainedAt().isBefore(clock.instant().minus(Duration.ofHours(1)))) {
            retrainNow();
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        if (reload() == null && properties.trainOnStart()) {
            retrainNow();
        }
    }

    @Scheduled(fixedDelayString = "${linia.categorisation.reload-every:PT1M}", initialDelayString = "${linia.categorisation.reload-every:PT1M}")
    void pickUpNewerModel() {
        reload();
    }

    /** Picks up a model another node (or this one) stored; returns what is now in use. */
    Loaded reload() {
        try {
            Long newest = models.newestId();
            Loaded loaded = current.get();
            if (newest != null && (loaded == null || loaded.storedId() < newest)) {
                StoredModel stored = models.findById(newest).orElse(null);
                if (stored != null) {
                    Loaded fresh = new Loaded(stored.id(), CategoryModel.fromBytes(stored.model()));
                    current.accumulateAndGet(fresh, (a, b) -> a == null || a.storedId() < b.storedId() ? b : a);
                }
            }
        } catch (RuntimeException e) {
            log.warn("Could not load the stored categoriser model: {}", e.toString());
        }
        return current.get();
    }

    @PreDestroy
    void stop() {
        trainer.shutdownNow();
    }
}
