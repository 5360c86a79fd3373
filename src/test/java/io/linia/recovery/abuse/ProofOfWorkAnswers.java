package io.linia.recovery.abuse;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Answers to a proof-of-work challenge as the page's script finds them (the first counter whose SHA-256 of
 * "token:counter" starts with the challenge's zero bits), and counters that provably fail it — never a fixed guess,
 * which a small number of bits would accept now and then.
 */
public final class ProofOfWorkAnswers {

    private ProofOfWorkAnswers() {
    }

    /** The first counter that solves the challenge. */
    public static String solution(String token, int bits) {
        return counter(token, bits, true);
    }

    /** The first counter that does not solve it. */
    public static String failure(String token, int bits) {
        return counter(token, bits, false);
    }

    private static String counter(String token, int bits, boolean solves) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (long counter = 0; ; counter++) {
                byte[] digest = sha.digest((token + ":" + counter).getBytes(StandardCharsets.UTF_8));
                if ((leadingZeros(digest) >= bits) == solves) {
                    return Long.toString(counter);
                }
            }
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int leadingZeros(byte[] digest) {
        int bits = 0;
        for (byte b : digest) {
            if (b == 0) {
                bits += 8;
                continue;
            }
            return bits + Integer.numberOfLeadingZeros(b & 0xFF) - 24;
        }
        return bits;
    }
}
