package io.linia.recovery.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NameMatchingTest {

    private final NameMatching matching = new NameMatching(RecoveryScoringProperties.defaults().nameSimilarity());

    @Test
    void normalisingFoldsCaseYoPunctuationAndSpaces() {
        assertThat(NameMatching.normalise("  «Счёт-Фактуры»,  ЁЛКА!! ")).isEqualTo("счет фактуры елка");
        assertThat(NameMatching.normalise("Налоги_2024")).isEqualTo("налоги 2024");
    }

    @Test
    void inflectedAndMisspelledRussianNamesMatchButDifferentWordsDoNot() {
        assertThat(NameMatching.similarity("Работа", "работы")).isGreaterThanOrEqualTo(0.88);
        assertThat(NameMatching.similarity("Счета за квартиру", "счёта за квартиру")).isEqualTo(1.0);
        assertThat(NameMatching.similarity("Командировки", "командировка")).isGreaterThanOrEqualTo(0.88);
        assertThat(NameMatching.similarity("Дача", "Даша")).isLessThan(0.88);
        assertThat(NameMatching.similarity("Работа", "Рыбалка")).isLessThan(0.88);
        assertThat(NameMatching.similarity("", "Работа")).isZero();
    }

    @Test
    void eachNameOnEitherSideIsUsedAtMostOnceBestPairsFirst() {
        assertThat(matching.countMatches(List.of("работа", "работы", "РАБОТА"), List.of("Работа"))).isEqualTo(1);
        assertThat(matching.countMatches(List.of("Работа"), List.of("Работа", "Работы"))).isEqualTo(1);
        assertThat(matching.countMatches(List.of("Работы", "Работа"), List.of("Работа", "Работы"))).isEqualTo(2);
        assertThat(matching.countMatches(List.of(), List.of("Работа"))).isZero();
    }

    @Test
    void addressesMatchOnlyExactlyIgnoringCase() {
        assertThat(NameMatching.similarity("Ivan@Mail.Example", "ivan@mail.example")).isEqualTo(1.0);
        assertThat(NameMatching.similarity("ivan@mail.example", "ivan@mall.example")).isZero();
        assertThat(NameMatching.similarity("olga.petrova@mail.example", "olgapetrova@mail.example")).isZero();
    }
}
