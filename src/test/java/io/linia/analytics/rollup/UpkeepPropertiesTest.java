package io.linia.analytics.rollup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The upkeep's settings are checked when the application starts: a value out of range names its setting. */
class UpkeepPropertiesTest {

    @Test
    void sensibleValuesAreKept() {
        UpkeepProperties p = new UpkeepProperties(Duration.ofMillis(200), 500, Duration.ofMinutes(1), Duration.ofMinutes(5));
        assertThat(p.delay()).isEqualTo(Duration.ofMillis(200));
        assertThat(p.batchSize()).isEqualTo(500);
        assertThat(new UpkeepProperties(Duration.ofMillis(1), 1, Duration.ofSeconds(1), Duration.ZERO).catchUpMargin()).isZero();
    }

    @Test
    void valuesOutOfRangeAreRefusedNamingTheSetting() {
        assertThatThrownBy(() -> new UpkeepProperties(Duration.ZERO, 500, Duration.ofMinutes(1), Duration.ofMinutes(5)))
                .hasMessageContaining("linia.analytics.upkeep.delay");
        assertThatThrownBy(() -> new UpkeepProperties(Duration.ofMillis(200), 0, Duration.ofMinutes(1), Duration.ofMinutes(5)))
                .hasMessageContaining("linia.analytics.upkeep.batch-size");
        assertThatThrownBy(() -> new UpkeepProperties(Duration.ofMillis(200), 2001, Duration.ofMinutes(1), Duration.ofMinutes(5)))
                .hasMessageContaining("linia.analytics.upkeep.batch-size");
        assertThatThrownBy(() -> new UpkeepProperties(Duration.ofMillis(200), 500, Duration.ofMillis(10), Duration.ofMinutes(5)))
                .hasMessageContaining("linia.analytics.upkeep.catch-up-interval");
        assertThatThrownBy(() -> new UpkeepProperties(Duration.ofMillis(200), 500, Duration.ofMinutes(1), Duration.ofMinutes(-1)))
                .hasMessageContaining("linia.analytics.upkeep.catch-up-margin");
    }
}
