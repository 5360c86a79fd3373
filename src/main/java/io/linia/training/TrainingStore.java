package io.linia.training;

import static io.linia.shared.SqlTime.at;
import static io.linia.shared.SqlTime.instant;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
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

/** The training tables, read and written in few statements (a programme version: three queries; an enrolment: five). */
@Component
class TrainingStore {

    private final JdbcClient jdbc;

    TrainingStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static Integer integer(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    static Long bigint(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    long insert(String sql, Map<String, ?> params) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql(sql).params(params).update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    JdbcClient jdbc() {
        return jdbc;
    }

    // ------------------------------------------------------------------ programmes

    record ProgrammeRow(long id, String name, String description, TargetKind target, Long groupId, Integer validityMonths,
                        boolean active, long currentVersion) {
    }

    private static ProgrammeRow programmeRow(ResultSet rs, int n) throws SQLException {
        return new ProgrammeRow(rs.getLong("id"), rs.getString("name"), rs.getString("description"),
                TargetKind.valueOf(rs.getString("target")), bigint(rs, "group_id"), integer(rs, "validity_months"),
                rs.getBoolean("active"), rs.getLong("current_version"));
    }

    Optional<ProgrammeRow> programme(long id) {
        return jdbc.sql("select * from training_programme where id = :id").param("id", id).query(TrainingStore::programmeRow).optional();
    }

    List<ProgrammeRow> programmes() {
        return jdbc.sql("select * from training_programme order by name, id").query(TrainingStore::programmeRow).list();
    }

    ProgrammeView view(ProgrammeRow p, long versionId) {
        record V(int number, Instant at, String by) {
        }
        V v = jdbc.sql("select number, created_at, created_by_name from training_programme_version where id = :id").param("id", versionId)
                .query((rs, n) -> new V(rs.getInt(1), instant(rs, "created_at"), rs.getString(3))).single();
        int latest = jdbc.sql("select max(number) from training_programme_version where programme_id = :p").param("p", p.id())
                .query(Integer.class).single();
        return new ProgrammeView(p.id(), p.name(), p.description(), p.target(), p.groupId(), p.validityMonths(), p.active(), versionId,
                v.number(), latest, v.at(), v.by(), stages(versionId));
    }

    List<ProgrammeView.StageView> stages(long versionId) {
        Map<Long, List<ProgrammeView.MaterialView>> materials = new LinkedHashMap<>();
        jdbc.sql("select m.* from training_material m join training_stage s on s.id = m.stage_id where s.version_id = :v"
                        + " order by m.stage_id, m.position").param("v", versionId)
                .query((ResultSet rs) -> {
                    materials.computeIfAbsent(rs.getLong("stage_id"), k -> new ArrayList<>()).add(new ProgrammeView.MaterialView(
                            rs.getLong("id"), rs.getString("title"), bigint(rs, "article_id"), bigint(rs, "document_id")));
                });
        Map<Long, List<ProgrammeView.ChecklistItemView>> checklist = new LinkedHashMap<>();
        jdbc.sql("select c.* from training_checklist_item c join training_stage s on s.id = c.stage_id where s.version_id = :v"
                        + " order by c.stage_id, c.position").param("v", versionId)
                .query((ResultSet rs) -> {
                    checklist.computeIfAbsent(rs.getLong("stage_id"), k -> new ArrayList<>())
                            .add(new ProgrammeView.ChecklistItemView(rs.getLong("id"), rs.getString("text")));
                });
        return jdbc.sql("select * from training_stage where version_id = :v order by position").param("v", versionId)
                .query((rs, n) -> {
                    long id = rs.getLong("id");
                    String unit = rs.getString("minimum_unit");
                    return new ProgrammeView.StageView(id, rs.getInt("position"), StageKind.valueOf(rs.getString("kind")),
                            rs.getString("title"), rs.getInt("suggested_days"), integer(rs, "minimum_amount"),
                            unit == null ? null : MinimumUnit.valueOf(unit), materials.getOrDefault(id, List.of()),
                            checklist.getOrDefault(id, List.of()));
                }).list();
    }

    /** Writes the stages of a version (which has none yet). */
    void writeStages(long versionId, List<ProgrammeCommand.StageCommand> stages) {
        int position = 0;
        for (ProgrammeCommand.StageCommand s : stages) {
            position++;
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("v", versionId);
            p.put("pos", position);
            p.put("kind", s.kind().name());
            p.put("title", s.title().strip());
            p.put("days", s.suggestedDays());
            p.put("min", s.kind().counted() ? s.minimumAmount() : null);
            p.put("unit", s.kind().counted() && s.minimumUnit() != null ? s.minimumUnit().name() : null);
            long stageId = insert("insert into training_stage (version_id, position, kind, title, suggested_days, minimum_amount, minimum_unit)"
                    + " values (:v, :pos, :kind, :title, :days, :min, :unit)", p);
            if (s.kind() == StageKind.STUDY) {
                int m = 0;
                for (ProgrammeCommand.MaterialCommand material : s.materials()) {
                    m++;
                    String title = material.title().strip();
                    jdbc.sql("insert into training_material (stage_id, position, title, article_id, document_id) values (:s, :pos, :t, :a, :d)")
                            .param("s", stageId).param("pos", m).param("t", title).param("a", material.articleId())
                            .param("d", material.documentId()).update();
                }
            }
            if (s.kind() == StageKind.TRAINER_SESSION) {
                int c = 0;
                for (String text : s.checklist()) {
                    c++;
                    jdbc.sql("insert into training_checklist_item (stage_id, position, text) values (:s, :pos, :t)")
                            .param("s", stageId).param("pos", c).param("t", text.strip()).update();
                }
            }
        }
    }

    void deleteStages(long versionId) {
        jdbc.sql("delete from training_material where stage_id in (select id from training_stage where version_id = :v)").param("v", versionId).update();
        jdbc.sql("delete from training_checklist_item where stage_id in (select id from training_stage where version_id = :v)").param("v", versionId).update();
        jdbc.sql("delete from training_stage where version_id = :v").param("v", versionId).update();
    }

    long enrolmentsOfVersion(long versionId) {
        return jdbc.sql("select count(*) from training_enrolment where version_id = :v").param("v", versionId).query(Long.class).single();
    }

    List<VersionView> versions(long programmeId) {
        return jdbc.sql("select v.id, v.number, v.created_at, v.created_by_name,"
                        + " (select count(*) from training_enrolment e where e.version_id = v.id) n"
                        + " from training_programme_version v where v.programme_id = :p order by v.number desc").param("p", programmeId)
                .query((rs, n) -> new VersionView(rs.getLong(1), rs.getInt(2), instant(rs, "created_at"), rs.getString(4), rs.getLong(5)))
                .list();
    }

    // ------------------------------------------------------------------ enrolments

    record EnrolmentRow(long id, long programmeId, String programmeName, long versionId, int versionNumber, TargetKind target,
                        Long groupId, Integer validityMonths, long traineeId, String traineeName, long trainerId, String trainerName,
                        String enrolledBy, Instant enrolledAt, EnrolmentStatus status, Instant completedAt) {
    }

    private static final String ENROLMENT_SELECT = "select e.*, p.name programme_name, p.target, p.group_id, p.validity_months,"
            + " v.number version_number from training_enrolment e join training_programme p on p.id = e.programme_id"
            + " join training_programme_version v on v.id = e.version_id ";

    private static EnrolmentRow enrolmentRow(ResultSet rs, int n) throws SQLException {
        return new EnrolmentRow(rs.getLong("id"), rs.getLong("programme_id"), rs.getString("programme_name"), rs.getLong("version_id"),
                rs.getInt("version_number"), TargetKind.valueOf(rs.getString("target")), bigint(rs, "group_id"),
                integer(rs, "validity_months"), rs.getLong("trainee_id"), rs.getString("trainee_name"), rs.getLong("trainer_id"),
                rs.getString("trainer_name"), rs.getString("enrolled_by_name"), instant(rs, "enrolled_at"),
                EnrolmentStatus.valueOf(rs.getString("status")), instant(rs, "completed_at"));
    }

    Optional<EnrolmentRow> enrolment(long id) {
        return jdbc.sql(ENROLMENT_SELECT + "where e.id = :id").param("id", id).query(TrainingStore::enrolmentRow).optional();
    }

    /** Enrolments by a condition on {@code e} (e.g. {@code e.trainee_id = :id}), newest first. */
    List<EnrolmentRow> enrolments(String where, Map<String, ?> params) {
        return jdbc.sql(ENROLMENT_SELECT + "where " + where + " order by e.enrolled_at desc, e.id desc").params(params)
                .query(TrainingStore::enrolmentRow).list();
    }

    record StageRow(long enrolmentId, int position, long stageId, LocalDate dueDate, Instant startedAt, Instant completedAt,
                    int ticketsDone, int minutesDone) {
    }

    List<StageRow> stageRows(Collection<Long> enrolmentIds) {
        if (enrolmentIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from training_enrolment_stage where enrolment_id in (:ids) order by enrolment_id, position")
                .param("ids", enrolmentIds)
                .query((rs, n) -> new StageRow(rs.getLong("enrolment_id"), rs.getInt("position"), rs.getLong("stage_id"),
                        rs.getObject("due_date", LocalDate.class), instant(rs, "started_at"), instant(rs, "completed_at"),
                        rs.getInt("tickets_done"), rs.getInt("minutes_done"))).list();
    }

    record ReadingRow(long enrolmentId, long materialId, Instant openedAt, Instant lastSeenAt, int seconds, Instant doneAt) {
    }

    List<ReadingRow> readings(Collection<Long> enrolmentIds) {
        if (enrolmentIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from training_reading where enrolment_id in (:ids)").param("ids", enrolmentIds)
                .query((rs, n) -> new ReadingRow(rs.getLong("enrolment_id"), rs.getLong("material_id"), instant(rs, "opened_at"),
                        instant(rs, "last_seen_at"), rs.getInt("seconds_spent"), instant(rs, "done_at"))).list();
    }

    Optional<ReadingRow> reading(long enrolmentId, long materialId) {
        return jdbc.sql("select * from training_reading where enrolment_id = :e and material_id = :m").param("e", enrolmentId)
                .param("m", materialId)
                .query((rs, n) -> new ReadingRow(rs.getLong("enrolment_id"), rs.getLong("material_id"), instant(rs, "opened_at"),
                        instant(rs, "last_seen_at"), rs.getInt("seconds_spent"), instant(rs, "done_at"))).optional();
    }

    record CheckRow(long enrolmentId, long itemId, Instant tickedAt, String tickedBy) {
    }

    List<CheckRow> checks(Collection<Long> enrolmentIds) {
        if (enrolmentIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from training_check where enrolment_id in (:ids)").param("ids", enrolmentIds)
                .query((rs, n) -> new CheckRow(rs.getLong("enrolment_id"), rs.getLong("item_id"), instant(rs, "ticked_at"),
                        rs.getString("ticked_by_name"))).list();
    }

    record AttestationRow(long enrolmentId, EnrolmentView.AttestationResult result) {
    }

    List<AttestationRow> attestations(Collection<Long> enrolmentIds) {
        if (enrolmentIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from training_attestation_result where enrolment_id in (:ids) order by recorded_at, id")
                .param("ids", enrolmentIds)
                .query((rs, n) -> new AttestationRow(rs.getLong("enrolment_id"), new EnrolmentView.AttestationResult(rs.getLong("id"),
                        rs.getBigDecimal("score"), rs.getBoolean("passed"), rs.getString("graded_by"), instant(rs, "recorded_at"),
                        rs.getString("note")))).list();
    }

    void addAttestation(long enrolmentId, BigDecimal score, boolean passed, String gradedBy, Instant at, String note) {
        jdbc.sql("insert into training_attestation_result (enrolment_id, score, passed, graded_by, recorded_at, note)"
                        + " values (:e, :s, :p, :g, :at, :n)")
                .param("e", enrolmentId).param("s", score).param("p", passed).param("g", gradedBy).param("at", at(at)).param("n", note)
                .update();
    }
}
