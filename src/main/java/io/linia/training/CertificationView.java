package io.linia.training;

import java.time.Instant;

/** One entry of the certification register; {@code activeAt} tells whether it holds at the moment it was read. */
public record CertificationView(long id, long userId, String userName, CertificationTarget target, Long programmeId,
                                String programmeName, Long enrolmentId, Instant grantedAt, Instant validUntil, Instant revokedAt,
                                String revokedBy, String revokeReason, Instant expiredAt, boolean active) {
}
