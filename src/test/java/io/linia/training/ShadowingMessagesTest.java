package io.linia.training;

import static org.assertj.core.api.Assertions.assertThat;

import io.linia.tickets.MessageKind;
import io.linia.tickets.TicketAction;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The shadowing bundle: Russian and English hold the same keys, every key the code and pages name is there (every
 * ticket action and message kind the live view shows included), and texts with arguments format with their apostrophes.
 */
class ShadowingMessagesTest {

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = ShadowingMessagesTest.class.getResourceAsStream("/i18n/" + name + ".properties")) {
            assertThat(in).as(name).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void russianAndEnglishHoldTheSameKeys() throws IOException {
        assertThat(load("shadowing_en").stringPropertyNames()).containsExactlyInAnyOrderElementsOf(load("shadowing").stringPropertyNames());
    }

    @Test
    void everyKeyTheCodeAndPagesUseHasItsText() throws IOException {
        Properties ru = load("shadowing");
        Set<String> used = new TreeSet<>();
        Pattern literal = Pattern.compile("\"(shadowing\\.[a-zA-Z]+\\.?[a-zA-Z.]*)\"");
        Pattern page = Pattern.compile("#\\{(shadowing\\.[a-zA-Z.]+[a-zA-Z])");
        for (Path root : new Path[]{Path.of("src/main/java/io/linia/training"), Path.of("src/main/java/io/linia/workforce/web"),
                Path.of("src/main/resources/templates/training")}) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    String text = Files.readString(f);
                    for (Pattern p : new Pattern[]{literal, page}) {
                        Matcher m = p.matcher(text);
                        while (m.find()) {
                            used.add(m.group(1));
                        }
                    }
                }
            }
        }
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
    void textsWithArgumentsKeepTheirApostrophes() throws IOException {
        Properties en = load("shadowing_en");
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
