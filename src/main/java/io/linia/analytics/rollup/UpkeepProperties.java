package io.linia.analytics.rollup;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code linia.analytics.upkeep.*}: how the rollups follow the tickets, off the ticket commands' threads. Checked at
 * start: a value out of range stops the application with the setting's name.
 *
 * @param delay           a changed ticket waits at most this long before its batch is counted (200ms; 1ms–1d)
 * @param batchSize       tickets counted in one transaction; a batch starts at once when this many wait (500; 1–2000)
 * @param catchUpInterval every this long the tickets changed since the last catch-up are counted again, making good
 *                        whatever the queue lost (a crash, a failed batch) (1m; 1s–1d)
 * @param catchUpMargin   a catch-up also looks this far behind its watermark: transactions still open at the last
 *                        one and nodes' clocks that differ (5m; 0–1d)
 */
@ConfigurationProperties("linia.analytics.upkeep")
public record UpkeepProperties(@DefaultValue("200ms") Duration delay, @DefaultValue("500") int batchSize,
                               @DefaultValue("1m") Duration catchUpInterval, @DefaultValue("5m") Duration catchUpMargin) {

    public UpkeepProperties {
        within("delay", delay, Duration.ofMillis(1), Duration.ofDays(1));
        if (batchSize < 1 || batchSize > 2000) {
            throw new IllegalArgumentException("linia.analytics.upkeep.batch-size must be between 1 and 2000, not " + batchSize);
        }
        within("catch-up-interval", catchUpInterval, Duration.ofSeconds(1), Duration.ofDays(1));
        within("catch-up-margin", catchUpMargin, Duration.ZERO, Duration.ofDays(1));
    }

    private static void within(String name, Duration value, Duration min, Duration max) {
        if (value == null || value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new IllegalArgumentException("linia.analytics.upkeep." + name + " must be between " + min + " and " + max
                    + ", not " + value);
        }
    }
}
