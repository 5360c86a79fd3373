package io.linia.recovery.abuse;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code linia.recovery.proof-of-work.*}: the work a browser does before the access-recovery questionnaire is accepted.
 *
 * @param bits     leading zero bits the SHA-256 of {@code token:counter} must have (16). Each bit doubles the work:
 *                 Chromium's Web Crypto does about 65,000 hashes a second on one core here, so 16 bits (65,536
 *                 tries on average) take about 1 s on average, 2.5 s for one person in ten; a script in native code
 *                 pays that much more often for nothing
 * @param validity how long a challenge may be answered after it is issued (1 h: the page solves it on load, and a
 *                 long questionnaire may take a while to fill in; each challenge is accepted once anyway)
 * @param secret   the key of the challenge's signature, at least 32 characters, shared by all nodes (from the
 *                 environment: {@code LINIA_RECOVERY_POW_SECRET}). Empty: a random key for this process, so
 *                 challenges stop working at a restart and on another node
 */
@Validated
@ConfigurationProperties("linia.recovery.proof-of-work")
public record ProofOfWorkProperties(@DefaultValue("16") @Min(1) @Max(30) int bits,
                                    @DefaultValue("PT1H") @NotNull Duration validity,
                                    @DefaultValue("") String secret) {

    static final int MIN_SECRET_BYTES = 32;

    public ProofOfWorkProperties {
        if (validity != null && (validity.compareTo(Duration.ofMinutes(1)) < 0 || validity.compareTo(Duration.ofDays(1)) > 0)) {
            throw new IllegalArgumentException("linia.recovery.proof-of-work.validity: from 1 minute to 1 day, not " + validity);
        }
        secret = secret == null ? "" : secret.strip();
        if (!secret.isEmpty() && secret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("linia.recovery.proof-of-work.secret: at least " + MIN_SECRET_BYTES
                    + " characters (or empty for a random one per process), not " + secret.length());
        }
    }

    @Override
    public String toString() {
        // the secret stays out of logs and actuator dumps
        return "ProofOfWorkProperties[bits=" + bits + ", validity=" + validity + ", secret=" + (secret.isEmpty() ? "" : "***") + "]";
    }
}
