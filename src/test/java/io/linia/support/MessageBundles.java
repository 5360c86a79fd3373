package io.linia.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** What the message-bundle tests share: loading a bundle, and finding the keys the code and pages name. */
public final class MessageBundles {

    private MessageBundles() {
    }

    /** The bundle {@code /i18n/<name>.properties} (UTF-8); fails the test when it is missing. */
    public static Properties load(String name) {
        Properties p = new Properties();
        try (InputStream in = MessageBundles.class.getResourceAsStream("/i18n/" + name + ".properties")) {
            assertThat(in).as(name).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /** The Russian and English bundles of {@code name} hold the same keys. */
    public static void sameKeysInBothLanguages(String name) {
        assertThat(load(name + "_en").stringPropertyNames()).containsExactlyInAnyOrderElementsOf(load(name).stringPropertyNames());
    }

    /**
     * Every key the files under {@code roots} name by one of the patterns (group 1 is the key): typically a Java string
     * literal and a page's {@code #{…}}.
     */
    public static Set<String> keysNamed(Pattern[] patterns, String... roots) {
        Set<String> used = new TreeSet<>();
        for (String root : roots) {
            try (Stream<Path> files = Files.walk(Path.of(root))) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    String text = Files.readString(f);
                    for (Pattern p : patterns) {
                        Matcher m = p.matcher(text);
                        while (m.find()) {
                            used.add(m.group(1));
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return used;
    }
}
