package io.linia.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
        Properties ru = new Properties();
        Properties en = new Properties();
        // the module's bundles: reviews and ratings, the derived measures, the measures pages
        for (String bundle : new String[] {"quality", "quality-measures", "quality-pages"}) {
            Properties r = load(bundle + ".properties");
            Properties e = load(bundle + "_en.properties");
            assertThat(e.stringPropertyNames()).as(bundle).isEqualTo(r.stringPropertyNames());
            ru.putAll(r);
            en.putAll(e);
        }
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
        // the measures pages build keys from their columns, measures, escalation flags, scopes and lines
        List<String> built = new ArrayList<>();
        for (io.linia.quality.web.MeasureColumn c : io.linia.quality.web.MeasureColumn.ALL) {
            built.add("quality.pages.col." + c.id());
            built.add("quality.pages.hint." + c.id());
        }
        for (Measure m : Measure.values()) {
            built.add("quality.pages.measure." + m);
        }
        for (EscalationFlag f : EscalationFlag.values()) {
            built.add("quality.pages.flag." + f);
        }
        for (MeasureScope b : MeasureScope.values()) {
            built.add("quality.pages.by." + b);
            built.add("quality.pages.tab." + b.name().toLowerCase(java.util.Locale.ROOT));
        }
        built.add("quality.pages.line.FIRST");
        built.add("quality.pages.line.SECOND");
        assertThat(built).allSatisfy(k -> {
            assertThat(ru.getProperty(k)).as(k).isNotBlank();
            assertThat(en.getProperty(k)).as(k).isNotBlank();
        });
        // texts with arguments go through MessageFormat: they parse, and an apostrophe is doubled
        for (Properties p : new Properties[] {ru, en}) {
            for (String k : p.stringPropertyNames()) {
                String v = p.getProperty(k);
                if (k.startsWith("quality.pages.") && v.contains("{0")) {
                    assertThat(new java.text.MessageFormat(v).format(new Object[] {1, 2, 3})).as(k).doesNotContain("{");
                    assertThat(v.replace("''", "")).as(k).doesNotContain("'");
                }
            }
        }
    }
}
