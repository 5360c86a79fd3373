package io.linia.training;

import io.linia.accounts.Actor;
import io.linia.shared.DomainException;
import io.linia.shared.SqlTime;
import io.linia.tickets.AgentWork;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Shadowing: while a trainee's stage is {@link StageKind#SHADOWING}, they watch their own trainer's ticket work live
 * (the steps the trainer takes, with the replies and notes written, and the tickets the trainer has open), read each
 * such ticket without being able to act on it (this grants reading only; acting still goes through the tickets'
 * own access rules), and ask questions on it that the trainer answers.
 *
 * <p>What counts towards the stage's minimum, recorded through {@link TrainingProgress#record}:
 * <ul>
 *   <li><b>minutes</b>: each poll of the open live view counts the time since the previous poll, when that is at most
 *       {@code linia.training.heartbeat-cap} (default 60 s); a longer gap counts nothing and starts a new stretch of
 *       watching. Whole minutes are recorded as they fill up; the seconds left over wait for the next poll.</li>
 *   <li><b>tickets</b>: a ticket of the trainer's counts once per stage when the trainee watched it live: the trainer
 *       took a step on it during the current stretch of watching, or had it open while the live view polled.</li>
 * </ul>
 * Both are recorded; the stage's {@link MinimumUnit} decides which completes it.
 */
@Service
@Transactional
public class Shadowing {

    /** The live view shows the trainer's latest steps, this many. */
    public static final int FEED_SIZE = 50;

    private static final int QUESTION_MAX = 2000;
    private static final int ANSWER_MAX = 4000;

    private final TrainingStore store;
    private final Progression progression;
    private final TrainingProgress progress;
    private final AgentWork work;
    private final TrainingProperties settings;
    private final Clock clock;

    Shadowing(TrainingStore store, Progression progression, TrainingProgress progress, AgentWork work, TrainingProperties settings,
              Clock clock) {
        this.store = store;
        this.progression = progression;
        this.progress = progress;
        this.work = work;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * The actor's shadowing stage: refused (403) when they are in no shadowing stage, or when {@code trainerId} is given
     * and is not the trainer of that stage (only one's own trainer can be watched).
     */
    @Transactional(readOnly = true)
    public TraineeStage stage(Actor actor, Long trainerId) {
        if (actor == null || !actor.isStaff()) {
            throw DomainException.forbidden("shadowing.error.notShadowing");
        }
        List<EnrolmentView> shadowing = progression.views(store.enrolments("e.trainee_id = :u and e.status = 'ACTIVE'",
                        Map.of("u", actor.id()))).stream()
                .filter(e -> e.current().map(s -> s.kind() == StageKind.SHADOWING).orElse(false)).toList();
        if (shadowing.isEmpty()) {
            throw DomainException.forbidden("shadowing.error.notShadowing");
        }
        Optional<EnrolmentView> chosen = trainerId == null ? Optional.of(shadowing.get(shadowing.size() - 1))
                : shadowing.stream().filter(e -> e.trainerId() == trainerId).findFirst();
        EnrolmentView e = chosen.orElseThrow(() -> DomainException.forbidden("shadowing.error.notYourTrainer"));
        EnrolmentView.StageProgress s = e.current().orElseThrow();
        return new TraineeStage(e.id(), e.traineeId(), e.traineeName(), e.trainerId(), e.trainerName(), e.programmeId(), e.target(),
                e.groupId(), s.position(), s.kind(), s.dueDate());
    }

    /** Whether the actor is in a shadowing stage now (to offer the live view). */
    @Transactional(readOnly = true)
    public boolean isShadowing(Actor actor) {
        return actor != null && actor.isStaff() && hasShadowingStage(actor.id());
    }

    private boolean hasShadowingStage(long traineeId) {
        return progression.views(store.enrolments("e.trainee_id = :u and e.status = 'ACTIVE'", Map.of("u", traineeId))).stream()
                .anyMatch(e -> e.current().map(s -> s.kind() == StageKind.SHADOWING).orElse(false));
    }

    /**
     * The live view polls: counts the watching (see the class comment) and answers the trainer's steps after
     * {@code afterId} (null: the latest {@link #FEED_SIZE}), the tickets the trainer has open, and the questions.
     */
    public ShadowFeed watch(Actor actor, Long trainerId, Long afterId) {
        TraineeStage s = stage(actor, trainerId);
        Instant now = clock.instant();
        Instant stretchStart = heartbeat(s, now);
        List<AgentWork.Step> steps = afterId == null ? work.recent(s.trainerId(), FEED_SIZE) : work.after(s.trainerId(), afterId, AgentWork.MAX_STEPS);
        List<AgentWork.OpenTicket> open = work.openNow(s.trainerId());
        Map<Long, String> watched = new LinkedHashMap<>();
        steps.stream().filter(step -> !step.at().isBefore(stretchStart)).forEach(step -> watched.putIfAbsent(step.ticketId(), step.number()));
        open.forEach(o -> watched.putIfAbsent(o.ticketId(), o.number()));
        for (Map.Entry<Long, String> ticket : watched.entrySet()) {
            int added = store.jdbc().sql("insert into training_shadow_ticket (enrolment_id, position, ticket_id, watched_at)"
                            + " select :e, :p, :t, :at where not exists (select 1 from training_shadow_ticket"
                            + " where enrolment_id = :e and position = :p and ticket_id = :t)")
                    .param("e", s.enrolmentId()).param("p", s.position()).param("t", ticket.getKey()).param("at", SqlTime.at(now))
                    .update();
            if (added > 0) {
                progress.record(s.traineeId(), StageKind.SHADOWING, ActivityCount.tickets(1, "#" + ticket.getValue()), "Linia");
            }
        }
        long cursor = steps.isEmpty() ? (afterId == null ? 0 : afterId) : steps.get(steps.size() - 1).id();
        EnrolmentView e = progression.view(store.enrolment(s.enrolmentId()).orElseThrow());
        EnrolmentView.StageProgress stage = e.stages().stream().filter(x -> x.position() == s.position()).findFirst().orElseThrow();
        return new ShadowFeed(s, steps, open, questions(s.enrolmentId()), cursor, stage.ticketsDone(), stage.minutesDone(),
                stage.minimumAmount(), stage.minimumUnit(), stage.completedAt() != null);
    }

    /** Counts the time since the last poll into the stage; returns when the current stretch of watching began. */
    private Instant heartbeat(TraineeStage s, Instant now) {
        record Watch(Instant startedAt, Instant lastSeenAt, int pending) {
        }
        Optional<Watch> row = store.jdbc().sql("select started_at, last_seen_at, seconds_pending from training_shadow_watch"
                        + " where enrolment_id = :e and position = :p for update")
                .param("e", s.enrolmentId()).param("p", s.position())
                .query((rs, n) -> new Watch(SqlTime.instant(rs, "started_at"), SqlTime.instant(rs, "last_seen_at"), rs.getInt(3)))
                .optional();
        if (row.isEmpty()) {
            store.jdbc().sql("insert into training_shadow_watch (enrolment_id, position, started_at, last_seen_at, seconds_pending)"
                            + " values (:e, :p, :at, :at, 0)")
                    .param("e", s.enrolmentId()).param("p", s.position()).param("at", SqlTime.at(now)).update();
            return now;
        }
        Watch w = row.get();
        long gap = Duration.between(w.lastSeenAt(), now).toSeconds();
        boolean continues = gap >= 0 && gap <= settings.heartbeatCap().toSeconds();
        Instant started = continues ? w.startedAt() : now;
        int pending = w.pending() + (continues ? (int) gap : 0);
        int minutes = pending / 60;
        store.jdbc().sql("update training_shadow_watch set started_at = :s, last_seen_at = :at, seconds_pending = :pending"
                        + " where enrolment_id = :e and position = :p")
                .param("s", SqlTime.at(started)).param("at", SqlTime.at(now.isAfter(w.lastSeenAt()) ? now : w.lastSeenAt()))
                .param("pending", pending - minutes * 60).param("e", s.enrolmentId()).param("p", s.position()).update();
        if (minutes > 0) {
            progress.record(s.traineeId(), StageKind.SHADOWING, ActivityCount.minutes(minutes, "shadowing"), "Linia");
        }
        return started;
    }

    /** A ticket of the trainer's, read only; 404 when the trainer neither worked it nor has it open. */
    @Transactional(readOnly = true)
    public AgentWork.WorkedTicket ticket(Actor actor, String number) {
        TraineeStage s = stage(actor, null);
        return work.worked(s.trainerId(), number).orElseThrow(() -> DomainException.notFound("shadowing.error.ticketNotWatched", number));
    }

    /** The trainee's questions on one ticket, oldest first. */
    @Transactional(readOnly = true)
    public List<ShadowQuestion> questionsOn(Actor actor, long ticketId) {
        TraineeStage s = stage(actor, null);
        return select("q.enrolment_id = :e and q.ticket_id = :t order by q.id", Map.of("e", s.enrolmentId(), "t", ticketId));
    }

    /** The trainee asks a question on a ticket of the trainer's they watch. */
    public ShadowQuestion ask(Actor actor, String number, String question) {
        TraineeStage s = stage(actor, null);
        String text = question == null ? "" : question.strip();
        if (text.isEmpty()) {
            throw DomainException.invalid("question", "shadowing.error.questionRequired");
        }
        if (text.length() > QUESTION_MAX) {
            throw DomainException.invalid("question", "shadowing.error.tooLong", QUESTION_MAX);
        }
        AgentWork.WorkedTicket t = work.worked(s.trainerId(), number)
                .orElseThrow(() -> DomainException.notFound("shadowing.error.ticketNotWatched", number));
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("e", s.enrolmentId());
        p.put("trainee", s.traineeId());
        p.put("name", s.traineeName());
        p.put("trainer", s.trainerId());
        p.put("t", t.ticketId());
        p.put("subject", t.subject());
        p.put("q", text);
        p.put("at", SqlTime.at(clock.instant()));
        long id = store.insert("insert into training_shadow_question (enrolment_id, trainee_id, trainee_name, trainer_id, ticket_id,"
                + " ticket_subject, question, asked_at) values (:e, :trainee, :name, :trainer, :t, :subject, :q, :at)", p);
        return question(id).orElseThrow();
    }

    /** The trainer answers a question of their trainee's (only the question's trainer; once). */
    public ShadowQuestion answer(Actor actor, long questionId, String answer) {
        ShadowQuestion q = question(questionId).orElseThrow(() -> DomainException.notFound("shadowing.error.questionNotFound", questionId));
        if (actor == null || q.trainerId() != actor.id()) {
            if (actor != null && q.traineeId() == actor.id()) {
                throw DomainException.forbidden("shadowing.error.trainerOnly");
            }
            throw DomainException.notFound("shadowing.error.questionNotFound", questionId);
        }
        String text = answer == null ? "" : answer.strip();
        if (text.isEmpty()) {
            throw DomainException.invalid("answer", "shadowing.error.answerRequired");
        }
        if (text.length() > ANSWER_MAX) {
            throw DomainException.invalid("answer", "shadowing.error.tooLong", ANSWER_MAX);
        }
        int updated = store.jdbc().sql("update training_shadow_question set answer = :a, answered_at = :at, answered_by = :by"
                        + " where id = :id and answered_at is null")
                .param("a", text).param("at", SqlTime.at(clock.instant())).param("by", actor.name()).param("id", questionId).update();
        if (updated == 0) {
            throw DomainException.conflict("shadowing.error.answered");
        }
        return question(questionId).orElseThrow();
    }

    /** The questions waiting for the actor's answer (as a trainer), oldest first. */
    @Transactional(readOnly = true)
    public List<ShadowQuestion> openQuestions(Actor actor) {
        return select("q.trainer_id = :u and q.answered_at is null order by q.asked_at, q.id", Map.of("u", actor.id()));
    }

    /** The questions the actor answered lately (as a trainer), newest first. */
    @Transactional(readOnly = true)
    public List<ShadowQuestion> answeredQuestions(Actor actor, int limit) {
        return select("q.trainer_id = :u and q.answered_at is not null order by q.answered_at desc, q.id desc fetch first "
                + Math.max(1, Math.min(limit, 200)) + " rows only", Map.of("u", actor.id()));
    }

    /** How many questions wait for the trainer's answer (for the badge). */
    @Transactional(readOnly = true)
    public long openQuestionCount(long trainerId) {
        return store.jdbc().sql("select count(*) from training_shadow_question where trainer_id = :u and answered_at is null")
                .param("u", trainerId).query(Long.class).single();
    }

    /** The trainee's own questions in their shadowing stage, newest first. */
    @Transactional(readOnly = true)
    public List<ShadowQuestion> myQuestions(Actor actor) {
        return questions(stage(actor, null).enrolmentId());
    }

    private List<ShadowQuestion> questions(long enrolmentId) {
        return select("q.enrolment_id = :e order by q.id desc fetch first 100 rows only", Map.of("e", enrolmentId));
    }

    private Optional<ShadowQuestion> question(long id) {
        return select("q.id = :id", Map.of("id", id)).stream().findFirst();
    }

    private List<ShadowQuestion> select(String whereAndOrder, Map<String, ?> params) {
        return store.jdbc().sql("select * from training_shadow_question q where " + whereAndOrder).params(params)
                .query(Shadowing::question).list();
    }

    private static ShadowQuestion question(ResultSet rs, int n) throws SQLException {
        long ticketId = rs.getLong("ticket_id");
        return new ShadowQuestion(rs.getLong("id"), rs.getLong("enrolment_id"), rs.getLong("trainee_id"), rs.getString("trainee_name"),
                rs.getLong("trainer_id"), ticketId, io.linia.tickets.TicketNumber.format(ticketId), rs.getString("ticket_subject"),
                rs.getString("question"), SqlTime.instant(rs, "asked_at"), rs.getString("answer"),
                SqlTime.instant(rs, "answered_at"), rs.getString("answered_by"));
    }
}
