package io.linia.training;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An enrolment with the stages of the programme version it started with: deadlines, dates, what each
 * stage still needs. {@code currentPosition} is the stage in progress (0 when the enrolment has ended);
 * {@code late}: the current stage is past its deadline.
 */
public record EnrolmentView(long id, long programmeId, String programmeName, long versionId, int versionNumber, TargetKind target,
                            Long groupId, long traineeId, String traineeName, long trainerId, String trainerName, String enrolledBy,
                            Instant enrolledAt, EnrolmentStatus status, Instant completedAt, int currentPosition, boolean late,
                            List<StageProgress> stages) {

    public java.util.Optional<StageProgress> current() {
        return stages.stream().filter(s -> s.position() == currentPosition).findFirst();
    }

    /** Stages not yet complete. */
    public long stagesLeft() {
        return stages.stream().filter(s -> s.completedAt() == null).count();
    }

    public record StageProgress(int position, long stageId, StageKind kind, String title, LocalDate dueDate, Instant startedAt,
                                Instant completedAt, boolean late, Integer minimumAmount, MinimumUnit minimumUnit, int ticketsDone,
                                int minutesDone, List<MaterialProgress> materials, List<CheckProgress> checklist,
                                List<AttestationResult> attestations) {

        /** Counted so far in the minimum's unit (hours for {@link MinimumUnit#HOURS}, rounded down). */
        public int counted() {
            return minimumUnit == MinimumUnit.HOURS ? minutesDone / 60 : ticketsDone;
        }
    }

    public record MaterialProgress(long materialId, String title, Long articleId, Long documentId, Instant openedAt,
                                   int secondsSpent, Instant doneAt) {
    }

    public record CheckProgress(long itemId, String text, Instant tickedAt, String tickedBy) {
    }

    public record AttestationResult(long id, BigDecimal score, boolean passed, String gradedBy, Instant recordedAt, String note) {
    }
}
