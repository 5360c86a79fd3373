package io.linia.training;

import java.time.Instant;

/**
 * A certification was granted (a programme passed), revoked (by a team lead or administrator, with a
 * reason) or expired (its validity ended). Routing and recovery listen to keep who may work what.
 */
public record CertificationChanged(long certificationId, long userId, CertificationTarget target, Change change, Instant at,
                                   Instant validUntil, String reason) {

    public enum Change { GRANTED, REVOKED, EXPIRED }
}
