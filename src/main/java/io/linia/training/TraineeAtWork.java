package io.linia.training;

import java.time.LocalDate;

/**
 * A trainee at a stage that needs ticket work (shadowing or supervised work) in the programme's target queue: the first
 * line for a first-line programme or a rotation course, the group for a group's programme. {@code from}: the day the
 * stage started; {@code until}: the deadline of the last stage of ticket work that follows without a break (the time the
 * trainee works the target queue).
 */
public record TraineeAtWork(long traineeId, long enrolmentId, String programmeName, int position, String stageTitle, StageKind kind,
                            TargetKind target, Long groupId, LocalDate from, LocalDate until) {
}
