package io.linia.analytics.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.linia.tickets.Channel;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The dashboard's bundle: Russian and English hold the same keys, and every key the pages and code use is there. */
class AnalyticsDashboardMessagesTest {

    private static Properties bundle(String suffix) throws IOException {
        Properties p = new Properties();
        try (InputStream in = AnalyticsDashboardMessagesTest.class.getResourceAsStream("/i18n/analytics-dash" + suffix + ".properties")) {
            assertThat(in).as("bundle analytics-dash%s", suffix).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void bothLanguagesHoldTheSameKeysAndNoneIsEmpty() throws IOException {
        Properties ru = bundle("");
        Properties en = bundle("_en");
        assertThat(en.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(ru.stringPropertyNames());
        for (Properties p : List.of(ru, en)) {
            assertThat(p.stringPropertyNames()).allSatisfy(k -> assertThat(p.getProperty(k)).as(k).isNotBlank());
        }
    }

    @Test
    void everyKeyInUseHasItsText() throws IOException {
        Set<String> used = new TreeSet<>();
        for (Channel c : Channel.values()) {
            used.add("analytics.dash.channel." + c);
        }
        for (String step : List.of("HOUR", "DAY", "WEEK")) {
            used.add("analytics.dash.step." + step);
        }
        for (String f : List.of("createdFrom", "createdTo", "solvedFrom", "solvedTo", "escalatedFrom", "escalatedTo", "channel", "category")) {
            used.add("tickets.drill." + f);
        }
        Pattern key = Pattern.compile("((?:analytics\\.(?:dash|wall)|tickets\\.drill)(?:\\.[a-zA-Z]+)+)[\"}(]");
        List<Path> sources = List.of(Path.of("src/main/java/io/linia/analytics/web"), Path.of("src/main/java/io/linia/tickets/web/DrillDown.java"),
                Path.of("src/main/resources/templates/analytics/dashboard.html"), Path.of("src/main/resources/templates/analytics/wallboard.html"),
                Path.of("src/main/resources/templates/tickets/agent-list.html"), Path.of("src/main/resources/templates/layout.html"));
        for (Path root : sources) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Matcher m = key.matcher(Files.readString(file));
                    while (m.find()) {
                        used.add(m.group(1));
                    }
                }
            }
        }
        assertThat(used).contains("analytics.dash.title", "analytics.dash.nav", "analytics.wall.noAlerts", "tickets.drill.bad.channel",
                "analytics.dash.wait.hint", "analytics.dash.sla.title");
        assertThat(bundle("").stringPropertyNames()).containsAll(used);
    }
}
