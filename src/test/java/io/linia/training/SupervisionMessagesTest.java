package io.linia.training;

import static org.assertj.core.api.Assertions.assertThat;

import io.linia.tickets.DraftStatus;
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

/** The supervision bundle: Russian and English hold the same keys, and every key the code and pages name is there. */
class SupervisionMessagesTest {

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = SupervisionMessagesTest.class.getResourceAsStream("/i18n/" + name + ".properties")) {
            assertThat(in).as(name).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void russianAndEnglishHoldTheSameKeys() throws IOException {
        assertThat(load("supervision_en").stringPropertyNames())
                .containsExactlyInAnyOrderElementsOf(load("supervision").stringPropertyNames());
    }

    @Test
    void everyKeyTheCodeAndPagesUseHasItsText() throws IOException {
        Set<String> used = new TreeSet<>();
        Pattern literal = Pattern.compile("\"(supervision\\.[a-zA-Z]+(?:\\.[a-zA-Z]+)*)\"");
        Pattern page = Pattern.compile("#\\{(supervision\\.[a-zA-Z.]+[a-zA-Z])");
        for (Path root : new Path[]{Path.of("src/main/java/io/linia/tickets"), Path.of("src/main/java/io/linia/training"),
                Path.of("src/main/resources/templates")}) {
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
        for (DraftStatus s : DraftStatus.values()) {
            used.add("supervision.status." + s);
            if (s.decided()) {
                used.add("supervision.done." + s);
            }
        }
        assertThat(used).as("keys found in the code and pages").hasSizeGreaterThan(30);
        assertThat(load("supervision").stringPropertyNames()).containsAll(used);
    }
}
