package io.linia.workforce;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Every rule, match and reason the explanation names has its text in Russian and English, and the texts format. */
class RosterMessagesTest {

    private static Properties bundle(String suffix) throws IOException {
        Properties p = new Properties();
        try (InputStream in = RosterMessagesTest.class.getResourceAsStream("/i18n/workforce-roster" + suffix + ".properties")) {
            assertThat(in).as("bundle workforce-roster%s", suffix).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    private static List<String> codes() {
        List<String> codes = new ArrayList<>();
        for (RosterRule rule : RosterRule.values()) {
            codes.add(rule.messageCode());
            codes.add(rule.messageCode() + ".match");
        }
        for (RosterExplanation.Reason reason : RosterExplanation.Reason.values()) {
            codes.add(reason.messageCode());
        }
        for (RosterExplanation.Wish wish : RosterExplanation.Wish.values()) {
            codes.add("roster.wish." + wish.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        return codes;
    }

    @Test
    void everyCodeHasARussianAndAnEnglishTextAndNothingElseIsThere() throws IOException {
        Properties ru = bundle("");
        Properties en = bundle("_en");
        assertThat(ru.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(codes());
        assertThat(en.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(codes());
        assertThat(ru.getProperty("roster.reason.week-full")).contains("неделе");
    }

    @Test
    void theTextsFormatWithTheArgumentsTheExplanationGives() throws IOException {
        Properties en = bundle("_en");
        String weekFull = new MessageFormat(en.getProperty("roster.reason.week-full"), Locale.ENGLISH)
                .format(new Object[]{LocalDate.of(2026, 3, 2), 4L, 4});
        assertThat(weekFull).isEqualTo("They already have 4 shift(s) in the week of 2026-03-02, the contract's maximum is 4");
        String minimum = new MessageFormat(en.getProperty("roster.rule.minimum-shifts.match"), Locale.ENGLISH)
                .format(new Object[]{YearMonth.of(2026, 3), 2, 5});
        assertThat(minimum).isEqualTo("2 shift(s) in 2026-03, the contract's minimum for the period is 5");
    }
}
