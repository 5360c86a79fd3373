package io.linia.training;

import java.time.Instant;

/** A trainee completed the last stage of a programme. */
public record EnrolmentCompleted(long enrolmentId, long traineeId, long programmeId, TargetKind target, Long groupId, Instant at) {
}
