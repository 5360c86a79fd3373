package io.linia.training;

import static io.linia.support.ApiClient.body;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.linia.accounts.Actor;
import io.linia.accounts.UserAdministration;
import io.linia.accounts.UserDirectory;
import io.linia.accounts.UserRef;
import io.linia.knowledge.KnowledgeBase;
import io.linia.support.ApiClient;
import io.linia.support.ApiFixtures;
import io.linia.support.ApiResponse;
import io.linia.support.WebSession;
import io.linia.training.attestation.AttemptStatus;
import io.linia.training.attestation.Attempt;
import io.linia.training.attestation.AttestationDefinition;
import io.linia.training.attestation.AttestationDefinitions;
import io.linia.training.attestation.AttestationDefinitions.QuestionCommand;
import io.linia.training.attestation.Attestations;
import io.linia.training.attestation.QuestionKind;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Attestation through the API and the pages over real HTTP: no right answer reaches the browser before submission,
 * problems name their field, forms refuse bad input next to the field and change nothing, the trainer grades by the rubric.
 */
@TrainingTest
class AttestationWebTest {

    /** The accepted short answer and the right option: neither may appear in what the trainee gets before submitting. */
    private static final String SECRET_ANSWER = "Секретный-ответ-4417";
    private static final String RIGHT_OPTION = "Верный-вариант-9902";

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
    @Autowired
    Enrolments enrolments;
    @Autowired
    AttestationDefinitions definitions;
    @Autowired
    Attestations attestations;

    ApiFixtures api;
    TrainingFixtures fx;
    Actor trainer;

    @BeforeEach
    void setUp() {
        clock.set(Instant.parse("2026-11-23T07:00:00Z"));
        api = new ApiFixtures(port, administration, users);
        fx = new TrainingFixtures(administration, users, knowledge, programmes);
        trainer = fx.actor("trainer");
    }

    private static void problem(ApiResponse r, int status, String field) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.mediaType()).isEqualTo("application/problem+json");
        if (field != null) {
            assertThat(r.json().path("field").asText()).as(r.toString()).isEqualTo(field);
        }
    }

    /** Two questions: a single choice whose right option is the second, a short answer with a secret accepted answer. */
    private ProgrammeView programme(String name) {
        ProgrammeView p = fx.create(fx.attestationOnly(name, TargetKind.ROTATION, null, null));
        definitions.addQuestion(trainer, p.id(), new QuestionCommand(QuestionKind.SINGLE, "Выберите верный вариант",
                List.of("Неверный вариант", RIGHT_OPTION, "Ещё неверный"), List.of(2), null, null, 1));
        definitions.addQuestion(trainer, p.id(), new QuestionCommand(QuestionKind.SHORT, "Назовите пароль дня",
                null, null, List.of(SECRET_ANSWER), null, 1));
        definitions.saveSettings(trainer, p.id(), new AttestationDefinitions.Settings(2, 15, 100, 60, 50));
        return p;
    }

    private UserRef enrol(ProgrammeView p, String name) {
        UserRef agent = fx.newAgent(name);
        enrolments.enrol(fx.actor("lead"), new EnrolmentCommand(p.id(), agent.id(), trainer.id(), null));
        return agent;
    }

    private long enrolmentOf(UserRef agent) {
        return enrolments.mine(users.user(agent.id()).orElseThrow().toActor()).get(0).id();
    }

    private static void noAnswersIn(String text) {
        assertThat(text).doesNotContain(SECRET_ANSWER).doesNotContain("\"correct\"").doesNotContain("\"accepted\"")
                .doesNotContain("\"right\":true").doesNotContain("\"right\":false").doesNotContain("item-right").doesNotContain("item-wrong");
    }

    @Test
    void theApiNeverSendsRightAnswersBeforeSubmissionAndNamesTheFieldOfBadInput() {
        ProgrammeView p = programme("API — аттестация");
        ApiClient editor = api.as("trainer");
        String base = "/api/v1/training/attestation/programmes/" + p.id();
        problem(editor.post(base + "/questions", body("kind", "SINGLE", "text", "Один вариант", "options", List.of("да"), "correct", List.of(1))),
                400, "options");
        problem(editor.post(base + "/questions", body("kind", "ESSAY", "text", "?")), 400, null);
        problem(editor.put(base + "/settings", body("passMark", 0)), 400, "passMark");
        problem(editor.post(base + "/tasks", body("title", "Задание", "text", "Текст", "criteria", List.of(body("text", "Критерий")))),
                400, "criteria[0].maxPoints");
        assertThat(editor.get(base).json().path("passMark").asInt()).as("nothing changed").isEqualTo(100);
        assertThat(editor.get(base).json().path("questions")).hasSize(2);
        assertThat(editor.get(base).text()).as("editors see the keys").contains(SECRET_ANSWER);

        UserRef agent = enrol(p, "Стажёр API Аттестации");
        long enrolment = enrolmentOf(agent);
        ApiClient me = api.as(agent.login());
        problem(me.get(base), 403, null);
        problem(api.as("trainer").post("/api/v1/training/attestation/enrolments/" + enrolment + "/attempts", null), 403, null);
        ApiResponse started = me.post("/api/v1/training/attestation/enrolments/" + enrolment + "/attempts", null);
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        noAnswersIn(started.text());
        assertThat(started.text()).contains(RIGHT_OPTION); // the options are shown, which of them is right is not
        long attempt = started.json().path("id").asLong();
        noAnswersIn(me.get("/api/v1/training/attestation/attempts/" + attempt).text());
        ApiResponse during = me.get("/api/v1/training/attestation/enrolments/" + enrolment);
        noAnswersIn(during.text());
        // why no attempt may start now: the key for programs and the text for people
        assertThat(during.json().path("mayStart").asBoolean()).isFalse();
        assertThat(during.json().path("blockedBy").asText()).isEqualTo("attestation.error.attemptOpen");
        assertThat(during.json().path("blockedReason").asText()).isNotBlank().doesNotContain("attestation.error");
        assertThat(during.json().path("programmeName").isMissingNode()).isFalse();
        problem(me.post("/api/v1/training/attestation/enrolments/" + enrolment + "/attempts", null), 409, null);

        Map<String, String> answers = new HashMap<>();
        for (JsonNode item : started.json().path("items")) {
            String position = item.path("position").asText();
            if (item.path("kind").asText().equals("SHORT")) {
                answers.put(position, "неверно");
            } else {
                problem(me.put("/api/v1/training/attestation/attempts/" + attempt + "/answers", body("answers", Map.of(position, "9"))),
                        400, "answers[" + position + "]");
                answers.put(position, "2");
            }
        }
        ApiResponse saved = me.put("/api/v1/training/attestation/attempts/" + attempt + "/answers", body("answers", answers));
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        noAnswersIn(saved.text());
        ApiResponse submitted = me.post("/api/v1/training/attestation/attempts/" + attempt + "/submit", body());
        assertThat(submitted.json().path("status").asText()).isEqualTo("FAILED");
        assertThat(submitted.json().path("score").decimalValue()).isEqualByComparingTo("50");
        assertThat(submitted.text()).contains("\"right\":true", "\"right\":false").doesNotContain(SECRET_ANSWER);

        ApiResponse retake = me.post("/api/v1/training/attestation/enrolments/" + enrolment + "/attempts", null);
        problem(retake, 409, null);
        assertThat(retake.json().path("retakeFrom").asText()).isEqualTo(clock.instant().plus(Duration.ofHours(1)).toString());
        assertThat(retake.json().path("detail").asText()).contains("23.11.2026 11:00");
        JsonNode paused = me.get("/api/v1/training/attestation/enrolments/" + enrolment).json();
        assertThat(paused.path("blockedBy").asText()).isEqualTo("attestation.error.retakePause");
        assertThat(paused.path("blockedReason").asText()).contains("23.11.2026 11:00");
        problem(api.as("l1b").get("/api/v1/training/attestation/attempts/" + attempt), 404, null);
    }

    @Test
    void theTraineeTakesTheAttestationOnThePageWithoutSeeingAnswersUntilSubmitted() {
        ProgrammeView p = programme("Страница — аттестация");
        UserRef agent = enrol(p, "Стажёр Страницы");
        long enrolment = enrolmentOf(agent);
        WebSession me = WebSession.signedIn(port, agent.login());
        String before = me.get("/agent/training/enrolments/" + enrolment + "/attestation").body();
        assertThat(before).contains("id=\"start-attempt\"", "Вопросов в попытке: 2, время: 15 мин, проходной балл: 100%");
        noAnswersIn(before);
        assertThat(me.get("/agent/training/enrolments/" + enrolment).body()).contains("id=\"attestation-link\"");

        HttpResponse<String> start = me.post("/agent/training/enrolments/" + enrolment + "/attestation/start", Map.of());
        assertThat(start.statusCode()).isEqualTo(302);
        String page = me.get("/agent/training/enrolments/" + enrolment + "/attestation").body();
        assertThat(page).contains("id=\"attempt-form\"", "id=\"attestation-timer\"", "Назовите пароль дня", RIGHT_OPTION,
                "data-deadline=\"" + clock.instant().plus(Duration.ofMinutes(15)).toEpochMilli() + "\"");
        noAnswersIn(page);
        Attempt open = attestations.page(users.user(agent.id()).orElseThrow().toActor(), enrolment).open();
        Map<String, String> form = new HashMap<>();
        for (Attempt.Item i : open.items()) {
            form.put("q" + i.position(), i.kind() == QuestionKind.SHORT ? "  " + SECRET_ANSWER.toUpperCase() + " " : "2");
        }
        HttpResponse<String> autosave = me.htmxPost("/agent/training/attestation/attempts/" + open.id() + "/save", form);
        assertThat(autosave.statusCode()).isEqualTo(200);
        assertThat(autosave.body()).contains("Сохранено в 10:00");
        Map<String, String> bad = new HashMap<>(form);
        Attempt.Item choice = open.items().stream().filter(i -> i.kind() == QuestionKind.SINGLE).findFirst().orElseThrow();
        bad.put("q" + choice.position(), "7");
        HttpResponse<String> refused = me.post("/agent/training/attestation/attempts/" + open.id() + "/save", bad);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Выберите вариант из предложенных", "invalid-feedback d-block");
        assertThat(attestations.attempt(trainer, open.id()).answered()).as("the saved answers stay").isEqualTo(2);

        assertThat(me.post("/agent/training/attestation/attempts/" + open.id() + "/submit", form).statusCode()).isEqualTo(302);
        String result = me.get("/agent/training/enrolments/" + enrolment + "/attestation").body();
        assertThat(result).contains("attempt-status", "сдана", "item-right").doesNotContain("item-wrong").doesNotContain("id=\"start-attempt\"");
        assertThat(enrolments.enrolment(trainer, enrolment).status()).isEqualTo(EnrolmentStatus.COMPLETED);
    }

    @Test
    void theEditorRefusesBadInputNextToTheFieldAndTheTrainerGradesThePracticalTaskOnItsPage() {
        ProgrammeView p = programme("Страница — редактор");
        WebSession editor = WebSession.signedIn(port, "trainer");
        String page = editor.get("/agent/training/programmes/" + p.id() + "/attestation").body();
        assertThat(page).contains("id=\"settings-form\"", "id=\"question-form\"", SECRET_ANSWER);
        assertThat(editor.get("/agent/training/programmes/" + p.id()).body()).contains("id=\"attestation-editor\"");
        HttpResponse<String> badSettings = editor.post("/agent/training/programmes/" + p.id() + "/attestation/settings",
                Map.of("questionCount", "2", "timeLimitMinutes", "15", "passMark", "сто", "retakePauseMinutes", "60", "practicalWeight", "50"));
        assertThat(badSettings.statusCode()).isEqualTo(400);
        assertThat(badSettings.body()).contains("Введите целое число", "is-invalid");
        HttpResponse<String> badQuestion = editor.post("/agent/training/programmes/" + p.id() + "/attestation/questions",
                Map.of("kind", "MULTIPLE", "text", "Что верно?", "options", "да\nнет", "correct", "3"));
        assertThat(badQuestion.statusCode()).isEqualTo(400);
        assertThat(badQuestion.body()).contains("Номер верного варианта — от 1 до 2");
        HttpResponse<String> badTask = editor.post("/agent/training/programmes/" + p.id() + "/attestation/tasks",
                Map.of("title", "Три заявки", "text", "Ответьте на заявки", "criteria", "Вежливость | 4\nТочность"));
        assertThat(badTask.statusCode()).isEqualTo(400);
        assertThat(badTask.body()).contains("Строка 2");
        AttestationDefinition unchanged = definitions.definition(trainer, p.id());
        assertThat(unchanged.passMark()).isEqualTo(100);
        assertThat(unchanged.questions()).hasSize(2);
        assertThat(unchanged.tasks()).isEmpty();
        assertThat(editor.post("/agent/training/programmes/" + p.id() + "/attestation/tasks",
                Map.of("title", "Три заявки", "text", "Ответьте на заявки", "criteria", "Вежливость | 4\nТочность | 6")).statusCode()).isEqualTo(302);
        assertThat(editor.post("/agent/training/programmes/" + p.id() + "/attestation/settings",
                Map.of("questionCount", "2", "timeLimitMinutes", "15", "passMark", "60", "retakePauseMinutes", "60", "practicalWeight", "50"))
                .statusCode()).isEqualTo(302);
        AttestationDefinition.Question shortOne = definitions.definition(trainer, p.id()).questions().stream()
                .filter(q -> q.kind() == QuestionKind.SHORT).findFirst().orElseThrow();
        String editing = editor.get("/agent/training/programmes/" + p.id() + "/attestation?edit=" + shortOne.id()).body();
        assertThat(editing).contains("/attestation/questions/" + shortOne.id() + "\"", "Назовите пароль дня");
        HttpResponse<String> badChange = editor.post("/agent/training/programmes/" + p.id() + "/attestation/questions/" + shortOne.id(),
                Map.of("kind", "SHORT", "text", "Назовите пароль дня", "accepted", " ", "weight", "1"));
        assertThat(badChange.statusCode()).isEqualTo(400);
        assertThat(badChange.body()).contains("/attestation/questions/" + shortOne.id() + "\"", "Укажите от 1 до 20 принимаемых ответов");
        assertThat(editor.post("/agent/training/programmes/" + p.id() + "/attestation/questions/" + shortOne.id(),
                Map.of("kind", "SHORT", "text", "Назовите пароль недели", "accepted", SECRET_ANSWER, "weight", "1")).statusCode()).isEqualTo(302);
        assertThat(definitions.definition(trainer, p.id()).questions()).extracting(AttestationDefinition.Question::text)
                .containsExactlyInAnyOrder("Выберите верный вариант", "Назовите пароль недели");
        AttestationDefinition d = definitions.definition(trainer, p.id());
        assertThat(d.tasks()).singleElement().satisfies(t -> assertThat(t.maxPoints()).isEqualTo(10));
        assertThat(d.passMark()).isEqualTo(60);
        assertThat(WebSession.signedIn(port, "l1").get("/agent/training/programmes/" + p.id() + "/attestation").statusCode()).isEqualTo(403);

        UserRef agent = enrol(p, "Стажёр Практики Страницы");
        Actor me = users.user(agent.id()).orElseThrow().toActor();
        long enrolment = enrolmentOf(agent);
        Attempt a = attestations.start(me, enrolment);
        Map<Integer, String> answers = new HashMap<>();
        a.items().forEach(i -> answers.put(i.position(), i.kind() == QuestionKind.SHORT ? SECRET_ANSWER : "2"));
        attestations.submit(me, a.id(), answers, Map.of(1, "Ответ на первую заявку…"));
        assertThat(editor.get("/agent/training/attestation/grading").body()).contains("awaiting-" + a.id(), "Стажёр Практики Страницы");
        String grading = editor.get("/agent/training/attestation/attempts/" + a.id()).body();
        assertThat(grading).contains("id=\"grade-form\"", "Ответ на первую заявку…");
        List<AttestationDefinition.Criterion> criteria = d.tasks().get(0).criteria();
        String polite = "points[" + criteria.get(0).id() + "]";
        String exact = "points[" + criteria.get(1).id() + "]";
        HttpResponse<String> tooMany = editor.post("/agent/training/attestation/attempts/" + a.id() + "/grade", Map.of(polite, "5", exact, "6"));
        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(tooMany.body()).contains("Баллы — целое число от 0 до 4", "is-invalid");
        assertThat(attestations.attempt(trainer, a.id()).status()).isEqualTo(AttemptStatus.AWAITING_GRADING);
        assertThat(WebSession.signedIn(port, agent.login()).get("/agent/training/attestation/attempts/" + a.id()).body())
                .doesNotContain("id=\"grade-form\"");
        assertThat(editor.post("/agent/training/attestation/attempts/" + a.id() + "/grade", Map.of(polite, "2", exact, "3", "note", "Неплохо"))
                .statusCode()).isEqualTo(302);
        Attempt graded = attestations.attempt(trainer, a.id());
        // test 100 × 0.5 + practical 50 × 0.5 = 75 ≥ 60
        assertThat(graded.score()).isEqualByComparingTo("75");
        assertThat(graded.status()).isEqualTo(AttemptStatus.PASSED);
        assertThat(enrolments.enrolment(trainer, enrolment).status()).isEqualTo(EnrolmentStatus.COMPLETED);
    }

    @Test
    void theOpenApiDocumentDescribesTheAttestationApi() {
        JsonNode paths = api.anonymous().get("/v3/api-docs").json().path("paths");
        assertThat(paths.has("/api/v1/training/attestation/enrolments/{id}/attempts")).isTrue();
        assertThat(paths.has("/api/v1/training/attestation/attempts/{id}/answers")).isTrue();
        assertThat(paths.has("/api/v1/training/attestation/attempts/{id}/grade")).isTrue();
        assertThat(paths.has("/api/v1/training/attestation/programmes/{id}/questions")).isTrue();
    }

    @Test
    void theDemoTraineeAtTheAttestationStageCanTakeTheSeededAttestation() {
        WebSession trainee = WebSession.signedIn(port, "trainee5");
        EnrolmentView e = enrolments.mine(fx.actor("trainee5")).get(0);
        AttestationDefinition d = definitions.definition(trainer, e.programmeId());
        assertThat(d.questions()).hasSize(10).allMatch(q -> q.articleId() != null);
        assertThat(d.tasks()).singleElement().satisfies(t -> assertThat(t.text()).contains("ящик заблокирован"));
        String page = trainee.get("/agent/training/enrolments/" + e.id() + "/attestation").body();
        assertThat(page).contains("Вопросов в попытке: 8, время: 20 мин, проходной балл: 80%");
        if (page.contains("id=\"start-attempt\"")) {
            assertThat(trainee.post("/agent/training/enrolments/" + e.id() + "/attestation/start", Map.of()).statusCode()).isEqualTo(302);
        }
        String open = trainee.get("/agent/training/enrolments/" + e.id() + "/attestation").body();
        assertThat(open).contains("id=\"attempt-form\"", "Ответы на три обезличенные заявки");
        assertThat(attestations.page(fx.actor("trainee5"), e.id()).open().items()).hasSize(8);
        for (AttestationDefinition.Question q : d.questions()) {
            if (q.kind() == QuestionKind.SHORT) {
                assertThat(open).doesNotContain("pool-key");
            }
        }
    }
}
