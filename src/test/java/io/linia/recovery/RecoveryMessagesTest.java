package io.linia.recovery;

import static org.assertj.core.api.Assertions.assertThat;

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

/** Every refusal key the recovery code uses, and every block reason, has its text in Russian and English. */
class RecoveryMessagesTest {

    private static Properties bundle(String suffix) throws IOException {
        Properties p = new Properties();
        try (InputStream in = RecoveryMessagesTest.class.getResourceAsStream("/i18n/recovery" + suffix + ".properties")) {
            assertThat(in).as("bundle recovery%s", suffix).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void bothLanguagesHoldEveryKeyTheCodeUses() throws IOException {
        Properties ru = bundle("");
        Properties en = bundle("_en");
        assertThat(en.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(ru.stringPropertyNames());

        Set<String> used = new TreeSet<>();
        Pattern key = Pattern.compile("\"(recovery\\.[a-zA-Z]+\\.[a-zA-Z]+)\"");
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/io/linia/recovery"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = key.matcher(Files.readString(file));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        assertThat(used).contains("recovery.address.invalid", "recovery.unblock.notBlocked");
        for (BlockReason reason : BlockReason.values()) {
            used.add("recovery.blockReason." + reason);
        }
        assertThat(ru.stringPropertyNames()).containsAll(used);
    }

    @Test
    void refusalsFormatWithTheirArguments() throws IOException {
        assertThat(new MessageFormat(bundle("").getProperty("recovery.address.invalid"), Locale.forLanguageTag("ru"))
                .format(new Object[] {"anna@"})).isEqualTo("«anna@» — не адрес почты.");
        assertThat(new MessageFormat(bundle("_en").getProperty("recovery.mailbox.notFound"), Locale.ENGLISH)
                .format(new Object[] {"nobody@example.ru"})).isEqualTo("There is no mailbox nobody@example.ru.");
    }
}
