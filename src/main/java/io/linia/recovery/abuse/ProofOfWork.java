package io.linia.recovery.abuse;

import io.linia.shared.DomainException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A hashcash-style proof of work in front of the public access-recovery questionnaire: each submission costs the
 * sender's machine about a second of hashing, which a person does not notice and a bulk sender pays every time.
 *
 * <p>A challenge is self-contained and signed, so issuing one writes nothing: version, a random id of 128 bits,
 * the issue time and the difficulty, followed by an HMAC-SHA256 of those with the server's secret, all as
 * base64url text. The answer is a decimal counter such that SHA-256 of the UTF-8 bytes of
 * {@code token + ":" + counter} starts with at least {@code bits} zero bits ({@code static/js/recovery-pow.js}
 * finds it in the browser). Verifying checks the signature, the age, the hash, and then writes the challenge's id
 * into {@code recovery_pow_use}, whose primary key lets only one of two concurrent uses of the same token pass.
 */
@Component
public class ProofOfWork {

    /** A challenge for the browser: the token to solve, the difficulty, and until when an answer is accepted. */
    public record Challenge(String token, int bits, Instant expiresAt) {
    }

    /** The input field named in refusals. */
    public static final String FIELD = "proof";

    private static final Logger log = LoggerFactory.getLogger(ProofOfWork.class);
    private static final byte VERSION = 1;
    private static final int ID_BYTES = 16;
    private static final int MAC_BYTES = 32;
    // version, id, issued at (epoch milliseconds), bits — then the MAC
    private static final int SIGNED_BYTES = 1 + ID_BYTES + Long.BYTES + 1;
    private static final int TOKEN_BYTES = SIGNED_BYTES + MAC_BYTES;
    private static final int MAX_SOLUTION_DIGITS = 19;

    private final ProofOfWorkProperties settings;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    ProofOfWork(ProofOfWorkProperties settings, JdbcTemplate jdbc, Clock clock) {
        this.settings = settings;
        this.jdbc = jdbc;
        this.clock = clock;
        byte[] secret;
        if (settings.secret().isEmpty()) {
            secret = new byte[32];
            random.nextBytes(secret);
            log.warn("linia.recovery.proof-of-work.secret is not set: the access-recovery questionnaire signs its proof-of-work "
                    + "challenges with a random key of this process. They stop working at a restart, and with several nodes "
                    + "a challenge from one is refused by another: set LINIA_RECOVERY_POW_SECRET (32+ characters), the same on every node.");
        } else {
            secret = settings.secret().getBytes(StandardCharsets.UTF_8);
        }
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    /** A new challenge at the configured difficulty. Writes nothing. */
    public Challenge issue() {
        Instant now = clock.instant();
        byte[] id = new byte[ID_BYTES];
        random.nextBytes(id);
        ByteBuffer token = ByteBuffer.allocate(TOKEN_BYTES);
        token.put(VERSION).put(id).putLong(now.toEpochMilli()).put((byte) settings.bits());
        token.put(mac(Arrays.copyOf(token.array(), SIGNED_BYTES)));
        return new Challenge(Base64.getUrlEncoder().withoutPadding().encodeToString(token.array()), settings.bits(),
                now.plus(settings.validity()));
    }

    /**
     * Accepts the answer to a challenge once, or refuses it ({@link DomainException.Kind#INVALID_INPUT}, field
     * {@value #FIELD}): missing, malformed, not signed by this desk, expired, wrong, or already used. The use is
     * recorded in the caller's transaction (a new one without): if that rolls back, the challenge may be answered again.
     * A refusal writes nothing and does not mark the caller's transaction for rollback.
     */
    @Transactional(noRollbackFor = DomainException.class)
    public void verify(String token, String solution) {
        if (token == null || token.isBlank() || solution == null || solution.isBlank()) {
            throw DomainException.invalid(FIELD, "recoveryAbuse.proof.missing");
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(token.strip());
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid(FIELD, "recoveryAbuse.proof.malformed");
        }
        if (bytes.length != TOKEN_BYTES || bytes[0] != VERSION) {
            throw DomainException.invalid(FIELD, "recoveryAbuse.proof.malformed");
        }
        byte[] signed = Arrays.copyOf(bytes, SIGNED_BYTES);
        if (!MessageDigest.isEqual(mac(signed), Arrays.copyOfRange(bytes, SIGNED_BYTES, TOKEN_BYTES))) {
            throw DomainException.invalid(FIELD, "recoveryAbuse.proof.forged");
        }
        ByteBuffer fields = ByteBuffer.wrap(signed, 1, SIGNED_BYTES - 1);
        byte[] id = new byte[ID_BYTES];
        fields.get(id);
        Instant issuedAt = Instant.ofEpochMilli(fields.getLong());
        int bits = fields.get() & 0xff;
        if (!clock.instant().isBefore(issuedAt.plus(settings.validity()))) {
            throw DomainException.invalid(FIELD, "recoveryAbuse.proof.expired", settings.validity().toMinutes());
        }
        String counter = solution.strip();
        if (counter.length() > MAX_SOLUTION_DIGITS || !counter.chars().allMatch(c -> c >= '0' && c <= '9')
                || leadingZeroBits(sha256(token.strip() + ":" + counter)) < bits) {
            throw DomainException.invalid(FIELD, "recoveryAbuse.proof.wrong");
        }
        if (!markUsed(HexFormat.of().formatHex(id), issuedAt)) {
            throw DomainException.invalid(FIELD, "recoveryAbuse.proof.used");
        }
    }

    /** Leading zero bits of a digest: the measure of the work done. */
    static int leadingZeroBits(byte[] digest) {
        int bits = 0;
        for (byte b : digest) {
            if (b == 0) {
                bits += 8;
            } else {
                return bits + Integer.numberOfLeadingZeros(b & 0xff) - 24;
            }
        }
        return bits;
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /**
     * Challenges answered longer ago than they could still be accepted are forgotten: their tokens are refused as
     * expired anyway. One statement, so every node may run it.
     */
    @Scheduled(fixedDelayString = "${linia.recovery.abuse.clean-every:PT1H}", initialDelayString = "${linia.recovery.abuse.clean-every:PT1H}")
    public int forgetExpired() {
        Instant before = clock.instant().minus(settings.validity());
        return jdbc.update("delete from recovery_pow_use where issued_at < ?", Timestamp.from(before));
    }

    private boolean markUsed(String id, Instant issuedAt) {
        try {
            // PostgreSQL: a second use waits for the first transaction and then inserts nothing (or, if the first
            // rolled back, takes its place); H2 may instead report the duplicate, which means the same
            return jdbc.update("insert into recovery_pow_use (challenge_id, issued_at, used_at) values (?, ?, ?) on conflict do nothing",
                    id, Timestamp.from(issuedAt), Timestamp.from(clock.instant())) == 1;
        } catch (DataIntegrityViolationException e) {
            return false;
        }
    }

    private byte[] mac(byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }
}
