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
    void aKnownItemUnderSeveralAliasesIsMatchedAtMostOnce() {
        List<List<String>> contacts = List.of(List.of("mama@mail.ru", "Мама"), List.of("oleg@mail.ru", "Олег Сергеев"));
        // two answers naming the same contact two ways: one contact remembered
        assertThat(matching.countItemMatches(List.of("Мама", "mama@mail.ru"), contacts)).isEqualTo(1);
        // a name of one contact and the address of the other: two
        assertThat(matching.countItemMatches(List.of("мама", "oleg@mail.ru"), contacts)).isEqualTo(2);
        // all four aliases given: still only the two contacts there are
        assertThat(matching.countItemMatches(List.of("Мама", "mama@mail.ru", "олег сергеев", "Oleg@Mail.ru"), contacts))
                .isEqualTo(2);
        assertThat(matching.countItemMatches(List.of(), contacts)).isZero();
        assertThat(matching.countItemMatches(List.of("Мама"), List.of())).isZero();
    }

    @Test
    void anAnswerMatchesAnItemAtItsBestAliasWithAddressesStillOnlyExact() {
        List<List<String>> filters = List.of(List.of("Квитанции", "от: noreply@gkh.example → папка «Квитанции ЖКХ»"));
        assertThat(matching.countItemMatches(List.of("квитанцыи"), filters)).isEqualTo(1);
        // a description holding an address is held to the address rule: only its exact text matches
        assertThat(matching.countItemMatches(List.of("от noreply@gkh.example → папка квитанции жкх"), filters)).isZero();
        List<List<String>> contact = List.of(List.of("olga.petrova@mail.example", "Ольга Петрова"));
        assertThat(matching.countItemMatches(List.of("olga.petrov@mail.example"), contact)).isZero();
        assertThat(matching.countItemMatches(List.of("ОЛЬГА  ПЕТРОВА"), contact)).isEqualTo(1);
    }

    @Test
    void theBestAnswerForAnItemTakesItAndTheOtherAnswerMayStillMatchAnotherItem() {
        // «Работы» fits both items; the exact «Работа» takes the first, so «Работы» goes to the second
        List<List<String>> folders = List.of(List.of("Работа"), List.of("Работы", "Работы старые"));
        assertThat(matching.countItemMatches(List.of("Работы", "Работа"), folders)).isEqualTo(2);
        assertThat(matching.countMatches(List.of("Работы", "Работа"), List.of("Работа", "Работы")))
                .isEqualTo(matching.countItemMatches(List.of("Работы", "Работа"), List.of(List.of("Работа"), List.of("Работы"))));
    }

    @Test
    void addressesMatchOnlyExactlyIgnoringCase() {
        assertThat(NameMatching.similarity("Ivan@Mail.Example", "ivan@mail.example")).isEqualTo(1.0);
        assertThat(NameMatching.similarity("ivan@mail.example", "ivan@mall.example")).isZero();
        assertThat(NameMatching.similarity("olga.petrova@mail.example", "olgapetrova@mail.example")).isZero();
    }
}
