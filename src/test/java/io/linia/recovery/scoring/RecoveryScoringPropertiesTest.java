package io.linia.recovery.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class RecoveryScoringPropertiesTest {

    private static RecoveryScoringProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values))
                .bindOrCreate("linia.recovery.scoring", RecoveryScoringProperties.class);
    }

    @Test
    void anEmptyConfigurationBindsToTheDocumentedDefaults() {
        assertThat(bind(Map.of())).isEqualTo(RecoveryScoringProperties.defaults());
    }

    @Test
    void settingsBindFromKebabCaseKeys() {
        RecoveryScoringProperties p = bind(Map.of("linia.recovery.scoring.password-weight", "60",
                "linia.recovery.scoring.restore-threshold", "80", "linia.recovery.scoring.name-similarity", "0.93"));
        assertThat(p.passwordWeight()).isEqualTo(60);
        assertThat(p.restoreThreshold()).isEqualTo(80);
        assertThat(p.nameSimilarity()).isEqualTo(0.93);
        assertThat(p.askForMoreThreshold()).isEqualTo(35);
    }
}
