package io.linia.training;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code linia.training.*}: {@code zone} — deadlines and history dates are days here (default Europe/Moscow);
 * {@code max-document-size} — largest study document (default 10MB); {@code heartbeat-cap} — most reading time one
 * heartbeat of an open material counts (default 60s: a page left open in a background tab counts no more);
 * {@code expire-every} — how often expired certifications are recorded (default PT15M).
 */
@ConfigurationProperties("linia.training")
public record TrainingProperties(ZoneId zone, DataSize maxDocumentSize, Duration heartbeatCap, Duration expireEvery) {

    public TrainingProperties {
        zone = zone == null ? ZoneId.of("Europe/Moscow") : zone;
        maxDocumentSize = maxDocumentSize == null ? DataSize.ofMegabytes(10) : maxDocumentSize;
        heartbeatCap = heartbeatCap == null || heartbeatCap.isNegative() || heartbeatCap.isZero() ? Duration.ofSeconds(60) : heartbeatCap;
        expireEvery = expireEvery == null ? Duration.ofMinutes(15) : expireEvery;
    }
}
