package io.linia.training.attestation;

import static io.linia.shared.SqlTime.at;
import static io.linia.shared.SqlTime.instant;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

/** The attestation tables (V33). */
@Component
class AttestationStore {

    private final JdbcClient jdbc;

    AttestationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    JdbcClient jdbc() {
        return jdbc;
    }

    long insert(String sql, Map<String, ?> params) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql(sql).params(params).update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    // ------------------------------------------------------------------ definition

    record Settings(int questionCount, int timeLimitMinutes, int passMark, int retakePauseMinutes, int practicalWeight) {
        static final Settings DEFAULT = new Settings(AttestationDefinition.DEFAULT_QUESTIONS, AttestationDefinition.DEFAULT_MINUTES,
                AttestationDefinition.DEFAULT_PASS_MARK, AttestationDefinition.DEFAULT_PAUSE_MINUTES,
                AttestationDefinition.DEFAULT_PRACTICAL_WEIGHT);
    }

    Settings settings(long versionId) {
        return jdbc.sql("select * from training_attestation where version_id = :v").param("v", versionId)
                .query((rs, n) -> new Settings(rs.getInt("question_count"), rs.getInt("time_limit_minutes"), rs.getInt("pass_mark"),
                        rs.getInt("retake_pause_minutes"), rs.getInt("practical_weight"))).optional().orElse(Settings.DEFAULT);
    }

    void saveSettings(long versionId, Settings s, Instant at, String by) {
        int updated = jdbc.sql("update training_attestation set question_count = :c, time_limit_minutes = :t, pass_mark = :p,"
                        + " retake_pause_minutes = :r, practical_weight = :w, updated_at = :at, updated_by_name = :by where version_id = :v")
                .params(settingsParams(versionId, s, at, by)).update();
        if (updated == 0) {
            jdbc.sql("insert into training_attestation (version_id, question_count, time_limit_minutes, pass_mark, retake_pause_minutes,"
                    + " practical_weight, updated_at, updated_by_name) values (:v, :c, :t, :p, :r, :w, :at, :by)")
                    .params(settingsParams(versionId, s, at, by)).update();
        }
    }

    private static Map<String, Object> settingsParams(long versionId, Settings s, Instant at, String by) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("v", versionId);
        p.put("c", s.questionCount());
        p.put("t", s.timeLimitMinutes());
        p.put("p", s.passMark());
        p.put("r", s.retakePauseMinutes());
        p.put("w", s.practicalWeight());
        p.put("at", at(at));
        p.put("by", by);
        return p;
    }

    private static AttestationDefinition.Question question(ResultSet rs, int n) throws SQLException {
        String options = rs.getString("options");
        long article = rs.getLong("article_id");
        return new AttestationDefinition.Question(rs.getLong("id"), QuestionKind.valueOf(rs.getString("kind")), rs.getString("text"),
                options == null ? List.of() : options.lines().toList(), rs.getString("correct"), rs.wasNull() ? null : article,
                rs.getInt("weight"));
    }

    List<AttestationDefinition.Question> questions(long versionId) {
        return jdbc.sql("select * from training_attestation_question where version_id = :v and retired = false order by id")
                .param("v", versionId).query(AttestationStore::question).list();
    }

    Map<Long, AttestationDefinition.Question> questionsById(Collection<Long> ids) {
        Map<Long, AttestationDefinition.Question> byId = new LinkedHashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql("select * from training_attestation_question where id in (:ids)").param("ids", ids)
                    .query(AttestationStore::question).list().forEach(q -> byId.put(q.id(), q));
        }
        return byId;
    }

    long addQuestion(long versionId, QuestionKind kind, String text, List<String> options, String correct, Long articleId, int weight,
                     Instant at) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("v", versionId);
        p.put("k", kind.name());
        p.put("t", text);
        p.put("o", options.isEmpty() ? null : String.join("\n", options));
        p.put("c", correct);
        p.put("a", articleId);
        p.put("w", weight);
        p.put("at", at(at));
        return insert("insert into training_attestation_question (version_id, kind, text, options, correct, article_id, weight, created_at)"
                + " values (:v, :k, :t, :o, :c, :a, :w, :at)", p);
    }

    boolean retireQuestion(long versionId, long id) {
        return jdbc.sql("update training_attestation_question set retired = true where id = :id and version_id = :v and retired = false")
                .param("id", id).param("v", versionId).update() > 0;
    }

    List<AttestationDefinition.Task> tasks(long versionId) {
        return tasks("t.version_id = :v and t.retired = false", Map.of("v", versionId));
    }

    private List<AttestationDefinition.Task> tasks(String where, Map<String, ?> params) {
        Map<Long, List<AttestationDefinition.Criterion>> criteria = new LinkedHashMap<>();
        jdbc.sql("select c.* from training_attestation_criterion c join training_attestation_task t on t.id = c.task_id where " + where
                        + " order by c.task_id, c.position").params(params)
                .query((ResultSet rs) -> {
                    criteria.computeIfAbsent(rs.getLong("task_id"), k -> new ArrayList<>()).add(new AttestationDefinition.Criterion(
                            rs.getLong("id"), rs.getString("text"), rs.getInt("max_points")));
                });
        return jdbc.sql("select t.* from training_attestation_task t where " + where + " order by t.id").params(params)
                .query((rs, n) -> new AttestationDefinition.Task(rs.getLong("id"), rs.getString("title"), rs.getString("text"),
                        criteria.getOrDefault(rs.getLong("id"), List.of()))).list();
    }

    Map<Long, AttestationDefinition.Task> tasksById(Collection<Long> ids) {
        Map<Long, AttestationDefinition.Task> byId = new LinkedHashMap<>();
        if (!ids.isEmpty()) {
            tasks("t.id in (:ids)", Map.of("ids", ids)).forEach(t -> byId.put(t.id(), t));
        }
        return byId;
    }

    long addTask(long versionId, String title, String text, List<AttestationDefinitions.Criterion> criteria, Instant at) {
        long id = insert("insert into training_attestation_task (version_id, title, text, created_at) values (:v, :t, :x, :at)",
                Map.of("v", versionId, "t", title, "x", text, "at", at(at)));
        int position = 0;
        for (AttestationDefinitions.Criterion c : criteria) {
            position++;
            jdbc.sql("insert into training_attestation_criterion (task_id, position, text, max_points) values (:t, :p, :x, :m)")
                    .param("t", id).param("p", position).param("x", c.text().strip()).param("m", c.maxPoints()).update();
        }
        return id;
    }

    boolean retireTask(long versionId, long id) {
        return jdbc.sql("update training_attestation_task set retired = true where id = :id and version_id = :v and retired = false")
                .param("id", id).param("v", versionId).update() > 0;
    }

    // ------------------------------------------------------------------ attempts

    record AttemptRow(long id, long enrolmentId, long versionId, long traineeId, AttemptStatus status, Instant startedAt,
                      Instant deadline, Instant submittedAt, boolean closedByClock, int passMark, int practicalWeight,
                      BigDecimal testScore, BigDecimal practicalScore, BigDecimal score, Instant gradedAt, String gradedBy,
                      String gradingNote) {
    }

    private static AttemptRow attemptRow(ResultSet rs, int n) throws SQLException {
        return new AttemptRow(rs.getLong("id"), rs.getLong("enrolment_id"), rs.getLong("version_id"), rs.getLong("trainee_id"),
                AttemptStatus.valueOf(rs.getString("status")), instant(rs, "started_at"), instant(rs, "deadline_at"),
                instant(rs, "submitted_at"), rs.getBoolean("closed_by_clock"), rs.getInt("pass_mark"), rs.getInt("practical_weight"),
                rs.getBigDecimal("quiz_score"), rs.getBigDecimal("practical_score"), rs.getBigDecimal("score"), instant(rs, "graded_at"),
                rs.getString("graded_by_name"), rs.getString("grading_note"));
    }

    Optional<AttemptRow> attempt(long id) {
        return jdbc.sql("select * from training_attestation_attempt where id = :id").param("id", id).query(AttestationStore::attemptRow).optional();
    }

    /** The attempt, locked for the command that changes it (two submissions in a row grade once). */
    Optional<AttemptRow> attemptForUpdate(long id) {
        return jdbc.sql("select * from training_attestation_attempt where id = :id for update").param("id", id)
                .query(AttestationStore::attemptRow).optional();
    }

    /** An enrolment's attempts, newest first. */
    List<AttemptRow> attempts(long enrolmentId) {
        return jdbc.sql("select * from training_attestation_attempt where enrolment_id = :e order by id desc").param("e", enrolmentId)
                .query(AttestationStore::attemptRow).list();
    }

    List<AttemptRow> attempts(String where, Map<String, ?> params) {
        return jdbc.sql("select a.* from training_attestation_attempt a join training_enrolment e on e.id = a.enrolment_id where " + where
                + " order by a.submitted_at, a.id").params(params).query(AttestationStore::attemptRow).list();
    }

    record AnswerRow(long attemptId, int position, long questionId, String optionOrder, String answer, Boolean correct) {
    }

    List<AnswerRow> answers(long attemptId) {
        return jdbc.sql("select * from training_attestation_answer where attempt_id = :a order by position").param("a", attemptId)
                .query((rs, n) -> {
                    boolean c = rs.getBoolean("correct");
                    Boolean correct = rs.wasNull() ? null : c;
                    return new AnswerRow(rs.getLong("attempt_id"), rs.getInt("position"), rs.getLong("question_id"),
                            rs.getString("option_order"), rs.getString("answer"), correct);
                }).list();
    }

    record WorkRow(int position, long taskId, String response) {
    }

    List<WorkRow> works(long attemptId) {
        return jdbc.sql("select * from training_attestation_work where attempt_id = :a order by position").param("a", attemptId)
                .query((rs, n) -> new WorkRow(rs.getInt("position"), rs.getLong("task_id"), rs.getString("response"))).list();
    }

    Map<Long, Integer> marks(long attemptId) {
        Map<Long, Integer> marks = new LinkedHashMap<>();
        jdbc.sql("select criterion_id, points from training_attestation_mark where attempt_id = :a").param("a", attemptId)
                .query((ResultSet rs) -> {
                    marks.put(rs.getLong(1), rs.getInt(2));
                });
        return marks;
    }
}
