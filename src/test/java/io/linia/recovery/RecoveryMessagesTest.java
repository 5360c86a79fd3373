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
import java.util.ArrayList;
import java.util.List;
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

    /** Every recovery bundle (recovery, recovery-scoring, -requests, -audit, -abuse…): Russian and English hold the same keys. */
    @Test
    void everyRecoveryBundleHasBothLanguages() throws IOException {
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/i18n"))) {
            files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith("recovery") && !n.contains("_en"))
                    .forEach(n -> names.add(n.replace(".properties", "")));
        }
        assertThat(names).contains("recovery", "recovery-scoring", "recovery-requests");
        for (String name : names) {
            assertThat(load(name + "_en").stringPropertyNames()).as(name)
                    .containsExactlyInAnyOrderElementsOf(load(name).stringPropertyNames());
        }
    }

    @Test
    void bothLanguagesHoldEveryKeyTheCodeAndPagesUse() throws IOException {
        Properties ru = new Properties();
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/i18n"))) {
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith("recovery")
                    && !f.getFileName().toString().contains("_en")).toList()) {
                ru.putAll(load(f.getFileName().toString().replace(".properties", "")));
            }
        }
        Set<String> used = new TreeSet<>();
        Pattern key = Pattern.compile("\"(recovery\\.[a-zA-Z]+\\.[a-zA-Z]+(\\.[a-zA-Z]+)*)\"");
        Pattern pageKey = Pattern.compile("#\\{(recovery\\.[a-zA-Z.]+[a-zA-Z])[}(]");
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/io/linia/recovery"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = key.matcher(Files.readString(file));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                Matcher m = pageKey.matcher(Files.readString(file));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        assertThat(used).contains("recovery.address.invalid", "recovery.unblock.notBlocked", "recovery.decision.fourEyes",
                "recovery.form.title", "recovery.panel.title");
        for (BlockReason reason : BlockReason.values()) {
            used.add("recovery.blockReason." + reason);
        }
        for (io.linia.recovery.requests.RequestState state : io.linia.recovery.requests.RequestState.values()) {
            used.add("recovery.state." + state);
        }
        for (io.linia.recovery.requests.DecisionKind kind : io.linia.recovery.requests.DecisionKind.values()) {
            used.add("recovery.kind." + kind);
        }
        for (io.linia.recovery.requests.RefusalReason reason : io.linia.recovery.requests.RefusalReason.values()) {
            used.add("recovery.reason." + reason);
            used.add("recovery.mail.refused." + reason);
            used.add("recovery.panel.done.RESTORE");
        }
        assertThat(used).allSatisfy(k -> assertThat(ru.stringPropertyNames()).as("message " + k).contains(k));
    }

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = RecoveryMessagesTest.class.getResourceAsStream("/i18n/" + name + ".properties")) {
            assertThat(in).as("bundle %s", name).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void refusalsFormatWithTheirArguments() throws IOException {
        assertThat(new MessageFormat(bundle("").getProperty("recovery.address.invalid"), Locale.forLanguageTag("ru"))
                .format(new Object[] {"anna@"})).isEqualTo("«anna@» — не адрес почты.");
        assertThat(new MessageFormat(bundle("_en").getProperty("recovery.mailbox.notFound"), Locale.ENGLISH)
                .format(new Object[] {"nobody@example.ru"})).isEqualTo("There is no mailbox nobody@example.ru.");
    }
}
