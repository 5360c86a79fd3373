package io.linia.training;

import static org.assertj.core.api.Assertions.assertThat;

import io.linia.support.MessageBundles;
import io.linia.tickets.DraftStatus;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The supervision bundle: Russian and English hold the same keys, and every key the code and pages name is there. */
class SupervisionMessagesTest {

    @Test
    void russianAndEnglishHoldTheSameKeys() {
        MessageBundles.sameKeysInBothLanguages("supervision");
    }

    @Test
    void everyKeyTheCodeAndPagesUseHasItsText() {
        Set<String> used = new TreeSet<>();
        Pattern literal = Pattern.compile("\"(supervision\\.[a-zA-Z]+(?:\\.[a-zA-Z]+)*)\"");
        Pattern page = Pattern.compile("#\\{(supervision\\.[a-zA-Z.]+[a-zA-Z])");
        used.addAll(MessageBundles.keysNamed(new Pattern[]{literal, page},
                "src/main/java/io/linia/tickets",
                "src/main/java/io/linia/training",
                "src/main/resources/templates"));
        for (DraftStatus s : DraftStatus.values()) {
            used.add("supervision.status." + s);
            if (s.decided()) {
                used.add("supervision.done." + s);
            }
        }
        assertThat(used).as("keys found in the code and pages").hasSizeGreaterThan(30);
        assertThat(MessageBundles.load("supervision").stringPropertyNames()).containsAll(used);
    }
}
