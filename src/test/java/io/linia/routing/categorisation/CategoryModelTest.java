package io.linia.routing.categorisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.within;

import io.linia.routing.Categorisation;
import io.linia.routing.Categorisation.Candidate;
import io.linia.routing.CategoryRef;
import io.linia.routing.LabelledText;
import io.linia.routing.categorisation.TextFeatures.TermCounts;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The categoriser's model without Spring: features, training, prediction, storing, odd input. */
class CategoryModelTest {

    static final long PASSWORD = 1, SPAM = 2, DELIVERY = 3, MOBILE = 4;
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);

    /** A small desk: a few ways customers describe each kind of problem. */
    static final List<LabelledText> DESK = List.of(
            ex("Не помню пароль от почты", PASSWORD),
            ex("Забыл пароль, не могу войти в ящик", PASSWORD),
            ex("Как восстановить пароль? Вход не получается", PASSWORD),
            ex("Пароль не подходит, восстановление доступа не работает", PASSWORD),
            ex("Сменил телефон и не могу восстановить пароль", PASSWORD),
            ex("Не могу войти, пишет неверный пароль", PASSWORD),
            ex("Forgot my password, cannot log in", PASSWORD),
            ex("Письма попадают в спам", SPAM),
            ex("Все письма от банка уходят в папку Спам", SPAM),
            ex("Спам-фильтр пропускает рассылки, много спама", SPAM),
            ex("Почему нужные письма в спаме?", SPAM),
            ex("Рассылка магазина помечается как спам", SPAM),
            ex("Приходит спам каждый день, сделайте фильтр", SPAM),
            ex("Не приходят письма от отправителей", DELIVERY),
            ex("Письма не доходят, ящик пустой", DELIVERY),
            ex("Отправляю письмо, а оно не доставлено адресату", DELIVERY),
            ex("Входящие письма перестали приходить со вчерашнего дня", DELIVERY),
            ex("Письмо вернулось с ошибкой доставки 550", DELIVERY),
            ex("Ничего не приходит на почту, где мои письма", DELIVERY),
            ex("Приложение на Android вылетает при запуске", MOBILE),
            ex("Мобильное приложение не открывается на iPhone", MOBILE),
            ex("В приложении на телефоне не обновляется папка входящие", MOBILE),
            ex("После обновления приложения падает на Андроиде", MOBILE),
            ex("Приложение не показывает уведомления на смартфоне", MOBILE),
            ex("The mobile app crashes on my phone", MOBILE));

    static LabelledText ex(String text, long category) {
        return new LabelledText(text, category, 1.0);
    }

    static CategoryModel train(List<LabelledText> examples) {
        return new ModelTrainer(ModelTrainer.Settings.defaults(), CLOCK).train(sink -> examples.forEach(sink), id -> true);
    }

    static long best(CategoryModel model, String text) {
        List<Candidate> candidates = model.predict(text);
        assertThat(candidates).as("candidates for %s", text).isNotEmpty();
        return candidates.get(0).categoryId();
    }

    @Nested
    class Features {

        final TextFeatures features = new TextFeatures(false);

        @Test
        void formsOfOneRussianWordShareAFeature() {
            assertThat(features.count("пароль").slots()).isEqualTo(features.count("пароли").slots());
            assertThat(features.count("пароля").slots()).isEqualTo(features.count("паролем").slots());
            assertThat(features.count("письма").slots()).isEqualTo(features.count("письмо").slots());
        }

        @Test
        void englishWordsAreStemmedToo() {
            assertThat(features.count("passwords").slots()).isEqualTo(features.count("password").slots());
            assertThat(features.count("crashes").slots()).isEqualTo(features.count("crash").slots());
        }

        @Test
        void caseAndYoDoNotMatter() {
            assertThat(features.count("ЁЛКА").slots()).isEqualTo(features.count("елка").slots());
        }

        @Test
        void stopWordsAndLongNumbersAreNoFeatures() {
            assertThat(features.count("и в на не the of 79161234567").isEmpty()).isTrue();
        }

        @Test
        void zeroWidthSpaceSeparatesWords() {
            assertThat(features.count("пароль\u200Bпочта").slots())
                    .isEqualTo(features.count("пароль почта").slots());
        }

        @Test
        void bigramsAddFeaturesForNeighbouringWords() {
            TermCounts unigrams = new TextFeatures(false).count("забыл пароль");
            TermCounts both = new TextFeatures(true).count("забыл пароль");
            assertThat(unigrams.slots()).hasSize(2);
            assertThat(both.slots()).hasSize(3).contains(unigrams.slots());
        }

        @Test
        void repeatedWordsAreCounted() {
            TermCounts counts = features.count("спам спам спама");
            assertThat(counts.slots()).hasSize(1);
            assertThat(counts.counts()).containsExactly(3);
        }
    }

    @Nested
    class Training {

        final CategoryModel model = train(DESK);

        @Test
        void heldOutParaphrasesGetTheirCategory() {
            assertThat(best(model, "Подскажите, как поменять забытый пароль")).isEqualTo(PASSWORD);
            assertThat(best(model, "Опять спам в ящике")).isEqualTo(SPAM);
            assertThat(best(model, "Мне не приходят письма от друзей")).isEqualTo(DELIVERY);
            assertThat(best(model, "приложение андроид вылетает")).isEqualTo(MOBILE);
            assertThat(best(model, "Password forgotten")).isEqualTo(PASSWORD);
        }

        @Test
        void probabilitiesOfAllCategoriesSumToOneMostProbableFirst() {
            List<Candidate> candidates = model.predict("не могу войти, забыл пароль");
            assertThat(candidates).extracting(Candidate::categoryId).containsExactlyInAnyOrder(PASSWORD, SPAM, DELIVERY, MOBILE);
            assertThat(candidates.stream().mapToDouble(Candidate::probability).sum()).isCloseTo(1.0, within(1e-9));
            for (int i = 1; i < candidates.size(); i++) {
                assertThat(candidates.get(i).probability()).isLessThanOrEqualTo(candidates.get(i - 1).probability());
            }
            assertThat(candidates.get(0).probability()).isGreaterThan(0.5);
        }

        @Test
        void textWithNothingKnownHasNoCandidates() {
            assertThat(model.predict("абракадабра фывапролд")).isEmpty();
        }

        @Test
        void factsDescribeTheTraining() {
            assertThat(model.facts().examples()).isEqualTo(DESK.size());
            assertThat(model.facts().categories()).isEqualTo(4);
            assertThat(model.facts().trainedAt()).isEqualTo(CLOCK.instant());
            assertThat(model.facts().accuracy()).as("too few examples to hold any out").isNull();
        }

        @Test
        void heldOutAccuracyIsMeasuredOnLargerSets() {
            List<LabelledText> many = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                DESK.forEach(e -> many.add(new LabelledText(e.text() + " " + many.size(), e.categoryId(), 1.0)));
            }
            CategoryModel larger = train(many);
            assertThat(larger.facts().accuracy()).isNotNull().isGreaterThan(0.8);
        }

        @Test
        void onlyAllowedCategoriesAreLearnt() {
            CategoryModel withoutSpam = new ModelTrainer(ModelTrainer.Settings.defaults(), CLOCK)
                    .train(sink -> DESK.forEach(sink), id -> id != SPAM);
            assertThat(withoutSpam.predict("спам")).isEmpty(); // "спам" only ever appeared in spam examples
            assertThat(withoutSpam.predict("письма в спаме")).extracting(Candidate::categoryId).doesNotContain(SPAM);
        }

        @Test
        void oneCategoryIsNotEnough() {
            assertThatCode(() -> train(DESK.subList(0, 6)))
                    .isInstanceOf(ModelTrainer.NotEnoughExamples.class);
        }

        @Test
        void aStoredModelPredictsExactlyLikeTheOriginal() {
            CategoryModel loaded = CategoryModel.fromBytes(model.toBytes());
            assertThat(loaded.facts()).isEqualTo(model.facts());
            for (String text : List.of("забыл пароль", "спам", "приложение", "письма не приходят")) {
                assertThat(loaded.predict(text)).isEqualTo(model.predict(text));
            }
        }
    }

    @Nested
    class LearningFromCorrections {

        @Test
        void agentsCorrectionsChangeWhatIsSuggestedAfterRetraining() {
            String question = "Не приходит код подтверждения по смс на телефон";
            List<LabelledText> before = new ArrayList<>(DESK);
            // so far such texts went to mobile apps
            before.add(ex("Не приходит смс с кодом на телефон", MOBILE));
            before.add(ex("Код из смс не приходит на мой телефон", MOBILE));
            assertThat(best(train(before), question)).isEqualTo(MOBILE);

            // agents now correct such suggestions to access recovery (weight 2: a correction)
            List<LabelledText> after = new ArrayList<>(before);
            after.add(new LabelledText("Не приходит код по смс, не могу восстановить доступ", PASSWORD, 2.0));
            after.add(new LabelledText("Код подтверждения в смс не приходит", PASSWORD, 2.0));
            after.add(new LabelledText("Смс с кодом на телефон так и не пришло", PASSWORD, 2.0));
            assertThat(best(train(after), question)).isEqualTo(PASSWORD);
        }
    }

    @Nested
    class Suggestion {

        final Map<Long, CategoryRef> categories = Map.of(
                PASSWORD, new CategoryRef(PASSWORD, "password", "Пароль", "Password", 10L, true),
                SPAM, new CategoryRef(SPAM, "spam", "Спам", "Spam", 20L, true),
                DELIVERY, new CategoryRef(DELIVERY, "delivery", "Доставка", "Delivery", null, false));

        @Test
        void confidentFromTheThresholdWithTheCategorysDefaultGroup() {
            List<Candidate> candidates = List.of(new Candidate(PASSWORD, 0.6), new Candidate(SPAM, 0.4));
            Categorisation at = Suggestions.of(candidates, categories::get, 0.6);
            assertThat(at).isEqualTo(new Categorisation(PASSWORD, 10L, 0.6, true, candidates));
            assertThat(Suggestions.of(candidates, categories::get, 0.61).confident()).isFalse();
        }

        @Test
        void inactiveAndUnknownCategoriesAreNeverSuggested() {
            List<Candidate> candidates = List.of(new Candidate(DELIVERY, 0.7), new Candidate(99, 0.2), new Candidate(SPAM, 0.1));
            Categorisation suggestion = Suggestions.of(candidates, categories::get, 0.6);
            assertThat(suggestion.categoryId()).isEqualTo(SPAM);
            assertThat(suggestion.confidence()).isEqualTo(0.1);
            assertThat(suggestion.confident()).isFalse();
            assertThat(suggestion.candidates()).extracting(Candidate::categoryId).containsExactly(SPAM);
        }

        @Test
        void nothingLeftIsNoSuggestion() {
            assertThat(Suggestions.of(List.of(new Candidate(DELIVERY, 1.0)), categories::get, 0.6)).isEqualTo(Categorisation.none());
        }
    }

    @Nested
    class OddText {

        final CategoryModel model = train(DESK);

        @ParameterizedTest
        @ValueSource(strings = {"", " ", "!!!???...", "\u200B\u200B\u200B", "\uFEFF", "—–-", "😀😀", "\u0000\u0001", "ё", "12345678901234"})
        void neverThrowsAndSuggestsNothing(String text) {
            assertThatCode(() -> model.predict(text)).doesNotThrowAnyException();
            assertThat(model.predict(text)).isEmpty();
        }

        @Test
        void nullIsNoText() {
            assertThat(model.predict((String) null)).isEmpty();
        }

        @Test
        void aLongBodyIsCategorisedFromItsOpening() {
            String body = "Забыл пароль. " + "ля-ля тополя, подробности ситуации ".repeat(64 * 1024 / 30);
            assertThat(body.length()).isGreaterThan(64 * 1024);
            long started = System.nanoTime();
            assertThat(best(model, body)).isEqualTo(PASSWORD);
            assertThat(System.nanoTime() - started).as("nanoseconds").isLessThan(2_000_000_000L);
        }

        @Test
        void unpairedSurrogatesAndControlCharactersDoNotBreakIt() {
            assertThatCode(() -> model.predict("пароль \uD800 \uDC00 \t\r\n\u0007 спам")).doesNotThrowAnyException();
        }
    }
}
