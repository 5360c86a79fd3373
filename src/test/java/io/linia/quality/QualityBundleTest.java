package io.linia.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The quality texts: Russian and English have the same keys, none blank, and every key the pages and code name exists. */
class QualityBundleTest {

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = QualityBundleTest.class.getResourceAsStream("/i18n/" + name)) {
            assertThat(in).as(name).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void russianAndEnglishHaveTheSameKeysAndEveryUsedKeyExists() throws IOException {
        Properties ru = load("quality.properties");
        Properties en = load("quality_en.properties");
        assertThat(en.stringPropertyNames()).isEqualTo(ru.stringPropertyNames());
        assertThat(ru.stringPropertyNames()).allSatisfy(k -> {
            assertThat(ru.getProperty(k)).as(k).isNotBlank();
            assertThat(en.getProperty(k)).as(k).isNotBlank();
        });

        Set<String> used = new TreeSet<>();
        Pattern inTemplates = Pattern.compile("#\\{(quality\\.[A-Za-z0-9.]+)[}(]");
        Pattern inCode = Pattern.compile("\"(quality\\.(?:error|rating|dispute|review|draw|followUp|rubric|mail)\\.[A-Za-z]+)\"");
        for (Path root : new Path[] {Path.of("src/main/resources/templates/quality"), Path.of("src/main/resources/templates/layout.html"),
                Path.of("src/main/java/io/linia/quality")}) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    String text = Files.readString(f);
                    for (Pattern p : new Pattern[] {inTemplates, inCode}) {
                        Matcher m = p.matcher(text);
                        while (m.find()) {
                            used.add(m.group(1));
                        }
                    }
                }
            }
        }
        assertThat(used).hasSizeGreaterThan(60);
        assertThat(used).allSatisfy(k -> assertThat(ru.stringPropertyNames()).as("key %s", k).contains(k));
        // the texts the pages and mails build from enum names
        for (String k : new String[] {"quality.rating.FIVE.1", "quality.rating.FIVE.5", "quality.rating.TWO.1", "quality.rating.TWO.2",
                "quality.line.FIRST", "quality.line.SECOND", "quality.repeat.NEW_TICKET", "quality.repeat.REOPEN",
                "quality.dispute.outcome.UPHELD", "quality.dispute.outcome.CHANGED", "quality.followUp.OPEN", "quality.followUp.DONE",
                "quality.score.0", "quality.score.1", "quality.score.2"}) {
            assertThat(ru.getProperty(k)).as(k).isNotNull();
        }
    }
}
