package io.linia.workforce.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The on-shift texts: every key in Russian and English, every key the pages and refusals use is there. */
class OnShiftMessagesTest {

    private static Properties bundle(String suffix) throws IOException {
        Properties p = new Properties();
        try (InputStream in = OnShiftMessagesTest.class.getResourceAsStream("/i18n/workforce-onshift" + suffix + ".properties")) {
            assertThat(in).as("bundle workforce-onshift%s", suffix).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void bothLanguagesHaveTheSameKeysAndEveryKeyUsedIsDefined() throws IOException {
        Properties ru = bundle("");
        Properties en = bundle("_en");
        assertThat(new TreeSet<>(ru.stringPropertyNames())).isEqualTo(new TreeSet<>(en.stringPropertyNames()));
        TreeSet<String> used = new TreeSet<>();
        Pattern key = Pattern.compile("(wfnow\\.[A-Za-z.]+[A-Za-z])");
        for (String file : new String[] {"src/main/resources/templates/workforce/now-desk.html",
                "src/main/resources/templates/workforce/now-agent.html", "src/main/resources/templates/workforce/staff-nav.html",
                "src/main/java/io/linia/workforce/attendance/Attendance.java", "src/main/java/io/linia/workforce/web/NowController.java",
                "src/main/java/io/linia/workforce/api/AttendanceApi.java"}) {
            Matcher m = key.matcher(Files.readString(Path.of(file)));
            while (m.find()) {
                used.add(m.group(1));
            }
        }
        used.remove("wfnow.source"); // the prefix of keys built from the source's name, added below
        for (String source : new String[] {"SCHEDULE", "AGENT", "LEAD"}) {
            used.add("wfnow.source." + source);
        }
        assertThat(used).hasSizeGreaterThan(30);
        assertThat(ru.stringPropertyNames()).containsAll(used);
        assertThat(ru.getProperty("wfnow.title")).isEqualTo("Сейчас на смене");
    }
}
