package io.linia.training;

import io.linia.accounts.Actor;
import io.linia.shared.DomainException;
import io.linia.shared.SqlTime;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The seam for the code of shadowing, supervised work and attestation: where a trainee is now, counted work
 * of the shadowing and supervised stages, and attestation results. Counted work and results move the
 * enrolment on when the stage's rule then holds (see {@link Enrolments}); the trainer may record them by
 * hand (pages and API) until that code records them itself.
 */
@Service
@Transactional
public class TrainingProgress {

    private final TrainingStore store;
    private final Progression progression;
    private final Enrolments enrolments;
    private final Clock clock;

    TrainingProgress(TrainingStore store, Progression progression, Enrolments enrolments, Clock clock) {
        this.store = store;
        this.progression = progression;
        this.enrolments = enrolments;
        this.clock = clock;
    }

    /** The stage the trainee is in (the earliest of their enrolments in progress), if any. */
    @Transactional(readOnly = true)
    public Optional<TraineeStage> currentStage(long traineeId) {
        List<EnrolmentView> active = progression.views(store.enrolments("e.trainee_id = :u and e.status = 'ACTIVE'", Map.of("u", traineeId)));
        return active.stream().reduce((newer, older) -> older).flatMap(this::stage);
    }

    /** The trainer's trainees now in a stage of this kind (e.g. who may watch the trainer's work while shadowing). */
    @Transactional(readOnly = true)
    public List<TraineeStage> traineesIn(long trainerId, StageKind kind) {
        return progression.views(store.enrolments("e.trainer_id = :u and e.status = 'ACTIVE'", Map.of("u", trainerId))).stream()
                .map(this::stage).flatMap(Optional::stream).filter(s -> s.kind() == kind).toList();
    }

    /**
     * Adds counted work to the trainee's enrolment whose current stage is of {@code kind} (shadowing or supervised
     * work); the stage completes when its minimum is reached. Empty when the trainee is in no such stage
     * (work outside the stage does not count).
     */
    public Optional<EnrolmentView> record(long traineeId, StageKind kind, ActivityCount count, String recordedBy) {
        if (!kind.counted()) {
            throw new IllegalArgumentException("only shadowing and supervised work are counted, not " + kind);
        }
        List<EnrolmentView> active = progression.views(store.enrolments("e.trainee_id = :u and e.status = 'ACTIVE'", Map.of("u", traineeId)));
        Optional<EnrolmentView> target = active.stream().filter(e -> e.current().map(s -> s.kind() == kind).orElse(false))
                .reduce((newer, older) -> older);
        return target.map(e -> add(e, count, recordedBy));
    }

    /** The enrolment's trainer records counted work of the current stage by hand (e.g. hours of shadowing). */
    public EnrolmentView record(Actor actor, long enrolmentId, ActivityCount count) {
        EnrolmentView e = enrolments.enrolment(actor, enrolmentId);
        if (e.trainerId() != actor.id()) {
            throw DomainException.forbidden("training.error.trainerOnly");
        }
        if (e.current().map(s -> !s.kind().counted()).orElse(true)) {
            throw DomainException.conflict("training.error.notCountedStage");
        }
        return add(e, count, actor.name());
    }

    private EnrolmentView add(EnrolmentView e, ActivityCount count, String recordedBy) {
        int position = e.currentPosition();
        store.jdbc().sql("insert into training_activity (enrolment_id, position, tickets, minutes, reference, recorded_at, recorded_by)"
                        + " values (:e, :p, :t, :m, :r, :at, :by)")
                .param("e", e.id()).param("p", position).param("t", count.tickets()).param("m", count.minutes())
                .param("r", count.reference() == null ? null : count.reference().length() > 100 ? count.reference().substring(0, 100) : count.reference())
                .param("at", SqlTime.at(clock.instant())).param("by", recordedBy == null ? "Linia" : recordedBy).update();
        store.jdbc().sql("update training_enrolment_stage set tickets_done = tickets_done + :t, minutes_done = minutes_done + :m"
                        + " where enrolment_id = :e and position = :p")
                .param("t", count.tickets()).param("m", count.minutes()).param("e", e.id()).param("p", position).update();
        return progression.advance(e.id());
    }

    /**
     * A passed attestation (called by the attestation code, or recorded by the trainer): recorded with its score;
     * the attestation stage completes, and with it, when it is the last, the enrolment.
     *
     * @throws DomainException conflict when the enrolment is not at an attestation stage
     */
    public EnrolmentView attestationPassed(long enrolmentId, BigDecimal score, String gradedBy, String note) {
        return attestation(enrolmentId, score, true, gradedBy, note);
    }

    /** A failed attempt: recorded with its score; the stage stays open for a retake. */
    public EnrolmentView attestationFailed(long enrolmentId, BigDecimal score, String gradedBy, String note) {
        return attestation(enrolmentId, score, false, gradedBy, note);
    }

    /** The enrolment's trainer records an attestation result graded outside Linia. */
    public EnrolmentView recordAttestation(Actor actor, long enrolmentId, BigDecimal score, boolean passed, String note) {
        EnrolmentView e = enrolments.enrolment(actor, enrolmentId);
        if (e.trainerId() != actor.id()) {
            throw DomainException.forbidden("training.error.trainerOnly");
        }
        if (score == null || score.signum() < 0 || score.compareTo(BigDecimal.valueOf(100000)) >= 0) {
            throw DomainException.invalid("score", "training.error.score");
        }
        if (note != null && note.length() > 500) {
            throw DomainException.invalid("note", "training.error.tooLong", 500);
        }
        return attestation(enrolmentId, score, passed, actor.name(), note);
    }

    private EnrolmentView attestation(long enrolmentId, BigDecimal score, boolean passed, String gradedBy, String note) {
        EnrolmentView e = progression.view(store.enrolment(enrolmentId)
                .orElseThrow(() -> DomainException.notFound("training.error.enrolmentNotFound", enrolmentId)));
        if (e.current().map(s -> s.kind() != StageKind.ATTESTATION).orElse(true)) {
            throw DomainException.conflict("training.error.notAttestationStage");
        }
        Instant now = clock.instant();
        store.addAttestation(enrolmentId, score, passed, gradedBy == null ? "Linia" : gradedBy, now,
                note == null || note.isBlank() ? null : note.strip());
        return progression.advance(enrolmentId);
    }

    private Optional<TraineeStage> stage(EnrolmentView e) {
        return e.current().map(s -> new TraineeStage(e.id(), e.traineeId(), e.traineeName(), e.trainerId(), e.trainerName(),
                e.programmeId(), e.target(), e.groupId(), s.position(), s.kind(), s.dueDate()));
    }
}
