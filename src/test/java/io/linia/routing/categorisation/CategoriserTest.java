package io.linia.routing.categorisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.linia.routing.Categorisation;
import io.linia.routing.CategorisationExamples;
import io.linia.routing.CategoriserStatus;
import io.linia.routing.CategoryRef;
import io.linia.routing.GroupRef;
import io.linia.routing.LabelledText;
import io.linia.routing.RoutingDirectory;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.data.domain.Limit;
import org.springframework.test.util.ReflectionTestUtils;

/** The categoriser service without Spring: background training, one at a time, atomic swap, never throwing. */
class CategoriserTest {

    final CountDownLatch release = new CountDownLatch(1);
    final AtomicInteger trainings = new AtomicInteger();
    final StoredModelRepository models = mock(StoredModelRepository.class);
    Categoriser categoriser;

    /** Examples that wait for the test's signal, so that the test sees a training in progress. */
    final CategorisationExamples slowExamples = new CategorisationExamples() {
        @Override
        public void forEach(Consumer<LabelledText> sink) {
            trainings.incrementAndGet();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            CategoryModelTest.DESK.forEach(sink);
        }
    };

    Categoriser categoriser(CategorisationExamples examples, List<CategoryRef> categories) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("examples", examples);
        when(models.save(any())).thenAnswer(call -> {
            StoredModel stored = call.getArgument(0);
            ReflectionTestUtils.setField(stored, "id", 1L);
            return stored;
        });
        when(models.idsNewestFirst(any(Limit.class))).thenReturn(List.of(1L));
        return new Categoriser(models, new Directory(categories), beans.getBeanProvider(CategorisationExamples.class),
                new CategorisationProperties(null, null, null, false, null, null, null, null, null, null),
                CategoryModelTest.CLOCK, new SimpleMeterRegistry());
    }

    static List<CategoryRef> allActive() {
        return List.of(category(CategoryModelTest.PASSWORD, true), category(CategoryModelTest.SPAM, true),
                category(CategoryModelTest.DELIVERY, true), category(CategoryModelTest.MOBILE, true));
    }

    static CategoryRef category(long id, boolean active) {
        return new CategoryRef(id, "c" + id, "к" + id, "c" + id, id * 10, active);
    }

    @AfterEach
    void stop() {
        release.countDown();
        if (categoriser != null) {
            categoriser.stop();
        }
    }

    @Test
    void withoutAModelThereIsNoSuggestion() {
        categoriser = categoriser(slowExamples, allActive());
        assertThat(categoriser.categorise("Забыл пароль", "помогите")).isEqualTo(Categorisation.none());
        assertThat(categoriser.status().trainedAt()).isNull();
    }

    @Test
    void retrainingRunsInTheBackgroundOnceAtATimeThenServesTheNewModel() throws Exception {
        categoriser = categoriser(slowExamples, allActive());
        categoriser.retrainNow();
        categoriser.retrainNow(); // while the first runs: nothing
        CategoriserStatus running = categoriser.status();
        assertThat(running.training()).isTrue();
        assertThat(running.trainingStartedAt()).isEqualTo(CategoryModelTest.CLOCK.instant());
        assertThat(categoriser.categorise("Забыл пароль", "")).isEqualTo(Categorisation.none());

        release.countDown();
        awaitTrainingEnd();
        assertThat(trainings).hasValue(1);
        CategoriserStatus done = categoriser.status();
        assertThat(done.trainedAt()).isEqualTo(CategoryModelTest.CLOCK.instant());
        assertThat(done.examples()).isEqualTo(CategoryModelTest.DESK.size());
        assertThat(done.categories()).isEqualTo(4);
        assertThat(done.lastError()).isNull();

        Categorisation suggestion = categoriser.categorise("Забыл пароль", "Не могу войти в ящик");
        assertThat(suggestion.categoryId()).isEqualTo(CategoryModelTest.PASSWORD);
        assertThat(suggestion.groupId()).isEqualTo(CategoryModelTest.PASSWORD * 10);
        assertThat(suggestion.confident()).isEqualTo(suggestion.confidence() >= 0.6);

        categoriser.retrainNow(); // and again once the first is over
        awaitTrainingEnd();
        assertThat(trainings).hasValue(2);
    }

    @Test
    void aFailingSourceLeavesTheOldStateAndReportsTheError() throws Exception {
        categoriser = categoriser(sink -> { throw new IllegalStateException("database went away"); }, allActive());
        categoriser.retrainNow();
        awaitTrainingEnd();
        assertThat(categoriser.status().lastError()).contains("database went away");
        assertThat(categoriser.status().trainedAt()).isNull();
        assertThat(categoriser.categorise("пароль", "пароль")).isEqualTo(Categorisation.none());
    }

    @Test
    void categoriesDeactivatedAfterTrainingAreNotSuggested() throws Exception {
        List<CategoryRef> categories = new java.util.concurrent.CopyOnWriteArrayList<>(allActive());
        categoriser = categoriser(slowExamples, categories);
        release.countDown();
        categoriser.retrainNow();
        awaitTrainingEnd();
        categories.set(0, category(CategoryModelTest.PASSWORD, false)); // an administrator turns it off

        Categorisation suggestion = categoriser.categorise("Забыл пароль", "Не могу войти, пароль не подходит");
        assertThat(suggestion.categoryId()).isNotNull().isNotEqualTo(CategoryModelTest.PASSWORD);
        assertThat(suggestion.candidates()).extracting(Categorisation.Candidate::categoryId)
                .doesNotContain(CategoryModelTest.PASSWORD);
        assertThat(suggestion.confident()).isFalse();
    }

    private void awaitTrainingEnd() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (categoriser.status().training()) {
            assertThat(System.nanoTime()).isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    /** Routing's directory with a fixed set of categories (the inactive ones are filtered where the categoriser asks). */
    record Directory(List<CategoryRef> all) implements RoutingDirectory {
        public List<GroupRef> groups() { return List.of(); }
        public List<GroupRef> activeGroups() { return List.of(); }
        public Optional<GroupRef> group(long id) { return Optional.empty(); }
        public Optional<GroupRef> groupByCode(String code) { return Optional.empty(); }
        public List<CategoryRef> categories() { return all; }
        public List<CategoryRef> activeCategories() { return all.stream().filter(CategoryRef::active).toList(); }
        public Optional<CategoryRef> category(long id) { return all.stream().filter(c -> c.id() == id).findFirst(); }
        public Optional<CategoryRef> categoryByCode(String code) { return Optional.empty(); }
    }
}
