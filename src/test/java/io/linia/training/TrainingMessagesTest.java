package io.linia.training;

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

/** The training bundle: Russian and English hold the same keys, and every key the code and pages name is there. */
class TrainingMessagesTest {

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = TrainingMessagesTest.class.getResourceAsStream("/i18n/" + name + ".properties")) {
            assertThat(in).as(name).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void russianAndEnglishHoldTheSameKeys() throws IOException {
        assertThat(load("training_en").stringPropertyNames()).containsExactlyInAnyOrderElementsOf(load("training").stringPropertyNames());
    }

    @Test
    void everyKeyTheCodeAndPagesUseHasItsText() throws IOException {
        Properties ru = load("training");
        Set<String> used = new TreeSet<>();
        Pattern literal = Pattern.compile("\"(training\\.[a-zA-Z]+\\.[a-zA-Z.]+)\"");
        Pattern page = Pattern.compile("#\\{(training\\.[a-zA-Z.]+)");
        for (Path root : new Path[]{Path.of("src/main/java/io/linia/training"), Path.of("src/main/resources/templates/training")}) {
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
        for (String kind : new String[]{"STUDY", "TRAINER_SESSION", "SHADOWING", "SUPERVISED_WORK", "ATTESTATION"}) {
            used.add("training.kind." + kind);
        }
        for (String s : new String[]{"status.ACTIVE", "status.COMPLETED", "status.CANCELLED", "target.FIRST_LINE", "target.GROUP",
                "target.ROTATION", "unit.TICKETS", "unit.HOURS", "counted.TICKETS", "counted.HOURS", "minimum.TICKETS", "minimum.HOURS"}) {
            used.add("training." + s);
        }
        assertThat(used).hasSizeGreaterThan(100);
        assertThat(used).allSatisfy(k -> assertThat(ru.getProperty(k)).as(k).isNotBlank());
        assertThat(ru.getProperty("nav.training")).isEqualTo("Обучение");
    }
}
