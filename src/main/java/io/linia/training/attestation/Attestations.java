package io.linia.training.attestation;

import io.linia.accounts.Actor;
import io.linia.accounts.Role;
import io.linia.shared.DomainException;
import io.linia.shared.SqlTime;
import io.linia.training.EnrolmentStatus;
import io.linia.training.EnrolmentView;
import io.linia.training.Enrolments;
import io.linia.training.ProgrammeView;
import io.linia.training.StageKind;
import io.linia.training.TrainingProgrammes;
import io.linia.training.TrainingProgress;
import io.linia.training.TrainingProperties;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The trainee's attempts at the attestation of their enrolment and the trainer's grading of practical tasks.
 * <p>
 * Start: only the trainee, at the attestation stage, with no attempt open or waiting for grading, and after the
 * programme's pause since the last failed attempt. The questions are drawn at random from the pool (which ones, their
 * order and the order of their options are kept on the attempt). Answers are taken until the deadline (start + time
 * limit) plus {@link #GRACE}; an attempt past that is closed as it stands the next time anyone looks at it or acts on it.
 * Closing grades the questions; without practical tasks it also decides the result, with them the attempt waits for
 * the trainer's rubric grading. The result goes through {@link TrainingProgress}: passing completes the attestation
 * stage (and with the last stage grants the certification), failing leaves the stage open for a retake. See
 * {@link Grading} for the score.
 */
@Service
@Transactional
public class Attestations {

    /** Answers already on their way when the time is up are still taken this long after the deadline. */
    public static final Duration GRACE = Duration.ofSeconds(30);

    private final AttestationStore store;
    private final AttestationDefinitions definitions;
    private final TrainingProgrammes programmes;
    private final Enrolments enrolments;
    private final TrainingProgress progress;
    private final Clock clock;
    private final TrainingProperties settings;
    private final RandomGenerator random = new SecureRandom();
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    Attestations(AttestationStore store, AttestationDefinitions definitions, TrainingProgrammes programmes, Enrolments enrolments,
                 TrainingProgress progress, TrainingProperties settings, Clock clock) {
        this.settings = settings;
        this.store = store;
        this.definitions = definitions;
        this.programmes = programmes;
        this.enrolments = enrolments;
        this.progress = progress;
        this.clock = clock;
    }

    /** The trainee's page of an enrolment's attestation (seen by the trainee, the trainer, team leads and administrators). */
    public AttestationPage page(Actor actor, long enrolmentId) {
        EnrolmentView e = enrolments.enrolment(actor, enrolmentId);
        closeExpired(e);
        AttestationDefinition d = definition(actor, e);
        List<AttestationStore.AttemptRow> rows = store.attempts(enrolmentId);
        Attempt open = null;
        List<Attempt> past = new ArrayList<>();
        for (AttestationStore.AttemptRow r : rows) {
            Attempt a = view(r, e);
            if (a.open()) {
                open = a;
            } else {
                past.add(a);
            }
        }
        boolean at = atAttestation(e);
        Instant retakeFrom = retakeFrom(rows, d);
        String blocked = !at ? "training.error.notAttestationStage"
                : !d.ready() ? "attestation.error.notReady"
                : open != null ? "attestation.error.attemptOpen"
                : rows.stream().anyMatch(r -> r.status() == AttemptStatus.AWAITING_GRADING) ? "attestation.error.awaitingGrading"
                : retakeFrom != null && clock.instant().isBefore(retakeFrom) ? "attestation.error.retakePause" : null;
        return new AttestationPage(e.id(), e.traineeId(), e.traineeName(), e.trainerId(), e.programmeName(), at, d.ready(),
                d.questionCount(), d.timeLimitMinutes(), d.passMark(), d.retakePauseMinutes(), d.practicalWeight(), d.tasks().size(),
                blocked == null && e.traineeId() == actor.id(), blocked, retakeFrom, open, past);
    }

    public Attempt start(Actor actor, long enrolmentId) {
        EnrolmentView e = enrolments.enrolment(actor, enrolmentId);
        if (e.traineeId() != actor.id()) {
            throw DomainException.forbidden("attestation.error.traineeOnly");
        }
        closeExpired(e);
        if (!atAttestation(e)) {
            throw DomainException.conflict("training.error.notAttestationStage");
        }
        AttestationDefinition d = definition(actor, e);
        if (!d.ready()) {
            throw DomainException.conflict("attestation.error.notReady");
        }
        List<AttestationStore.AttemptRow> rows = store.attempts(enrolmentId);
        for (AttestationStore.AttemptRow r : rows) {
            if (r.status() == AttemptStatus.OPEN) {
                throw DomainException.conflict("attestation.error.attemptOpen").with("attemptId", r.id());
            }
            if (r.status() == AttemptStatus.AWAITING_GRADING) {
                throw DomainException.conflict("attestation.error.awaitingGrading").with("attemptId", r.id());
            }
        }
        Instant now = clock.instant();
        Instant retakeFrom = retakeFrom(rows, d);
        if (retakeFrom != null && now.isBefore(retakeFrom)) {
            throw DomainException.conflict("attestation.error.retakePause", when(retakeFrom)).with("retakeFrom", retakeFrom.toString());
        }
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("e", e.id());
        p.put("v", d.versionId());
        p.put("t", e.traineeId());
        p.put("at", SqlTime.at(now));
        p.put("deadline", SqlTime.at(now.plus(Duration.ofMinutes(d.timeLimitMinutes()))));
        p.put("mark", d.passMark());
        p.put("weight", d.practicalWeight());
        long id;
        try {
            id = store.insert("insert into training_attestation_attempt (enrolment_id, version_id, trainee_id, open_enrolment_id, status,"
                    + " started_at, deadline_at, pass_mark, practical_weight) values (:e, :v, :t, :e, 'OPEN', :at, :deadline, :mark, :weight)", p);
        } catch (DuplicateKeyException race) {
            throw DomainException.conflict("attestation.error.attemptOpen");
        }
        int position = 0;
        for (AttestationDefinition.Question q : QuestionDraw.draw(d.questions(), d.questionCount(), random)) {
            position++;
            String order = q.kind().choice()
                    ? QuestionDraw.order(q.options().size(), random).stream().map(String::valueOf).collect(Collectors.joining(",")) : null;
            store.jdbc().sql("insert into training_attestation_answer (attempt_id, position, question_id, option_order) values (:a, :p, :q, :o)")
                    .param("a", id).param("p", position).param("q", q.id()).param("o", order).update();
        }
        position = 0;
        for (AttestationDefinition.Task t : d.tasks()) {
            position++;
            store.jdbc().sql("insert into training_attestation_work (attempt_id, position, task_id) values (:a, :p, :t)")
                    .param("a", id).param("p", position).param("t", t.id()).update();
        }
        return view(store.attempt(id).orElseThrow(), e);
    }

    /** An attempt (closed first when its time is up). */
    public Attempt attempt(Actor actor, long attemptId) {
        AttestationStore.AttemptRow row = store.attempt(attemptId)
                .orElseThrow(() -> DomainException.notFound("attestation.error.attemptNotFound", attemptId));
        EnrolmentView e = enrolments.enrolment(actor, row.enrolmentId());
        closeExpired(e);
        return view(store.attempt(attemptId).orElseThrow(), e);
    }

    /**
     * Saves answers (question position → answer: an option number, option numbers separated by commas, or the text) and
     * practical work (task position → text); positions not given keep what they had. Refused after the deadline and grace.
     */
    @Transactional(noRollbackFor = TimeUp.class)
    public Attempt answer(Actor actor, long attemptId, Map<Integer, String> answers, Map<Integer, String> works) {
        Taking t = taking(actor, attemptId);
        write(t, answers, works);
        return view(store.attempt(attemptId).orElseThrow(), t.enrolment());
    }

    /** Saves the last answers and hands the attempt in. */
    @Transactional(noRollbackFor = TimeUp.class)
    public Attempt submit(Actor actor, long attemptId, Map<Integer, String> answers, Map<Integer, String> works) {
        Taking t = taking(actor, attemptId);
        write(t, answers, works);
        Instant now = clock.instant();
        close(t.row(), t.enrolment(), now.isAfter(t.row().deadline()) ? t.row().deadline() : now, false);
        return view(store.attempt(attemptId).orElseThrow(), t.enrolment());
    }

    private record Taking(AttestationStore.AttemptRow row, EnrolmentView enrolment) {
    }

    private Taking taking(Actor actor, long attemptId) {
        AttestationStore.AttemptRow row = store.attemptForUpdate(attemptId)
                .orElseThrow(() -> DomainException.notFound("attestation.error.attemptNotFound", attemptId));
        EnrolmentView e = enrolments.enrolment(actor, row.enrolmentId());
        if (row.traineeId() != actor.id()) {
            throw DomainException.forbidden("attestation.error.traineeOnly");
        }
        if (row.status() != AttemptStatus.OPEN) {
            throw DomainException.conflict("attestation.error.attemptClosed");
        }
        if (clock.instant().isAfter(row.deadline().plus(GRACE))) {
            close(row, e, row.deadline(), true);
            throw new TimeUp();
        }
        return new Taking(row, e);
    }

    /**
     * Refusal of an answer after the deadline; the attempt was closed and graded as it stood, which must stay done, so this
     * refusal does not roll the transaction back (see {@code noRollbackFor}).
     */
    public static final class TimeUp extends DomainException {
        TimeUp() {
            super(Kind.CONFLICT, null, "attestation.error.timeUp");
        }
    }

    private void write(Taking t, Map<Integer, String> answers, Map<Integer, String> works) {
        Map<Integer, AttestationStore.AnswerRow> rows = store.answers(t.row().id()).stream()
                .collect(Collectors.toMap(AttestationStore.AnswerRow::position, r -> r));
        Map<Long, AttestationDefinition.Question> questions = store.questionsById(rows.values().stream()
                .map(AttestationStore.AnswerRow::questionId).toList());
        Map<Integer, String> checked = new LinkedHashMap<>();
        for (Map.Entry<Integer, String> a : (answers == null ? Map.<Integer, String>of() : answers).entrySet()) {
            String field = "answers[" + a.getKey() + "]";
            AttestationStore.AnswerRow row = rows.get(a.getKey());
            if (row == null) {
                throw DomainException.invalid(field, "attestation.error.noSuchQuestion");
            }
            checked.put(a.getKey(), checkedAnswer(field, questions.get(row.questionId()), a.getValue()));
        }
        Set<Integer> workPositions = new HashSet<>(store.works(t.row().id()).stream().map(AttestationStore.WorkRow::position).toList());
        Map<Integer, String> checkedWorks = new LinkedHashMap<>();
        for (Map.Entry<Integer, String> w : (works == null ? Map.<Integer, String>of() : works).entrySet()) {
            String field = "works[" + w.getKey() + "]";
            if (!workPositions.contains(w.getKey())) {
                throw DomainException.invalid(field, "attestation.error.noSuchTask");
            }
            String v = w.getValue() == null || w.getValue().isBlank() ? null : w.getValue().strip();
            if (v != null && v.length() > 8000) {
                throw DomainException.invalid(field, "attestation.error.tooLong", 8000);
            }
            checkedWorks.put(w.getKey(), v);
        }
        Instant now = clock.instant();
        checked.forEach((position, answer) -> store.jdbc().sql("update training_attestation_answer set answer = :a, answered_at = :at"
                        + " where attempt_id = :id and position = :p")
                .param("a", answer).param("at", SqlTime.at(now)).param("id", t.row().id()).param("p", position).update());
        checkedWorks.forEach((position, response) -> store.jdbc().sql("update training_attestation_work set response = :r"
                        + " where attempt_id = :id and position = :p")
                .param("r", response).param("id", t.row().id()).param("p", position).update());
    }

    private static String checkedAnswer(String field, AttestationDefinition.Question q, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        if (q.kind() == QuestionKind.SHORT) {
            String v = raw.strip();
            if (v.length() > 500) {
                throw DomainException.invalid(field, "attestation.error.tooLong", 500);
            }
            return v;
        }
        Set<Integer> numbers;
        try {
            numbers = Grading.numbers(raw);
        } catch (NumberFormatException bad) {
            throw DomainException.invalid(field, "attestation.error.option");
        }
        if (numbers.stream().anyMatch(n -> n < 1 || n > q.options().size()) || (q.kind() == QuestionKind.SINGLE && numbers.size() > 1)) {
            throw DomainException.invalid(field, "attestation.error.option");
        }
        return numbers.isEmpty() ? null : Grading.joinNumbers(numbers);
    }

    // ------------------------------------------------------------------ grading

    /** Attempts waiting for the actor's grading: a trainer's own trainees'; all of them for team leads. */
    @Transactional(readOnly = true)
    public List<Attempt> awaitingGrading(Actor actor) {
        if (!mayGradeAny(actor)) {
            throw DomainException.forbidden("attestation.error.gradersOnly");
        }
        List<AttestationStore.AttemptRow> rows = actor.has(Role.TEAM_LEAD)
                ? store.attempts("a.status = 'AWAITING_GRADING'", Map.of())
                : store.attempts("a.status = 'AWAITING_GRADING' and e.trainer_id = :u", Map.of("u", actor.id()));
        return rows.stream().map(r -> view(r, enrolments.enrolment(actor, r.enrolmentId()))).toList();
    }

    public static boolean mayGradeAny(Actor actor) {
        return actor != null && (actor.has(Role.TRAINER) || actor.has(Role.TEAM_LEAD));
    }

    /**
     * The enrolment's trainer (or a team lead) grades the practical tasks by their rubric: points for every criterion
     * (criterion id → points, 0..its maximum). The attempt then has its final score and result.
     */
    public Attempt grade(Actor actor, long attemptId, Map<Long, Integer> points, String note) {
        AttestationStore.AttemptRow row = store.attemptForUpdate(attemptId)
                .orElseThrow(() -> DomainException.notFound("attestation.error.attemptNotFound", attemptId));
        EnrolmentView e = enrolments.enrolment(actor, row.enrolmentId());
        if (e.trainerId() != actor.id() && !actor.has(Role.TEAM_LEAD)) {
            throw DomainException.forbidden("attestation.error.gradersOnly");
        }
        if (row.status() != AttemptStatus.AWAITING_GRADING) {
            throw DomainException.conflict("attestation.error.notAwaitingGrading");
        }
        String n = note == null || note.isBlank() ? null : note.strip();
        if (n != null && n.length() > 2000) {
            throw DomainException.invalid("note", "attestation.error.tooLong", 2000);
        }
        List<AttestationStore.WorkRow> works = store.works(attemptId);
        Map<Long, AttestationDefinition.Task> tasks = store.tasksById(works.stream().map(AttestationStore.WorkRow::taskId).toList());
        Map<Long, Integer> given = points == null ? Map.of() : points;
        long sum = 0;
        long max = 0;
        for (AttestationStore.WorkRow w : works) {
            for (AttestationDefinition.Criterion c : tasks.get(w.taskId()).criteria()) {
                Integer p = given.get(c.id());
                if (p == null || p < 0 || p > c.maxPoints()) {
                    throw DomainException.invalid("points[" + c.id() + "]", "attestation.error.points", c.maxPoints());
                }
                sum += p;
                max += c.maxPoints();
            }
        }
        for (Long id : given.keySet()) {
            boolean known = works.stream().anyMatch(w -> tasks.get(w.taskId()).criteria().stream().anyMatch(c -> c.id() == id));
            if (!known) {
                throw DomainException.invalid("points[" + id + "]", "attestation.error.noSuchCriterion");
            }
        }
        for (Map.Entry<Long, Integer> p : given.entrySet()) {
            store.jdbc().sql("insert into training_attestation_mark (attempt_id, criterion_id, points) values (:a, :c, :p)")
                    .param("a", attemptId).param("c", p.getKey()).param("p", p.getValue()).update();
        }
        BigDecimal practical = Grading.percent(sum, max);
        decide(row, e, practical, actor.name(), n);
        return view(store.attempt(attemptId).orElseThrow(), e);
    }

    // ------------------------------------------------------------------ closing and deciding

    /** Closes the enrolment's open attempt when its time (and the grace) is up: graded as it stands. */
    private void closeExpired(EnrolmentView e) {
        Instant now = clock.instant();
        for (AttestationStore.AttemptRow r : store.attempts(e.id())) {
            if (r.status() == AttemptStatus.OPEN && now.isAfter(r.deadline().plus(GRACE))) {
                store.attemptForUpdate(r.id()).filter(locked -> locked.status() == AttemptStatus.OPEN)
                        .ifPresent(locked -> close(locked, e, locked.deadline(), true));
            }
        }
    }

    private void close(AttestationStore.AttemptRow row, EnrolmentView e, Instant submittedAt, boolean byClock) {
        List<AttestationStore.AnswerRow> answers = store.answers(row.id());
        Map<Long, AttestationDefinition.Question> questions = store.questionsById(answers.stream()
                .map(AttestationStore.AnswerRow::questionId).toList());
        List<Grading.Scored> scored = new ArrayList<>();
        for (AttestationStore.AnswerRow a : answers) {
            AttestationDefinition.Question q = questions.get(a.questionId());
            boolean right = Grading.right(q.kind(), q.correct(), a.answer());
            scored.add(new Grading.Scored(q.weight(), right));
            store.jdbc().sql("update training_attestation_answer set correct = :c where attempt_id = :a and position = :p")
                    .param("c", right).param("a", row.id()).param("p", a.position()).update();
        }
        BigDecimal test = Grading.testScore(scored);
        boolean practical = !store.works(row.id()).isEmpty();
        store.jdbc().sql("update training_attestation_attempt set status = :s, open_enrolment_id = null, submitted_at = :at,"
                        + " closed_by_clock = :clock, quiz_score = :q where id = :id")
                .param("s", AttemptStatus.AWAITING_GRADING.name())
                .param("at", SqlTime.at(submittedAt)).param("clock", byClock).param("q", test).param("id", row.id()).update();
        if (!practical) {
            // nothing for the trainer to grade: the result is decided at once
            decide(store.attempt(row.id()).orElseThrow(), e, null, "Linia", null);
        }
    }

    private void decide(AttestationStore.AttemptRow row, EnrolmentView e, BigDecimal practical, String gradedBy, String note) {
        BigDecimal score = Grading.finalScore(row.testScore(), practical, row.practicalWeight());
        boolean passed = Grading.passed(score, row.passMark());
        Instant now = clock.instant();
        store.jdbc().sql("update training_attestation_attempt set status = :s, open_enrolment_id = null, practical_score = :pr, score = :sc,"
                        + " graded_at = :at, graded_by_name = :by, grading_note = :n where id = :id")
                .param("s", (passed ? AttemptStatus.PASSED : AttemptStatus.FAILED).name()).param("pr", practical).param("sc", score)
                .param("at", SqlTime.at(now)).param("by", gradedBy).param("n", note).param("id", row.id()).update();
        if (atAttestation(e)) {
            String recorded = "attempt " + row.id() + (note == null ? "" : ": " + (note.length() > 400 ? note.substring(0, 400) : note));
            if (passed) {
                progress.attestationPassed(e.id(), score, gradedBy, recorded);
            } else {
                progress.attestationFailed(e.id(), score, gradedBy, recorded);
            }
        }
    }

    // ------------------------------------------------------------------ reading

    /** A moment as people here read it: day and time in the training zone. */
    public String when(Instant at) {
        return WHEN.format(at.atZone(settings.zone()));
    }

    private static boolean atAttestation(EnrolmentView e) {
        return e.status() == EnrolmentStatus.ACTIVE && e.current().map(s -> s.kind() == StageKind.ATTESTATION).orElse(false);
    }

    private AttestationDefinition definition(Actor actor, EnrolmentView e) {
        ProgrammeView version = programmes.version(actor, e.programmeId(), e.versionNumber());
        return definitions.read(version);
    }

    private Instant retakeFrom(List<AttestationStore.AttemptRow> rows, AttestationDefinition d) {
        return rows.stream().filter(r -> r.status() == AttemptStatus.FAILED).map(AttestationStore.AttemptRow::gradedAt)
                .max(Instant::compareTo).map(at -> at.plus(Duration.ofMinutes(d.retakePauseMinutes()))).orElse(null);
    }

    private Attempt view(AttestationStore.AttemptRow r, EnrolmentView e) {
        List<AttestationStore.AnswerRow> answers = store.answers(r.id());
        Map<Long, AttestationDefinition.Question> questions = store.questionsById(answers.stream()
                .map(AttestationStore.AnswerRow::questionId).toList());
        boolean closed = r.status() != AttemptStatus.OPEN;
        List<Attempt.Item> items = new ArrayList<>();
        for (AttestationStore.AnswerRow a : answers) {
            AttestationDefinition.Question q = questions.get(a.questionId());
            List<Attempt.Option> options = new ArrayList<>();
            if (a.optionOrder() != null) {
                for (String n : a.optionOrder().split(",")) {
                    int k = Integer.parseInt(n.strip());
                    options.add(new Attempt.Option(k, q.options().get(k - 1)));
                }
            }
            items.add(new Attempt.Item(a.position(), q.kind(), q.text(), options, a.answer(), q.articleId(), closed ? a.correct() : null));
        }
        List<AttestationStore.WorkRow> workRows = store.works(r.id());
        Map<Long, AttestationDefinition.Task> tasks = store.tasksById(workRows.stream().map(AttestationStore.WorkRow::taskId).toList());
        Map<Long, Integer> marks = store.marks(r.id());
        List<Attempt.Work> works = workRows.stream().map(w -> {
            AttestationDefinition.Task t = tasks.get(w.taskId());
            return new Attempt.Work(w.position(), t.id(), t.title(), t.text(), w.response(), t.criteria().stream()
                    .map(c -> new Attempt.Mark(c.id(), c.text(), c.maxPoints(), marks.get(c.id()))).toList());
        }).toList();
        return new Attempt(r.id(), r.enrolmentId(), r.traineeId(), e.traineeName(), e.programmeName(), r.status(), r.startedAt(),
                r.deadline(), r.submittedAt(), r.closedByClock(), r.passMark(), r.practicalWeight(), r.testScore(), r.practicalScore(),
                r.score(), r.gradedAt(), r.gradedBy(), r.gradingNote(), items, works);
    }
}
