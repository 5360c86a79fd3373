package io.linia.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuotedTextTest {

    @Test
    void englishAttributionStartsTheQuote() {
        QuotedText.Split split = QuotedText.split("""
                Thanks, it works now.

                On Tue, 24 Nov 2026 at 10:00, Ivan <a@b.ru> wrote:
                > Please try again.
                > --
                > Support""");
        assertThat(split.visible()).isEqualTo("Thanks, it works now.");
        assertThat(split.quoted()).startsWith("On Tue, 24 Nov 2026 at 10:00").endsWith("> Support");
    }

    @Test
    void wrappedGmailAttributionStartsTheQuote() {
        QuotedText.Split split = QuotedText.split("""
                Спасибо!

                On Tue, 24 Nov 2026 at 10:00, Ivan Petrovich Sidorov-Zadunaisky <
                ivan.petrovich@example.ru> wrote:

                > Попробуйте ещё раз.""");
        assertThat(split.visible()).isEqualTo("Спасибо!");
        assertThat(split.quoted()).startsWith("On Tue");
    }

    @Test
    void yandexAttributionStartsTheQuote() {
        QuotedText.Split split = QuotedText.split("""
                Добрый день, проблема осталась.

                24.11.2026, 10:00, "Поддержка" <support@linia.example>:
                > Здравствуйте! Попробуйте сбросить пароль.""");
        assertThat(split.visible()).isEqualTo("Добрый день, проблема осталась.");
        assertThat(split.quoted()).startsWith("24.11.2026, 10:00");
    }

    @Test
    void mailRuAttributionWithoutQuoteMarksStartsTheQuote() {
        QuotedText.Split split = QuotedText.split("""
                Всё получилось.

                Вторник, 24 ноября 2026, 10:00 +03:00 от Поддержка <support@linia.example>:

                Здравствуйте! Попробуйте сбросить пароль.""");
        assertThat(split.visible()).isEqualTo("Всё получилось.");
        assertThat(split.quoted()).endsWith("Попробуйте сбросить пароль.");
    }

    @Test
    void russianWroteLinesStartTheQuote() {
        assertThat(QuotedText.split("Да.\n\nИван Петров пишет:\n> Вы получили?").visible()).isEqualTo("Да.");
        assertThat(QuotedText.split("Да.\n\nИван написал(а):\n> Вы получили?").visible()).isEqualTo("Да.");
    }

    @Test
    void outlookSeparatorsStartTheQuote() {
        assertThat(QuotedText.split("Ответ\n\n-----Original Message-----\nFrom: a@b.ru\nSent: today\n\nold"))
                .isEqualTo(new QuotedText.Split("Ответ", "-----Original Message-----\nFrom: a@b.ru\nSent: today\n\nold"));
        assertThat(QuotedText.split("Ответ\n-------- Исходное сообщение --------\nold").visible()).isEqualTo("Ответ");
        assertThat(QuotedText.split("См. ниже\n\n-------- Пересылаемое сообщение --------\nold").quoted())
                .startsWith("-------- Пересылаемое");
        assertThat(QuotedText.split("Ответ\n\nFrom: Support <s@linia.example>\nSent: Tuesday\nTo: me\n\nold").quoted())
                .startsWith("From: Support");
    }

    @Test
    void trailingRunOfQuotedLinesIsTheQuote() {
        assertThat(QuotedText.split("Новый текст\n> старый\n> ещё старый\n"))
                .isEqualTo(new QuotedText.Split("Новый текст", "> старый\n> ещё старый"));
    }

    @Test
    void answersBetweenQuotedLinesStayVisible() {
        String inline = "On Tue, 24 Nov 2026 at 10:00, Ivan <a@b.ru> wrote:\n> Вопрос 1?\nОтвет 1\n> Вопрос 2?\nОтвет 2";
        assertThat(QuotedText.split(inline)).isEqualTo(new QuotedText.Split(inline, ""));
    }

    @Test
    void mailThatIsAllQuoteKeepsItVisible() {
        String all = "> only quoted\n> lines";
        assertThat(QuotedText.split(all)).isEqualTo(new QuotedText.Split(all, ""));
        assertThat(QuotedText.split("-----Original Message-----\nold")).isEqualTo(new QuotedText.Split("-----Original Message-----\nold", ""));
    }

    @Test
    void textWithoutQuoteIsAllVisible() {
        assertThat(QuotedText.split("Просто письмо.\nВторая строка: без цитат.")).isEqualTo(
                new QuotedText.Split("Просто письмо.\nВторая строка: без цитат.", ""));
        assertThat(QuotedText.split("")).isEqualTo(new QuotedText.Split("", ""));
    }
}
