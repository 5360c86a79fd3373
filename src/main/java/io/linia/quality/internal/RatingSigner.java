package io.linia.quality.internal;

import io.linia.quality.QualityProperties;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Signs and checks the customers' rating links: {@code <requestId>.<expires epoch second>.<HMAC-SHA256 of both>}
 * (base64url, no padding). A changed digit anywhere breaks the signature; the expiry is part of what is signed.
 */
@Component
public class RatingSigner {

    private static final Logger log = LoggerFactory.getLogger(RatingSigner.class);
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final byte[] key;

    public RatingSigner(QualityProperties properties) {
        if (properties.ratingSecret().isBlank()) {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            this.key = random;
            log.warn("linia.quality.rating-secret is not set: rating links are signed with a random key and stop working "
                    + "after a restart (set LINIA_QUALITY_RATING_SECRET, the same on every node)");
        } else {
            this.key = properties.ratingSecret().getBytes(StandardCharsets.UTF_8);
        }
    }

    public record Signed(long requestId, Instant expiresAt) {
    }

    public String sign(long requestId, Instant expiresAt) {
        String payload = requestId + "." + expiresAt.getEpochSecond();
        return payload + "." + B64.encodeToString(mac(payload));
    }

    /** The request and expiry a token names, when its signature is right (expiry not checked here). */
    public Optional<Signed> verify(String token) {
        if (token == null || token.length() > 200) {
            return Optional.empty();
        }
        String[] parts = token.split("\\.");
        if (parts.length != 3 || !parts[0].matches("\\d{1,18}") || !parts[1].matches("\\d{1,12}")) {
            return Optional.empty();
        }
        byte[] given;
        try {
            given = Base64.getUrlDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!MessageDigest.isEqual(given, mac(parts[0] + "." + parts[1]))) {
            return Optional.empty();
        }
        return Optional.of(new Signed(Long.parseLong(parts[0]), Instant.ofEpochSecond(Long.parseLong(parts[1]))));
    }

    private byte[] mac(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
