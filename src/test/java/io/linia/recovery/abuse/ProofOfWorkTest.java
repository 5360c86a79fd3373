package io.linia.recovery.abuse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.linia.recovery.abuse.ProofOfWork.Challenge;
import io.linia.shared.DomainException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Proof-of-work challenges: issued without a write, answered once, refused when wrong, altered, late or used. */
@AbuseTestContext
class ProofOfWorkTest {

    @Autowired
    ProofOfWork proofOfWork;
    @Autowired
    AbuseTestContext.Moving clock;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    TransactionTemplate tx;

    @BeforeEach
    void setUp() {
        clock.set(Instant.parse("2026-11-23T07:00:00Z"));
        tx = new TransactionTemplate(transactions);
    }

    /** What the browser does: the first counter whose hash has enough leading zero bits. */
    static String solve(Challenge challenge) {
        for (long counter = 0; ; counter++) {
            if (ProofOfWork.leadingZeroBits(ProofOfWork.sha256(challenge.token() + ":" + counter)) >= challenge.bits()) {
                return Long.toString(counter);
            }
        }
    }

    static String wrongAnswer(Challenge challenge) {
        for (long counter = 0; ; counter++) {
            if (ProofOfWork.leadingZeroBits(ProofOfWork.sha256(challenge.token() + ":" + counter)) < challenge.bits()) {
                return Long.toString(counter);
            }
        }
    }

    private void verify(String token, String solution) {
        tx.executeWithoutResult(s -> proofOfWork.verify(token, solution));
    }

    private static void refused(ThrowingCallable call, String key) {
        assertThatThrownBy(call).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID_INPUT);
            assertThat(e.field()).isEqualTo("proof");
            assertThat(e.messageKey()).isEqualTo(key);
        });
    }

    @Test
    void aChallengeIsASignedTokenWithItsDifficultyAndExpiryAndIssuingWritesNothing() {
        int usedBefore = jdbc.queryForObject("select count(*) from recovery_pow_use", Integer.class);
        Challenge challenge = proofOfWork.issue();
        assertThat(challenge.bits()).isEqualTo(8);
        assertThat(challenge.expiresAt()).isEqualTo(Instant.parse("2026-11-23T08:00:00Z"));
        assertThat(challenge.token()).matches("[A-Za-z0-9_-]+");
        byte[] bytes = Base64.getUrlDecoder().decode(challenge.token());
        assertThat(bytes).hasSize(1 + 16 + 8 + 1 + 32);
        assertThat(proofOfWork.issue().token()).as("a random id in each").isNotEqualTo(challenge.token());
        assertThat(jdbc.queryForObject("select count(*) from recovery_pow_use", Integer.class)).isEqualTo(usedBefore);
    }

    @Test
    void aValidSolutionPassesOnce() {
        Challenge challenge = proofOfWork.issue();
        String solution = solve(challenge);
        assertThat(ProofOfWork.leadingZeroBits(ProofOfWork.sha256(challenge.token() + ":" + solution))).isGreaterThanOrEqualTo(8);

        verify(challenge.token(), solution);

        refused(() -> verify(challenge.token(), solution), "recoveryAbuse.proof.used");
    }

    @Test
    void aWrongSolutionIsRefusedAndLeavesTheChallengeUsable() {
        Challenge challenge = proofOfWork.issue();
        refused(() -> verify(challenge.token(), wrongAnswer(challenge)), "recoveryAbuse.proof.wrong");
        refused(() -> verify(challenge.token(), "not-a-number"), "recoveryAbuse.proof.wrong");
        refused(() -> verify(challenge.token(), "-1"), "recoveryAbuse.proof.wrong");
        refused(() -> verify(challenge.token(), "12345678901234567890123"), "recoveryAbuse.proof.wrong");
        refused(() -> verify(challenge.token(), " "), "recoveryAbuse.proof.missing");
        refused(() -> verify(null, solve(challenge)), "recoveryAbuse.proof.missing");

        verify(challenge.token(), solve(challenge));
    }

    @Test
    void aTamperedTokenIsRefused() {
        Challenge challenge = proofOfWork.issue();
        byte[] bytes = Base64.getUrlDecoder().decode(challenge.token());
        // the difficulty lowered to 1 bit: the signature no longer matches
        bytes[1 + 16 + 8] = 1;
        String easier = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        refused(() -> verify(easier, solve(new Challenge(easier, 1, challenge.expiresAt()))), "recoveryAbuse.proof.forged");

        // issued an hour later, to live longer
        byte[] later = Base64.getUrlDecoder().decode(challenge.token());
        later[1 + 16 + 5] ^= 0x40;
        String moved = Base64.getUrlEncoder().withoutPadding().encodeToString(later);
        refused(() -> verify(moved, solve(new Challenge(moved, 8, challenge.expiresAt()))), "recoveryAbuse.proof.forged");

        refused(() -> verify("not base64 at all!", "1"), "recoveryAbuse.proof.malformed");
        refused(() -> verify(challenge.token().substring(4), "1"), "recoveryAbuse.proof.malformed");
    }

    @Test
    void aTokenSignedWithAnotherSecretIsRefused() {
        ProofOfWork otherDesk = new ProofOfWork(new ProofOfWorkProperties(8, Duration.ofMinutes(10),
                "another-desk-secret-of-at-least-32-characters"), jdbc, clock);
        Challenge foreign = otherDesk.issue();
        refused(() -> verify(foreign.token(), solve(foreign)), "recoveryAbuse.proof.forged");
    }

    @Test
    void anExpiredTokenIsRefused() {
        Challenge challenge = proofOfWork.issue();
        String solution = solve(challenge);
        clock.advance(Duration.ofHours(1));
        refused(() -> verify(challenge.token(), solution), "recoveryAbuse.proof.expired");

        Challenge second = proofOfWork.issue();
        clock.advance(Duration.ofMinutes(59).plusSeconds(59));
        verify(second.token(), solve(second));
    }

    @Test
    void aCallerThatCatchesTheRefusalStillCommitsItsTransaction() {
        Challenge challenge = proofOfWork.issue();
        String solution = solve(challenge);
        verify(challenge.token(), solution);
        String outcome = tx.execute(s -> {
            try {
                proofOfWork.verify(challenge.token(), solution);
                return "passed";
            } catch (DomainException e) {
                return e.messageKey();
            }
        });
        assertThat(outcome).isEqualTo("recoveryAbuse.proof.used");
    }

    @Test
    void aUseThatRollsBackLeavesTheChallengeUnused() {
        Challenge challenge = proofOfWork.issue();
        String solution = solve(challenge);
        tx.executeWithoutResult(s -> {
            proofOfWork.verify(challenge.token(), solution);
            s.setRollbackOnly();
        });
        verify(challenge.token(), solution);
        refused(() -> verify(challenge.token(), solution), "recoveryAbuse.proof.used");
    }

    @Test
    void ofTwoConcurrentUsesOfOneTokenOnlyOnePasses() throws Exception {
        for (int round = 0; round < 3; round++) {
            Challenge challenge = proofOfWork.issue();
            String solution = solve(challenge);
            CyclicBarrier start = new CyclicBarrier(2);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<String>> results = new ArrayList<>();
                for (int t = 0; t < 2; t++) {
                    Callable<String> use = () -> {
                        start.await(10, TimeUnit.SECONDS);
                        try {
                            tx.executeWithoutResult(s -> {
                                proofOfWork.verify(challenge.token(), solution);
                                // hold the transaction open a little, so the other use overlaps it
                                sleep(150);
                            });
                            return "passed";
                        } catch (DomainException e) {
                            return e.messageKey();
                        }
                    };
                    results.add(pool.submit(use));
                }
                List<String> outcomes = new ArrayList<>();
                for (Future<String> result : results) {
                    outcomes.add(result.get(30, TimeUnit.SECONDS));
                }
                assertThat(outcomes).containsExactlyInAnyOrder("passed", "recoveryAbuse.proof.used");
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void usedChallengesAreForgottenOnceTheyCouldNoLongerBeAccepted() {
        Challenge challenge = proofOfWork.issue();
        String solution = solve(challenge);
        verify(challenge.token(), solution);
        String id = java.util.HexFormat.of().formatHex(Base64.getUrlDecoder().decode(challenge.token()), 1, 17);
        assertThat(jdbc.queryForObject("select count(*) from recovery_pow_use where challenge_id = ?", Integer.class, id)).isEqualTo(1);

        clock.advance(Duration.ofMinutes(59));
        proofOfWork.forgetExpired();
        assertThat(jdbc.queryForObject("select count(*) from recovery_pow_use where challenge_id = ?", Integer.class, id))
                .as("still answerable: kept").isEqualTo(1);

        clock.advance(Duration.ofMinutes(2));
        assertThat(proofOfWork.forgetExpired()).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from recovery_pow_use where challenge_id = ?", Integer.class, id)).isZero();
        refused(() -> verify(challenge.token(), solution), "recoveryAbuse.proof.expired");
    }

    @Test
    void leadingZeroBitsCountsAcrossBytes() {
        assertThat(ProofOfWork.leadingZeroBits(new byte[] {0, 0, 0x10, 0})).isEqualTo(19);
        assertThat(ProofOfWork.leadingZeroBits(new byte[] {(byte) 0x80})).isZero();
        assertThat(ProofOfWork.leadingZeroBits(new byte[] {0x01})).isEqualTo(7);
        assertThat(ProofOfWork.leadingZeroBits(new byte[] {0, 0})).isEqualTo(16);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
