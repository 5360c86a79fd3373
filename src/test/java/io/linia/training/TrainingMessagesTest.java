package io.linia.training;

import static org.assertj.core.api.Assertions.assertThat;

import io.linia.support.MessageBundles;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The training bundle: Russian and English hold the same keys, and every key the code and pages name is there. */
class TrainingMessagesTest {

    @Test
    void russianAndEnglishHoldTheSameKeys() {
        MessageBundles.sameKeysInBothLanguages("training");
    }

    @Test
    void everyKeyTheCodeAndPagesUseHasItsText() {
        Properties ru = MessageBundles.load("training");
        Set<String> used = new TreeSet<>();
        Pattern literal = Pattern.compile("\"(training\\.[a-zA-Z]+\\.[a-zA-Z.]+)\"");
        Pattern page = Pattern.compile("#\\{(training\\.[a-zA-Z.]+)");
        used.addAll(MessageBundles.keysNamed(new Pattern[]{literal, page},
                "src/main/java/io/linia/training",
                "src/main/resources/templates/training"));
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
