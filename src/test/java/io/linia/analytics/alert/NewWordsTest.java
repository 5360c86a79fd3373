package io.linia.analytics.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NewWordsTest {

    @Test
    void wordsFrequentInTheSpikeButRareBeforeAreNewInTheFormsTheSpikeUses() {
        List<String> spike = List.of(
                "Не приходят письма\nС утра не приходят письма на почту",
                "Письма не приходят\nНи одного письма за час",
                "Почему не приходят письма?\nЖду письмо с кодом",
                "Не приходит письмо с кодом\nКод подтверждения не пришёл",
                "Письма пропали\nВходящие письма не приходят");
        List<String> background = List.of(
                "Вопрос по тарифу\nКак сменить тариф на почту",
                "Как сменить номер\nНомер телефона устарел",
                "Не могу оплатить счёт\nОплата не проходит",
                "Где найти договор\nНужен договор для бухгалтерии",
                "Вопрос по тарифу\nСколько стоит тариф");
        List<String> words = NewWords.of(spike, background, 6);
        assertThat(words).contains("письма", "приходят");
        // common to both (почту) or a stop word (не) is not new
        assertThat(words).doesNotContain("почту", "не", "тарифу");
        assertThat(words.indexOf("письма")).isLessThan(2);
    }

    @Test
    void aWordInOneTicketOnlyIsNotListed() {
        List<String> words = NewWords.of(List.of("Сбой оплаты картой", "Сбой оплаты", "Сбой оплаты картой мир", "уникальное"),
                List.of("Вопрос", "Другой вопрос"), 6);
        assertThat(words).contains("сбой", "оплаты").doesNotContain("уникальное", "мир");
    }
}
