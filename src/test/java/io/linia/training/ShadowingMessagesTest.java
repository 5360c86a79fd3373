package io.linia.training;

import static org.assertj.core.api.Assertions.assertThat;

import io.linia.support.MessageBundles;
import io.linia.tickets.MessageKind;
import io.linia.tickets.TicketAction;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The shadowing bundle: Russian and English hold the same keys, every key the code and pages name is there (every
 * ticket action and message kind the live view shows included), and texts with arguments format with their apostrophes.
 */
class ShadowingMessagesTest {

    @Test
    void russianAndEnglishHoldTheSameKeys() {
        MessageBundles.sameKeysInBothLanguages("shadowing");
    }

    @Test
    void everyKeyTheCodeAndPagesUseHasItsText() {
        Properties ru = MessageBundles.load("shadowing");
        Set<String> used = new TreeSet<>();
        Pattern literal = Pattern.compile("\"(shadowing\\.[a-zA-Z]+\\.?[a-zA-Z.]*)\"");
        Pattern page = Pattern.compile("#\\{(shadowing\\.[a-zA-Z.]+[a-zA-Z])");
        used.addAll(MessageBundles.keysNamed(new Pattern[]{literal, page},
                "src/main/java/io/linia/training",
                "src/main/java/io/linia/workforce/web",
                "src/main/resources/templates/training"));
        for (TicketAction a : TicketAction.values()) {
            used.add("shadowing.action." + a.name());
        }
        for (MessageKind k : MessageKind.values()) {
            used.add("shadowing.kind." + k.name());
        }
        assertThat(used).contains("shadowing.roster.training", "shadowing.error.notShadowing", "shadowing.live.heading");
        assertThat(used).allSatisfy(k -> assertThat(ru.getProperty(k)).as(k).isNotBlank());
    }

    @Test
    void textsWithArgumentsKeepTheirApostrophes() {
        Properties en = MessageBundles.load("shadowing_en");
        assertThat(new MessageFormat(en.getProperty("shadowing.live.heading"), Locale.UK).format(new Object[]{"Pavel"}))
                .isEqualTo("The trainer's work: Pavel");
        assertThat(new MessageFormat(en.getProperty("shadowing.error.ticketNotWatched"), Locale.UK).format(new Object[]{"L-5"}))
                .isEqualTo("Ticket L-5 is not one of your trainer's.");
        for (String key : en.stringPropertyNames()) {
            String text = en.getProperty(key);
            if (!text.contains("{0}")) {
                assertThat(text).as(key + ": no arguments, so apostrophes stay single").doesNotContain("''");
            }
        }
    }
}
