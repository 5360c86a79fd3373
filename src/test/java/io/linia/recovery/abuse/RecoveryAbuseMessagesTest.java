package io.linia.recovery.abuse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The abuse-protection bundle: the same keys in Russian and English, every key the code uses, and how they read. */
class RecoveryAbuseMessagesTest {

    private static Properties bundle(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = RecoveryAbuseMessagesTest.class.getResourceAsStream("/" + name + ".properties")) {
            assertThat(in).as("bundle %s", name).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasenames("i18n/recovery-abuse");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }

    @Test
    void russianAndEnglishHoldTheSameKeysAndEveryKeyTheCodeUses() throws IOException {
        Properties ru = bundle("i18n/recovery-abuse");
        Properties en = bundle("i18n/recovery-abuse_en");
        assertThat(en.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(ru.stringPropertyNames());
        assertThat(ru.stringPropertyNames()).allMatch(k -> k.startsWith("recoveryAbuse."));

        Set<String> used = new TreeSet<>();
        Pattern key = Pattern.compile("\"(recoveryAbuse\\.[a-zA-Z]+\\.[a-zA-Z]+)\"");
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/io/linia/recovery/abuse"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = key.matcher(Files.readString(file));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        assertThat(used).contains("recoveryAbuse.proof.used", "recoveryAbuse.limit.ip", "recoveryAbuse.screenshots.type",
                "recoveryAbuse.duration.hoursMinutes");
        assertThat(ru.stringPropertyNames()).containsAll(used);
        for (String k : ru.stringPropertyNames()) {
            assertThat(ru.getProperty(k)).as(k).isNotBlank().doesNotContain("'");
            assertThat(en.getProperty(k)).as(k).isNotBlank().doesNotContain("'");
        }
    }

    @Test
    void theProblemTitleOfTooManyRequestsIsInBothLanguages() throws IOException {
        assertThat(bundle("messages").getProperty("linia.problem.too-many-requests")).isEqualTo("Слишком много запросов");
        assertThat(bundle("messages_en").getProperty("linia.problem.too-many-requests")).isEqualTo("Too many requests");
    }

    @Test
    void durationsReadInWholeMinutesRoundedUp() {
        ResourceBundleMessageSource messages = messages();
        Locale ru = Locale.forLanguageTag("ru");
        assertThat(messages.getMessage(RecoveryRateLimits.durationText(Duration.ofSeconds(1)), ru)).isEqualTo("1 мин");
        assertThat(messages.getMessage(RecoveryRateLimits.durationText(Duration.ofMinutes(59).plusSeconds(1)), ru)).isEqualTo("1 ч");
        assertThat(messages.getMessage(RecoveryRateLimits.durationText(Duration.ofMinutes(125)), ru)).isEqualTo("2 ч 5 мин");
        assertThat(messages.getMessage(RecoveryRateLimits.durationText(Duration.ofDays(1)), ru)).isEqualTo("24 ч");
        assertThat(messages.getMessage(RecoveryRateLimits.durationText(Duration.ofDays(7)), ru)).isEqualTo("7 сут.");
        assertThat(messages.getMessage(RecoveryRateLimits.durationText(Duration.ofDays(7)), Locale.ENGLISH)).isEqualTo("7 days");
        assertThat(messages.getMessage(RecoveryRateLimits.durationText(Duration.ofMinutes(1441)), Locale.ENGLISH)).isEqualTo("24 h 1 min");
    }

    @Test
    void refusalsReadWithTheirArguments() {
        ResourceBundleMessageSource messages = messages();
        Locale ru = Locale.forLanguageTag("ru");
        assertThat(messages.getMessage("recoveryAbuse.proof.expired", new Object[] {10L}, ru))
                .isEqualTo("Проверка «я не робот» устарела (она действует 10 мин). Обновите страницу и отправьте анкету ещё раз.");
        assertThat(messages.getMessage("recoveryAbuse.screenshots.tooBig", new Object[] {"shot.png", new BigDecimal("2.1"), new BigDecimal("2")}, ru))
                .isEqualTo("Файл «shot.png» занимает 2,1 МБ, а один файл может занимать не больше 2 МБ.");
        assertThat(messages.getMessage("recoveryAbuse.screenshots.tooBig", new Object[] {"shot.png", new BigDecimal("2.1"), new BigDecimal("2")},
                Locale.ENGLISH)).isEqualTo("The file \"shot.png\" is 2.1 MB; one file may be at most 2 MB.");
        assertThat(messages.getMessage("recoveryAbuse.limit.contact",
                new Object[] {"3", RecoveryRateLimits.durationText(Duration.ofDays(1)), RecoveryRateLimits.durationText(Duration.ofMinutes(90))},
                Locale.ENGLISH)).isEqualTo("This contact address has reached its limit of 3 requests per 24 h. You can try again in 1 h 30 min.");
        assertThat(messages.getMessage("recoveryAbuse.screenshots.type", new Object[] {"a.gif", "PNG, JPEG, WebP"}, ru))
                .isEqualTo("Файл «a.gif» — не снимок экрана в формате PNG, JPEG, WebP.");
    }
}
