package io.linia.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * A message with arguments goes through {@link java.text.MessageFormat}, where a lone apostrophe starts a
 * quoted part: "the ticket's {0}" would print "the tickets {0}" literally. Every such message writes it twice.
 */
class MessageApostrophesTest {

    private static final Pattern ARGUMENT = Pattern.compile("\\{\\d");
    private static final Pattern LONE_APOSTROPHE = Pattern.compile("(?<!')'(?!')");

    @Test
    void everyMessageWithArgumentsDoublesItsApostrophes() throws IOException {
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Resource bundle : new PathMatchingResourcePatternResolver().getResources("classpath*:i18n/*.properties")) {
            checked += check(bundle, wrong);
        }
        for (Resource bundle : new PathMatchingResourcePatternResolver().getResources("classpath*:messages*.properties")) {
            checked += check(bundle, wrong);
        }
        assertThat(checked).as("messages with arguments checked").isGreaterThan(100);
        assertThat(wrong).isEmpty();
    }

    private static int check(Resource bundle, List<String> wrong) throws IOException {
        Properties messages = new Properties();
        try (InputStreamReader reader = new InputStreamReader(bundle.getInputStream(), StandardCharsets.UTF_8)) {
            messages.load(reader);
        }
        int checked = 0;
        for (String key : messages.stringPropertyNames()) {
            String text = messages.getProperty(key);
            if (ARGUMENT.matcher(text).find()) {
                checked++;
                if (LONE_APOSTROPHE.matcher(text).find()) {
                    wrong.add(bundle.getFilename() + ": " + key + " = " + text);
                }
            }
        }
        return checked;
    }
}
