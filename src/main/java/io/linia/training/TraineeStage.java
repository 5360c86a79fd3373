package io.linia.training;

import java.time.LocalDate;

/**
 * Where a trainee is now: the enrolment, its trainer, the programme's target and the stage in progress,
 * for the code of shadowing and supervised work (which target queue, which trainer checks the drafts).
 */
public record TraineeStage(long enrolmentId, long traineeId, String traineeName, long trainerId, String trainerName,
                           long programmeId, TargetKind target, Long groupId, int position, StageKind kind, LocalDate dueDate) {
}
