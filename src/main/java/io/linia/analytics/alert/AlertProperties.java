package io.linia.analytics.alert;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code linia.analytics.alerts.*}: how sensitive the spike alerts are. Checked at start: a value out of range stops
 * the application with the setting's name. The defaults and why:
 *
 * @param enabled        the scheduled evaluation runs (true); off, alerts are neither opened nor closed
 * @param every          how often the inflow is evaluated (5m; 1m–1h): a spike is seen within minutes, and one
 *                       evaluation costs a few grouped queries
 * @param window         the sliding span whose arrivals are compared with the usual (60m; 15m–6h): an outage shows
 *                       within an hour, and an hour holds enough tickets to tell noise from a spike
 * @param weeks          weeks looked back for the same hour of the week (8; 2–52): two months follow a slowly growing
 *                       desk and give the median enough samples to ignore one odd week
 * @param minWeeks       fewest weeks with history (own or imported) needed to judge (3; 1–52): without them there is
 *                       no "usual" and nothing is raised
 * @param minCount       fewest tickets in the window to raise an alert (8; 1–10000): a handful of tickets is noise,
 *                       however quiet the hour usually is
 * @param threshold      robust z-score to raise an alert (4.0; 1–50): about one false alarm per category in a few
 *                       months of 5-minute evaluations on Poisson-like inflow
 * @param minRatio       the window must also hold this many times the usual (2.0; 1–100): a busy desk's large
 *                       hour can be many deviations above the usual yet no outage
 * @param closeThreshold z-score under which an open alert closes (2.0; 0–threshold): lower than the raising one, so
 *                       an alert does not flap open and closed around the line
 * @param samples        sample tickets listed with an alert (5; 1–50)
 * @param words          new words listed with an alert (6; 1–30)
 * @param backgroundDays days before the window whose tickets of the same category or channel are the background the
 *                       spike's words are compared with (28; 1–365)
 */
@ConfigurationProperties("linia.analytics.alerts")
public record AlertProperties(@DefaultValue("true") boolean enabled, @DefaultValue("5m") Duration every,
                              @DefaultValue("60m") Duration window, @DefaultValue("8") int weeks,
                              @DefaultValue("3") int minWeeks, @DefaultValue("8") int minCount,
                              @DefaultValue("4.0") double threshold, @DefaultValue("2.0") double minRatio,
                              @DefaultValue("2.0") double closeThreshold, @DefaultValue("5") int samples,
                              @DefaultValue("6") int words, @DefaultValue("28") int backgroundDays) {

    public AlertProperties {
        within("every", every, Duration.ofMinutes(1), Duration.ofHours(1));
        within("window", window, Duration.ofMinutes(15), Duration.ofHours(6));
        range("weeks", weeks, 2, 52);
        range("min-weeks", minWeeks, 1, weeks);
        range("min-count", minCount, 1, 10_000);
        if (!(threshold >= 1 && threshold <= 50)) {
            throw new IllegalArgumentException("linia.analytics.alerts.threshold must be between 1 and 50, not " + threshold);
        }
        if (!(minRatio >= 1 && minRatio <= 100)) {
            throw new IllegalArgumentException("linia.analytics.alerts.min-ratio must be between 1 and 100, not " + minRatio);
        }
        if (!(closeThreshold >= 0 && closeThreshold <= threshold)) {
            throw new IllegalArgumentException("linia.analytics.alerts.close-threshold must be between 0 and the threshold ("
                    + threshold + "), not " + closeThreshold);
        }
        range("samples", samples, 1, 50);
        range("words", words, 1, 30);
        range("background-days", backgroundDays, 1, 365);
    }

    /** The settings' defaults. */
    public static AlertProperties defaults() {
        return new AlertProperties(true, Duration.ofMinutes(5), Duration.ofMinutes(60), 8, 3, 8, 4.0, 2.0, 2.0, 5, 6, 28);
    }

    private static void range(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException("linia.analytics.alerts." + name + " must be between " + min + " and " + max
                    + ", not " + value);
        }
    }

    private static void within(String name, Duration value, Duration min, Duration max) {
        if (value == null || value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new IllegalArgumentException("linia.analytics.alerts." + name + " must be between " + min + " and " + max
                    + ", not " + value);
        }
    }
}
