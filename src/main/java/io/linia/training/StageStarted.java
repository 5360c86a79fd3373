package io.linia.training;

import java.time.Instant;

/** A trainee entered a stage (the first one on enrolment, each next one when the previous is complete). */
public record StageStarted(long enrolmentId, long traineeId, long trainerId, int position, StageKind kind, TargetKind target,
                           Long groupId, Instant at) {
}
