package io.linia.training;

import static io.linia.support.ApiClient.body;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.linia.accounts.UserAdministration;
import io.linia.accounts.UserDirectory;
import io.linia.accounts.UserRef;
import io.linia.knowledge.KnowledgeBase;
import io.linia.support.ApiClient;
import io.linia.support.ApiFixtures;
import io.linia.support.ApiResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** /api/v1/training over real HTTP: who may do what, a trainee's way through, bad input answered as a problem naming the field. */
@TrainingTest
class TrainingApiTest {

    @LocalServerPort
    int port;
    @Autowired
    TrainingTest.TrainingClock clock;
    @Autowired
    UserAdministration administration;
    @Autowired
    UserDirectory users;
    @Autowired
    KnowledgeBase knowledge;
    @Autowired
    TrainingProgrammes programmes;

    ApiFixtures api;
    TrainingFixtures fx;

    @BeforeEach
    void setUp() {
        clock.set(Instant.parse("2026-11-23T07:00:00Z"));
        api = new ApiFixtures(port, administration, users);
        fx = new TrainingFixtures(administration, users, knowledge, programmes);
    }

    private static void problem(ApiResponse r, int status, String field) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.mediaType()).isEqualTo("application/problem+json");
        if (field != null) {
            assertThat(r.json().path("field").asText()).as(r.toString()).isEqualTo(field);
        }
    }

    @Test
    void programmesAreWrittenByTrainersAndBadDefinitionsNameTheirField() {
        ApiClient trainer = api.as("trainer");
        long article = fx.articles(1).get(0).id();
        Map<String, Object> study = body("kind", "STUDY", "title", "Изучение", "suggestedDays", 3,
                "materials", List.of(body("articleId", article)));
        Map<String, Object> programme = body("name", "API — первая линия", "target", "FIRST_LINE", "validityMonths", 12,
                "stages", List.of(study, body("kind", "SHADOWING", "title", "Наблюдение", "suggestedDays", 2, "minimumAmount", 3,
                        "minimumUnit", "TICKETS")));
        ApiResponse created = trainer.post("/api/v1/training/programmes", programme);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().path("stages")).hasSize(2);
        assertThat(created.json().path("versionNumber").asInt()).isEqualTo(1);

        problem(api.as("lead").post("/api/v1/training/programmes", programme), 403, null);
        problem(trainer.post("/api/v1/training/programmes", body("name", "Без этапов", "target", "FIRST_LINE", "stages", List.of())), 400, "stages");
        problem(trainer.post("/api/v1/training/programmes", body("name", "Без минимума", "target", "FIRST_LINE",
                "stages", List.of(body("kind", "SUPERVISED_WORK", "title", "Под контролем", "suggestedDays", 2)))), 400, "stages[0].minimumAmount");
        problem(trainer.post("/api/v1/training/programmes", body("name", "Группа", "target", "GROUP", "groupId", 987654,
                "stages", List.of(study))), 400, "groupId");
        problem(trainer.post("/api/v1/training/programmes", body("name", "Вид", "target", "FIRST_LINE",
                "stages", List.of(body("kind", "LECTURE", "title", "?", "suggestedDays", 2)))), 400, "stages.[0].kind");
        problem(trainer.post("/api/v1/training/programmes", body("name", "Статья", "target", "FIRST_LINE",
                "stages", List.of(body("kind", "STUDY", "title", "Изучение", "suggestedDays", 3,
                        "materials", List.of(body("articleId", 987654321)))))), 400, "stages[0].materials[0].articleId");

        long id = created.json().path("id").asLong();
        ApiResponse version = trainer.get("/api/v1/training/programmes/" + id + "/versions");
        assertThat(version.json()).hasSize(1);
        assertThat(api.as("l1").get("/api/v1/training/programmes/" + id).json().path("name").asText()).isEqualTo("API — первая линия");
    }

    @Test
    void aTraineeGoesThroughOverTheApiAndOnlyTheRightPeopleAct() {
        ProgrammeView p = fx.create(fx.fiveStages("API — путь", TargetKind.FIRST_LINE, null, 24));
        UserRef agent = fx.newAgent("Стажёр Через API");
        String login = agent.login();
        long trainerId = api.userId("trainer");
        Map<String, Object> enrol = body("programmeId", p.id(), "traineeId", agent.id(), "trainerId", trainerId);
        problem(api.as("trainer").post("/api/v1/training/enrolments", enrol), 403, null);
        problem(api.as("lead").post("/api/v1/training/enrolments", body("programmeId", p.id(), "trainerId", trainerId)), 400, "traineeId");
        problem(api.as("lead").post("/api/v1/training/enrolments", body("programmeId", p.id(), "traineeId", agent.id(),
                "trainerId", trainerId, "dueDates", List.of("2026-12-01"))), 400, "dueDates");
        problem(api.as("lead").post("/api/v1/training/enrolments", body("programmeId", "one", "traineeId", agent.id(),
                "trainerId", trainerId)), 400, "programmeId");
        ApiResponse created = api.as("lead").post("/api/v1/training/enrolments", enrol);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.json().path("id").asLong();
        JsonNode stages = created.json().path("stages");

        problem(api.as("l1b").get("/api/v1/training/enrolments/" + id), 404, null);
        ApiClient me = api.as(login);
        assertThat(me.get("/api/v1/training/my").json().get(0).path("id").asLong()).isEqualTo(id);

        for (JsonNode m : stages.get(0).path("materials")) {
            long mid = m.path("materialId").asLong();
            problem(me.post("/api/v1/training/enrolments/" + id + "/materials/" + mid + "/done", null), 409, null);
            assertThat(me.post("/api/v1/training/enrolments/" + id + "/materials/" + mid + "/open", null).status()).isEqualTo(200);
            assertThat(me.post("/api/v1/training/enrolments/" + id + "/materials/" + mid + "/heartbeat", null).status()).isEqualTo(200);
            me.post("/api/v1/training/enrolments/" + id + "/materials/" + mid + "/done", null);
        }
        ApiClient trainer = api.as("trainer");
        JsonNode after = null;
        for (JsonNode c : stages.get(1).path("checklist")) {
            problem(me.post("/api/v1/training/enrolments/" + id + "/checklist/" + c.path("itemId").asLong() + "/tick", null), 403, null);
            after = trainer.post("/api/v1/training/enrolments/" + id + "/checklist/" + c.path("itemId").asLong() + "/tick", null).json();
        }
        assertThat(after.path("currentPosition").asInt()).isEqualTo(3);
        problem(trainer.post("/api/v1/training/enrolments/" + id + "/activity", body()), 400, "tickets");
        problem(trainer.post("/api/v1/training/enrolments/" + id + "/activity", body("tickets", -1)), 400, "tickets");
        assertThat(trainer.post("/api/v1/training/enrolments/" + id + "/activity", body("tickets", 2, "reference", "000001"))
                .json().path("currentPosition").asInt()).isEqualTo(4);
        assertThat(trainer.post("/api/v1/training/enrolments/" + id + "/activity", body("minutes", 60))
                .json().path("currentPosition").asInt()).isEqualTo(5);
        problem(trainer.post("/api/v1/training/enrolments/" + id + "/attestation", body("score", -1, "passed", true)), 400, "score");
        problem(trainer.post("/api/v1/training/enrolments/" + id + "/attestation", body("score", 90)), 400, "passed");
        JsonNode done = trainer.post("/api/v1/training/enrolments/" + id + "/attestation", body("score", 91, "passed", true)).json();
        assertThat(done.path("status").asText()).isEqualTo("COMPLETED");

        JsonNode holds = api.as("lead").get("/api/v1/training/certifications/holds",
                Map.of("userId", agent.id(), "target", "FIRST_LINE")).json();
        assertThat(holds.path("holds").asBoolean()).isTrue();
        problem(api.as("lead").get("/api/v1/training/certifications/holds", Map.of("userId", agent.id(), "target", "GROUP")), 400, "groupId");
        long certId = api.as("lead").get("/api/v1/training/history/" + agent.id()).json().path("certifications").get(0).path("id").asLong();
        problem(api.as("lead").post("/api/v1/training/certifications/" + certId + "/revoke", body("reason", "")), 400, "reason");
        problem(api.as(login).post("/api/v1/training/certifications/" + certId + "/revoke", body("reason", "сам")), 403, null);

        ApiResponse csv = me.get("/api/v1/training/history/" + agent.id() + "/csv");
        assertThat(csv.mediaType()).isEqualTo("text/csv");
        assertThat(csv.text()).startsWith(TrainingHistory.CSV_HEADER + "\r\nstage,API — путь,1,FIRST_LINE,Павел Новиков,2026-11-23,COMPLETED,1,STUDY,");
        problem(api.as("l1b").get("/api/v1/training/history/" + agent.id()), 404, null);
        problem(api.as("l1").get("/api/v1/training/overview"), 403, null);
        assertThat(api.as("lead").get("/api/v1/training/overview").status()).isEqualTo(200);
    }

    @Test
    void theTrainingApiIsForStaffOnly() {
        assertThat(api.anonymous().get("/api/v1/training/my").status()).isEqualTo(401);
        assertThat(api.as("customer").get("/api/v1/training/my").status()).isEqualTo(403);
        ApiResponse due = api.as("lead").get("/api/v1/training/rotation/due", Map.of("on", "2026-11-23"));
        assertThat(due.status()).as(due.toString()).isEqualTo(200);
        problem(api.as("lead").get("/api/v1/training/rotation/due", Map.of("on", "tomorrow")), 400, "on");
        problem(api.as("lead").post("/api/v1/training/rotation/rules", body("name", "Правило", "monthsAfter", 0, "withinMonths", 2,
                "programmeId", 1)), 400, "monthsAfter");
    }
}
