package io.linia.recovery.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The scoring texts: the same keys in Russian and English, every code the engine and the policy can give is there. */
class RecoveryScoringMessagesTest {

    private static Properties bundle(String suffix) throws IOException {
        Properties p = new Properties();
        try (InputStream in = RecoveryScoringMessagesTest.class.getResourceAsStream("/i18n/recovery-scoring" + suffix + ".properties")) {
            assertThat(in).as("bundle recovery-scoring%s", suffix).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    /** Every code the engine can produce: each kind's outcomes as written in the source, rules, recommendations. */
    private static TreeSet<String> codesUsed() throws IOException {
        TreeSet<String> codes = new TreeSet<>();
        String scoring = Files.readString(Path.of("src/main/java/io/linia/recovery/scoring/EvidenceScoring.java"));
        List<String> outcomes = List.of("unanswered", "unknown", "matched", "none", "exact", "close", "far", "wrong");
        for (String o : outcomes) { // every outcome the engine writes is one of these
            assertThat(scoring).contains("\"" + o + "\"");
        }
        int found = 0;
        Matcher literal = Pattern.compile("(?:code\\(|\\? |: )\"([a-z]+)\"").matcher(scoring);
        while (literal.find()) {
            assertThat(outcomes).as("outcome literal in EvidenceScoring").contains(literal.group(1));
            found++;
        }
        assertThat(found).isGreaterThanOrEqualTo(10);
        for (EvidenceKind kind : EvidenceKind.values()) {
            boolean date = kind == EvidenceKind.REGISTRATION_DATE || kind == EvidenceKind.LAST_LOGIN;
            for (String o : outcomes) {
                boolean dateOutcome = o.equals("exact") || o.equals("close") || o.equals("far") || o.equals("wrong");
                boolean matchOutcome = o.equals("matched") || o.equals("none");
                if ((date && !matchOutcome) || (!date && !dateOutcome)) {
                    codes.add(kind.code(o));
                }
            }
        }
        String policy = Files.readString(Path.of("src/main/java/io/linia/recovery/scoring/ThirdPartyRequestPolicy.java"));
        Matcher rule = Pattern.compile("rule\\(\"([a-z-]+)\"").matcher(policy);
        while (rule.find()) {
            codes.add("recovery.scoring.policy." + rule.group(1));
        }
        codes.add("recovery.scoring.policy.on-behalf");
        for (Recommendation r : Recommendation.values()) {
            codes.add("recovery.scoring.recommendation." + r);
        }
        codes.add("recovery.scoring.score");
        return codes;
    }

    @Test
    void bothLanguagesHaveTheSameKeysAndEveryCodeUsed() throws IOException {
        Properties ru = bundle("");
        Properties en = bundle("_en");
        assertThat(new TreeSet<>(ru.stringPropertyNames())).isEqualTo(new TreeSet<>(en.stringPropertyNames()));
        TreeSet<String> used = codesUsed();
        assertThat(used).hasSizeGreaterThan(45);
        assertThat(ru.stringPropertyNames()).containsAll(used);
        assertThat(new TreeSet<>(ru.stringPropertyNames())).isEqualTo(used);
    }

    @Test
    void explanationsRenderWithTheirArgumentsInBothLanguages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("i18n/recovery-scoring");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        Locale ru = Locale.forLanguageTag("ru");
        assertThat(messages.getMessage("recovery.scoring.folders.matched", new Object[] {2, 3}, ru))
                .isEqualTo("Совпали названия папок: 2 из 3");
        assertThat(messages.getMessage("recovery.scoring.folders.matched", new Object[] {2, 3}, Locale.ENGLISH))
                .isEqualTo("2 of 3 folder names match");
        assertThat(messages.getMessage("recovery.scoring.regdate.close", new Object[] {4L}, Locale.ENGLISH))
                .isEqualTo("Registration date off by 4 days (within tolerance)");
        assertThat(messages.getMessage("recovery.scoring.policy.possession", new Object[] {"ящик жены"}, Locale.ENGLISH))
                .isEqualTo("Request about someone else's mailbox (a relative's, partner's, friend's, colleague's or another "
                        + "person's): \"ящик жены\"");
        assertThat(messages.getMessage("recovery.scoring.policy.asked-by", new Object[] {"по просьбе сына"}, Locale.ENGLISH))
                .isEqualTo("Request made at another person's request: \"по просьбе сына\"");
        assertThat(messages.getMessage("recovery.scoring.policy.belongs", new Object[] {"принадлежит моему мужу"}, ru))
                .isEqualTo("Ящик принадлежит другому человеку: «принадлежит моему мужу»");
        assertThat(messages.getMessage("recovery.scoring.policy.foreign", new Object[] {"чужой почте"}, ru))
                .isEqualTo("Запрос о доступе к чужой почте: «чужой почте»");
    }
}
