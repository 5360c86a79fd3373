package io.linia.recovery.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The audit bundle: Russian and English hold the same keys, every action and every key the code and page use. */
class RecoveryAuditMessagesTest {

    private static Properties bundle(String suffix) throws IOException {
        Properties p = new Properties();
        try (InputStream in = RecoveryAuditMessagesTest.class.getResourceAsStream("/i18n/recovery-audit" + suffix + ".properties")) {
            assertThat(in).as("bundle recovery-audit%s", suffix).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void bothLanguagesHoldTheSameKeysAndNoneIsEmpty() throws IOException {
        Properties ru = bundle("");
        Properties en = bundle("_en");
        assertThat(en.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(ru.stringPropertyNames());
        for (Properties p : List.of(ru, en)) {
            assertThat(p.stringPropertyNames()).allSatisfy(k -> assertThat(p.getProperty(k)).as(k).isNotBlank());
        }
    }

    @Test
    void everyActionAndEveryKeyInUseHasItsText() throws IOException {
        Set<String> used = new TreeSet<>();
        for (AuditAction action : AuditAction.values()) {
            used.add("recovery.audit.action." + action);
        }
        // the CSV's column headers
        for (String column : List.of("at", "actorId", "actor", "action", "request", "ticket", "mailbox", "detail")) {
            used.add("recovery.audit.csv." + column);
        }
        Pattern key = Pattern.compile("(recovery\\.audit(?:\\.[a-zA-Z]+)+)[\"}(]");
        List<Path> sources = List.of(Path.of("src/main/java/io/linia/recovery/audit"),
                Path.of("src/main/resources/templates/recovery/admin-audit.html"), Path.of("src/main/resources/templates/layout.html"));
        for (Path root : sources) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Matcher m = key.matcher(Files.readString(file));
                    while (m.find()) {
                        used.add(m.group(1));
                    }
                }
            }
        }
        assertThat(used).contains("recovery.audit.detail.tooLong", "recovery.audit.filter.cursor", "recovery.audit.column.detail",
                "recovery.audit.nav", "recovery.audit.title", "recovery.audit.lead");
        assertThat(bundle("").stringPropertyNames()).containsAll(used);
    }

    @Test
    void refusalsFormatWithTheirArguments() throws IOException {
        assertThat(new MessageFormat(bundle("").getProperty("recovery.audit.detail.tooLong"), Locale.forLanguageTag("ru"))
                .format(new Object[] {"2000", "2001"})).isEqualTo("Пояснение длиннее 2000 символов (2001).");
        assertThat(new MessageFormat(bundle("_en").getProperty("recovery.audit.filter.limit"), Locale.ENGLISH)
                .format(new Object[] {"1", "500"})).isEqualTo("The page size must be from 1 to 500.");
    }
}
