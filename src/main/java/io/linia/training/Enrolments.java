package io.linia.training;

import io.linia.accounts.Actor;
import io.linia.accounts.Role;
import io.linia.accounts.UserDirectory;
import io.linia.accounts.UserRef;
import io.linia.shared.DomainException;
import io.linia.shared.SqlTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Enrolments: a team lead enrols an agent in a programme's current version with a trainer; deadlines per
 * stage follow the programme's suggested durations unless given. The trainee reads the study materials
 * (opened, time spent by heartbeats of the open page, done); the trainer ticks the session's checklist.
 * An enrolment is seen by its trainee, its trainer, team leads and administrators; to anyone else it does not exist.
 */
@Service
@Transactional
public class Enrolments {

    private final TrainingStore store;
    private final Progression progression;
    private final UserDirectory users;
    private final TrainingProperties settings;
    private final Clock clock;

    Enrolments(TrainingStore store, Progression progression, UserDirectory users, TrainingProperties settings, Clock clock) {
        this.store = store;
        this.progression = progression;
        this.users = users;
        this.settings = settings;
        this.clock = clock;
    }

    /** Only team leads enrol. */
    public static boolean mayEnrol(Actor actor) {
        return actor != null && actor.has(Role.TEAM_LEAD);
    }

    public EnrolmentView enrol(Actor actor, EnrolmentCommand command) {
        Access.requireLead(actor);
        if (command.programmeId() == null) {
            throw DomainException.invalid("programmeId", "training.error.required");
        }
        TrainingStore.ProgrammeRow programme = store.programme(command.programmeId())
                .orElseThrow(() -> DomainException.invalid("programmeId", "training.error.noSuchProgramme", command.programmeId()));
        if (!programme.active()) {
            throw DomainException.invalid("programmeId", "training.error.programmeInactive");
        }
        UserRef trainee = command.traineeId() == null ? null : users.user(command.traineeId()).orElse(null);
        if (trainee == null || !trainee.enabled() || !(trainee.roles().contains(Role.AGENT_L1) || trainee.roles().contains(Role.AGENT_L2))) {
            throw DomainException.invalid("traineeId", "training.error.notAnAgent");
        }
        UserRef trainer = command.trainerId() == null ? null : users.user(command.trainerId()).orElse(null);
        if (trainer == null || !trainer.enabled() || !trainer.roles().contains(Role.TRAINER)) {
            throw DomainException.invalid("trainerId", "training.error.notATrainer");
        }
        if (trainer.id() == trainee.id()) {
            throw DomainException.invalid("trainerId", "training.error.selfTraining");
        }
        boolean already = store.jdbc().sql("select count(*) from training_enrolment where trainee_id = :t and programme_id = :p and status = 'ACTIVE'")
                .param("t", trainee.id()).param("p", programme.id()).query(Long.class).single() > 0;
        if (already) {
            throw DomainException.conflict("training.error.alreadyEnrolled", trainee.displayName());
        }
        List<ProgrammeView.StageView> stages = store.stages(programme.currentVersion());
        LocalDate today = progression.today();
        List<LocalDate> due = new ArrayList<>();
        if (command.dueDates().isEmpty()) {
            LocalDate d = today;
            for (ProgrammeView.StageView s : stages) {
                d = d.plusDays(s.suggestedDays());
                due.add(d);
            }
        } else {
            if (command.dueDates().size() != stages.size()) {
                throw DomainException.invalid("dueDates", "training.error.dueDatesCount", stages.size());
            }
            for (int i = 0; i < stages.size(); i++) {
                LocalDate d = command.dueDates().get(i);
                if (d == null || d.isBefore(today) || (i > 0 && d.isBefore(due.get(i - 1)))) {
                    throw DomainException.invalid("dueDates[" + i + "]", "training.error.dueDate");
                }
                due.add(d);
            }
        }
        Instant now = clock.instant();
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("programme", programme.id());
        p.put("version", programme.currentVersion());
        p.put("trainee", trainee.id());
        p.put("traineeName", trainee.displayName());
        p.put("trainer", trainer.id());
        p.put("trainerName", trainer.displayName());
        p.put("by", actor.name());
        p.put("at", SqlTime.at(now));
        long id = store.insert("insert into training_enrolment (programme_id, version_id, trainee_id, trainee_name, trainer_id, trainer_name,"
                + " enrolled_by_name, enrolled_at, status) values (:programme, :version, :trainee, :traineeName, :trainer, :trainerName,"
                + " :by, :at, 'ACTIVE')", p);
        for (int i = 0; i < stages.size(); i++) {
            store.jdbc().sql("insert into training_enrolment_stage (enrolment_id, stage_id, position, due_date) values (:e, :s, :p, :d)")
                    .param("e", id).param("s", stages.get(i).id()).param("p", i + 1).param("d", due.get(i)).update();
        }
        EnrolmentView view = progression.view(store.enrolment(id).orElseThrow());
        progression.start(view, view.stages().get(0), now);
        return progression.view(store.enrolment(id).orElseThrow());
    }

    @Transactional(readOnly = true)
    public EnrolmentView enrolment(Actor actor, long id) {
        TrainingStore.EnrolmentRow row = visible(actor, id);
        return progression.view(row);
    }

    /** The actor's own enrolments ("my training"), newest first. */
    @Transactional(readOnly = true)
    public List<EnrolmentView> mine(Actor actor) {
        Access.requireStaff(actor);
        return progression.views(store.enrolments("e.trainee_id = :u", Map.of("u", actor.id())));
    }

    /** The trainer's trainees in progress. */
    @Transactional(readOnly = true)
    public List<EnrolmentView> trainees(Actor actor) {
        Access.requireStaff(actor);
        return progression.views(store.enrolments("e.trainer_id = :u and e.status = 'ACTIVE'", Map.of("u", actor.id())));
    }

    /** All trainees in progress (team leads and administrators), the late ones first. */
    @Transactional(readOnly = true)
    public List<EnrolmentView> overview(Actor actor) {
        Access.requireOverseer(actor);
        List<EnrolmentView> all = new ArrayList<>(progression.views(store.enrolments("e.status = 'ACTIVE'", Map.of())));
        all.sort((a, b) -> Boolean.compare(b.late(), a.late()));
        return all;
    }

    /** A team lead moves a stage's deadline (not before today, stages not yet complete). */
    public EnrolmentView setDueDate(Actor actor, long id, int position, LocalDate due) {
        Access.requireLead(actor);
        EnrolmentView e = progression.view(visible(actor, id));
        EnrolmentView.StageProgress stage = e.stages().stream().filter(s -> s.position() == position).findFirst()
                .orElseThrow(() -> DomainException.invalid("position", "training.error.noSuchStage", position));
        if (due == null || due.isBefore(progression.today())) {
            throw DomainException.invalid("dueDate", "training.error.dueDate");
        }
        if (stage.completedAt() != null || e.status() != EnrolmentStatus.ACTIVE) {
            throw DomainException.conflict("training.error.stageDone");
        }
        store.jdbc().sql("update training_enrolment_stage set due_date = :d where enrolment_id = :e and position = :p")
                .param("d", due).param("e", id).param("p", position).update();
        return progression.view(store.enrolment(id).orElseThrow());
    }

    /** A team lead ends an enrolment without completion (what was done stays recorded). */
    public EnrolmentView cancel(Actor actor, long id) {
        Access.requireLead(actor);
        EnrolmentView e = progression.view(visible(actor, id));
        if (e.status() != EnrolmentStatus.ACTIVE) {
            throw DomainException.conflict("training.error.notActive");
        }
        store.jdbc().sql("update training_enrolment set status = 'CANCELLED', completed_at = :at where id = :e")
                .param("at", SqlTime.at(clock.instant())).param("e", id).update();
        return progression.view(store.enrolment(id).orElseThrow());
    }

    // ------------------------------------------------------------------ reading (the trainee)

    /** The trainee opens a study material of a stage that has started; the first opening is recorded. */
    public EnrolmentView.MaterialProgress open(Actor actor, long enrolmentId, long materialId) {
        material(actor, enrolmentId, materialId);
        Instant now = clock.instant();
        if (store.reading(enrolmentId, materialId).isEmpty()) {
            store.jdbc().sql("insert into training_reading (enrolment_id, material_id, opened_at, last_seen_at, seconds_spent)"
                            + " values (:e, :m, :at, :at, 0)")
                    .param("e", enrolmentId).param("m", materialId).param("at", SqlTime.at(now)).update();
        } else {
            store.jdbc().sql("update training_reading set last_seen_at = :at where enrolment_id = :e and material_id = :m")
                    .param("at", SqlTime.at(now)).param("e", enrolmentId).param("m", materialId).update();
        }
        return material(actor, enrolmentId, materialId);
    }

    /**
     * The open page says the trainee is still reading: the time since the last sign of reading counts, at most
     * {@code linia.training.heartbeat-cap} (so a forgotten tab does not pile up hours).
     */
    public EnrolmentView.MaterialProgress heartbeat(Actor actor, long enrolmentId, long materialId) {
        material(actor, enrolmentId, materialId);
        TrainingStore.ReadingRow r = store.reading(enrolmentId, materialId)
                .orElseThrow(() -> DomainException.conflict("training.error.notOpened"));
        Instant now = clock.instant();
        long seconds = Math.max(0, Math.min(Duration.between(r.lastSeenAt(), now).toSeconds(), settings.heartbeatCap().toSeconds()));
        store.jdbc().sql("update training_reading set last_seen_at = :at, seconds_spent = seconds_spent + :s where enrolment_id = :e and material_id = :m")
                .param("at", SqlTime.at(now)).param("s", (int) seconds).param("e", enrolmentId).param("m", materialId).update();
        return material(actor, enrolmentId, materialId);
    }

    /** The trainee marks an opened material done; the study stage completes when every material is done. */
    public EnrolmentView markDone(Actor actor, long enrolmentId, long materialId) {
        EnrolmentView.MaterialProgress m = material(actor, enrolmentId, materialId);
        if (m.openedAt() == null) {
            throw DomainException.conflict("training.error.notOpened");
        }
        if (m.doneAt() == null) {
            store.jdbc().sql("update training_reading set done_at = :at where enrolment_id = :e and material_id = :m")
                    .param("at", SqlTime.at(clock.instant())).param("e", enrolmentId).param("m", materialId).update();
        }
        return progression.advance(enrolmentId);
    }

    private EnrolmentView.MaterialProgress material(Actor actor, long enrolmentId, long materialId) {
        TrainingStore.EnrolmentRow row = visible(actor, enrolmentId);
        if (row.traineeId() != actor.id()) {
            throw DomainException.forbidden("training.error.traineeOnly");
        }
        EnrolmentView e = progression.view(row);
        for (EnrolmentView.StageProgress s : e.stages()) {
            for (EnrolmentView.MaterialProgress m : s.materials()) {
                if (m.materialId() == materialId) {
                    if (s.startedAt() == null) {
                        throw DomainException.conflict("training.error.stageNotStarted");
                    }
                    return m;
                }
            }
        }
        throw DomainException.notFound("training.error.materialNotFound", materialId);
    }

    // ------------------------------------------------------------------ the trainer session

    /** The enrolment's trainer ticks an item of the current stage's checklist; the stage completes with the last one. */
    public EnrolmentView tick(Actor actor, long enrolmentId, long itemId) {
        TrainingStore.EnrolmentRow row = visible(actor, enrolmentId);
        if (row.trainerId() != actor.id()) {
            throw DomainException.forbidden("training.error.trainerOnly");
        }
        EnrolmentView e = progression.view(row);
        EnrolmentView.StageProgress stage = e.stages().stream().filter(s -> s.checklist().stream().anyMatch(c -> c.itemId() == itemId))
                .findFirst().orElseThrow(() -> DomainException.notFound("training.error.itemNotFound", itemId));
        if (stage.position() != e.currentPosition()) {
            throw DomainException.conflict("training.error.notCurrentStage");
        }
        boolean ticked = stage.checklist().stream().anyMatch(c -> c.itemId() == itemId && c.tickedAt() != null);
        if (!ticked) {
            store.jdbc().sql("insert into training_check (enrolment_id, item_id, ticked_at, ticked_by_name) values (:e, :i, :at, :by)")
                    .param("e", enrolmentId).param("i", itemId).param("at", SqlTime.at(clock.instant())).param("by", actor.name()).update();
        }
        return progression.advance(enrolmentId);
    }

    TrainingStore.EnrolmentRow visible(Actor actor, long id) {
        TrainingStore.EnrolmentRow row = store.enrolment(id).orElse(null);
        if (row == null || actor == null || !(row.traineeId() == actor.id() || row.trainerId() == actor.id() || Access.oversees(actor))) {
            throw DomainException.notFound("training.error.enrolmentNotFound", id);
        }
        return row;
    }
}
