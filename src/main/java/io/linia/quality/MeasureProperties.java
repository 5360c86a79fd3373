package io.linia.quality;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code linia.quality.measures.*}: the derived measures' settings, checked at start (a value out of range stops the
 * application with the setting's name).
 *
 * @param escalationBand        an L1 escalation rate more than this many percentage points above or below its
 *                              comparison level is flagged (10; 1–100)
 * @param escalationMinHandled  fewer first-line handlings than this in the period: no flag, too few to judge (10; 1–10000)
 * @param delay                 a changed ticket waits at most this long before its facts are derived again (500ms; 1ms–1d)
 * @param batchSize             tickets derived in one transaction; a batch starts at once when this many wait (500; 1–2000)
 * @param catchUpInterval       every this long the tickets (and quality rows) changed since the watermark are derived
 *                              again, making good what the queue lost (1m; 1s–1d)
 * @param catchUpMargin         the catch-up also looks this far behind its watermark (5m; 0–1d)
 */
@ConfigurationProperties("linia.quality.measures")
public record MeasureProperties(@DefaultValue("10") int escalationBand, @DefaultValue("10") int escalationMinHandled,
                                @DefaultValue("500ms") Duration delay, @DefaultValue("500") int batchSize,
                                @DefaultValue("1m") Duration catchUpInterval, @DefaultValue("5m") Duration catchUpMargin) {

    public MeasureProperties {
        range("escalation-band", escalationBand, 1, 100);
        range("escalation-min-handled", escalationMinHandled, 1, 10000);
        range("batch-size", batchSize, 1, 2000);
        within("delay", delay, Duration.ofMillis(1), Duration.ofDays(1));
        within("catch-up-interval", catchUpInterval, Duration.ofSeconds(1), Duration.ofDays(1));
        within("catch-up-margin", catchUpMargin, Duration.ZERO, Duration.ofDays(1));
    }

    private static void range(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException("linia.quality.measures." + name + " must be between " + min + " and " + max
                    + ", not " + value);
        }
    }

    private static void within(String name, Duration value, Duration min, Duration max) {
        if (value == null || value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new IllegalArgumentException("linia.quality.measures." + name + " must be between " + min + " and " + max
                    + ", not " + value);
        }
    }
}
