package io.linia.training;

import static org.assertj.core.api.Assertions.assertThat;

import io.linia.accounts.UserAdministration;
import io.linia.accounts.UserDirectory;
import io.linia.accounts.UserRef;
import io.linia.knowledge.KnowledgeBase;
import io.linia.support.WebSession;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The training pages over HTTP with the demo's programme and trainees: each role sees its page, forms refuse bad input at the field. */
@TrainingTest
class TrainingPagesTest {

    @LocalServerPort
    int port;
    @Autowired
    TrainingTest.TrainingClock clock;
    @Autowired
    Enrolments enrolments;
    @Autowired
    TrainingProgrammes programmes;
    @Autowired
    UserAdministration administration;
    @Autowired
    UserDirectory users;
    @Autowired
    KnowledgeBase knowledge;
    @Autowired
    Certifications certifications;

    @BeforeEach
    void setUp() {
        clock.set(Instant.parse("2026-11-23T07:00:00Z"));
    }

    private ProgrammeView demoProgramme() {
        return programmes.programmes(users.userByLogin("trainer").orElseThrow().toActor()).stream()
                .filter(p -> p.name().equals("Первая линия: обучение новичка")).findFirst().orElseThrow();
    }

    @Test
    void theDemoHasOneTraineeInEachStageAndTheLeadSeesThemAll() {
        WebSession lead = WebSession.signedIn(port, "lead");
        String overview = lead.get("/agent/training/overview").body();
        assertThat(overview).contains("id=\"new-enrolment\"", "Екатерина Белова", "Никита Зайцев", "Алина Павлова", "Роман Козлов", "Юлия Фёдорова");
        for (int i = 1; i <= 5; i++) {
            long id = users.userByLogin("trainee" + i).orElseThrow().id();
            EnrolmentView e = enrolments.mine(users.user(id).orElseThrow().toActor()).get(0);
            assertThat(e.currentPosition()).as("trainee" + i).isEqualTo(i);
            assertThat(e.programmeName()).isEqualTo("Первая линия: обучение новичка");
        }
        ProgrammeView p = demoProgramme();
        assertThat(p.stages()).extracting(ProgrammeView.StageView::kind).containsExactly(StageKind.values());
        assertThat(p.stages().get(0).materials()).extracting(ProgrammeView.MaterialView::title)
                .contains("Памятка первой линии: клиент не может войти в почту");
        assertThat(p.stages().get(2).minimumAmount()).isEqualTo(10);
        assertThat(p.stages().get(3).minimumAmount()).isEqualTo(30);
        assertThat(lead.get("/agent/training/rotation").body()).contains("Полгода во второй линии", "enrol-due");
        assertThat(lead.get("/agent/training/certifications").statusCode()).isEqualTo(200);
        assertThat(lead.get("/agent/training").body()).contains("id=\"nav-training\"");
    }

    @Test
    void theTraineeReadsAMaterialAndTheTrainerSeesTheirTrainees() {
        WebSession trainee = WebSession.signedIn(port, "trainee1");
        String mine = trainee.get("/agent/training").body();
        assertThat(mine).contains("Моё обучение", "Первая линия: обучение новичка");
        EnrolmentView e = enrolments.mine(users.userByLogin("trainee1").orElseThrow().toActor()).get(0);
        String page = trainee.get("/agent/training/enrolments/" + e.id()).body();
        long material = e.stages().get(0).materials().get(1).materialId();
        assertThat(page).contains("/agent/training/enrolments/" + e.id() + "/materials/" + material);
        HttpResponse<String> read = trainee.get("/agent/training/enrolments/" + e.id() + "/materials/" + material);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).contains("id=\"material-article\"", "id=\"mark-done\"", "hx-trigger=\"every 30s\"");
        clock.advance(java.time.Duration.ofSeconds(25));
        HttpResponse<String> beat = trainee.htmxPost("/agent/training/enrolments/" + e.id() + "/materials/" + material + "/heartbeat", Map.of());
        assertThat(beat.statusCode()).isEqualTo(200);
        assertThat(beat.body()).contains("id=\"spent\"", "25 с");
        HttpResponse<String> done = trainee.post("/agent/training/enrolments/" + e.id() + "/materials/" + material + "/done", Map.of());
        assertThat(done.statusCode()).isEqualTo(302);
        assertThat(enrolments.enrolment(users.userByLogin("lead").orElseThrow().toActor(), e.id()).stages().get(0).materials().get(1).doneAt())
                .isNotNull();
        // another agent cannot open it
        assertThat(WebSession.signedIn(port, "l1b").get("/agent/training/enrolments/" + e.id()).statusCode()).isEqualTo(404);

        WebSession trainer = WebSession.signedIn(port, "trainer");
        assertThat(trainer.get("/agent/training/trainees").body()).contains("Екатерина Белова", "Юлия Фёдорова");
        EnrolmentView second = enrolments.mine(users.userByLogin("trainee2").orElseThrow().toActor()).get(0);
        String session = trainer.get("/agent/training/enrolments/" + second.id()).body();
        assertThat(session).contains("class=\"btn btn-outline-success btn-sm tick\"");
        long item = second.stages().get(1).checklist().get(2).itemId();
        assertThat(trainer.post("/agent/training/enrolments/" + second.id() + "/tick/" + item, Map.of()).statusCode()).isEqualTo(302);
        assertThat(trainer.get("/agent/training/enrolments/" + second.id()).body()).contains("id=\"flash-success\"");
    }

    @Test
    void theEnrolFormRefusesAtTheFieldAndEnrols() {
        WebSession lead = WebSession.signedIn(port, "lead");
        ProgrammeView p = demoProgramme();
        UserRef agent = new TrainingFixtures(administration, users, knowledge, programmes).newAgent("Новичок Из Формы");
        assertThat(lead.get("/agent/training/enrol").statusCode()).isEqualTo(200);
        HttpResponse<String> bad = lead.post("/agent/training/enrol", Map.of("programmeId", String.valueOf(p.id()),
                "traineeId", String.valueOf(agent.id())));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("id=\"trainerId-error\">Выберите тренера");
        long trainer = users.userByLogin("trainer").orElseThrow().id();
        HttpResponse<String> ok = lead.post("/agent/training/enrol", Map.of("programmeId", String.valueOf(p.id()),
                "traineeId", String.valueOf(agent.id()), "trainerId", String.valueOf(trainer)));
        assertThat(ok.statusCode()).isEqualTo(302);
        assertThat(ok.headers().firstValue("Location").orElse("")).contains("/agent/training/enrolments/");
        assertThat(WebSession.signedIn(port, "trainer").get("/agent/training/enrol").statusCode()).isEqualTo(403);
    }

    @Test
    void trainersEditProgrammesInTheEditorAndOthersOnlyRead() {
        WebSession trainer = WebSession.signedIn(port, "trainer");
        assertThat(trainer.get("/agent/training/programmes/new").statusCode()).isEqualTo(200);
        long article = new TrainingFixtures(administration, users, knowledge, programmes).articles(1).get(0).id();
        HttpResponse<String> noTitle = trainer.post("/agent/training/programmes", Map.of("name", "Веб — форма", "target", "FIRST_LINE",
                "kind", "STUDY", "title", "", "suggestedDays", "3", "materials", "article " + article));
        assertThat(noTitle.statusCode()).isEqualTo(400);
        assertThat(noTitle.body()).contains("id=\"new-title-error\">Обязательное поле");
        HttpResponse<String> badLine = trainer.post("/agent/training/programmes", Map.of("name", "Веб — форма", "target", "FIRST_LINE",
                "kind", "STUDY", "title", "Изучение", "suggestedDays", "3", "materials", "статья про пароли"));
        assertThat(badLine.statusCode()).isEqualTo(400);
        assertThat(badLine.body()).contains("id=\"new-materials-error\">Не понял строку");
        HttpResponse<String> created = trainer.post("/agent/training/programmes", Map.of("name", "Форма — первая линия", "target", "FIRST_LINE",
                "validityMonths", "12", "kind", "STUDY", "title", "Изучение", "suggestedDays", "3", "materials", "article " + article + " | Памятка"));
        assertThat(created.statusCode()).isEqualTo(302);
        String location = created.headers().firstValue("Location").orElseThrow();
        long id = Long.parseLong(location.replaceAll(".*/programmes/(\\d+).*", "$1"));
        String page = trainer.get("/agent/training/programmes/" + id).body();
        assertThat(page).contains("id=\"settings-form\"", "Памятка");

        HttpResponse<String> noMinimum = trainer.post("/agent/training/programmes/" + id + "/stages", Map.of("kind", "SHADOWING",
                "title", "Наблюдение", "suggestedDays", "2", "minimumUnit", "TICKETS"));
        assertThat(noMinimum.statusCode()).isEqualTo(400);
        assertThat(noMinimum.body()).contains("id=\"add-minimumAmount-error\">Укажите минимум");
        assertThat(trainer.post("/agent/training/programmes/" + id + "/stages", Map.of("kind", "TRAINER_SESSION",
                "title", "Встреча", "suggestedDays", "2", "checklist", "Первый пункт\nВторой пункт")).statusCode()).isEqualTo(302);
        ProgrammeView saved = programmes.programme(users.userByLogin("trainer").orElseThrow().toActor(), id);
        assertThat(saved.stages()).extracting(ProgrammeView.StageView::kind).containsExactly(StageKind.STUDY, StageKind.TRAINER_SESSION);
        assertThat(saved.stages().get(1).checklist()).extracting(ProgrammeView.ChecklistItemView::text).containsExactly("Первый пункт", "Второй пункт");
        assertThat(trainer.postMultipart("/agent/training/programmes/" + id + "/stages/0/document", Map.of(), "file", "Регламент.pdf",
                "application/pdf", "%PDF-1.4 test".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)).statusCode()).isEqualTo(302);
        assertThat(programmes.programme(users.userByLogin("trainer").orElseThrow().toActor(), id).stages().get(0).materials())
                .extracting(ProgrammeView.MaterialView::title).containsExactly("Памятка", "Регламент.pdf");

        WebSession lead = WebSession.signedIn(port, "lead");
        assertThat(lead.get("/agent/training/programmes/" + id).body()).doesNotContain("id=\"settings-form\"");
        assertThat(lead.post("/agent/training/programmes/" + id + "/stages/0/remove", Map.of()).statusCode()).isEqualTo(403);
    }

    @Test
    void theHistoryPageExportsCsvAndThePagesSpeakEnglish() {
        WebSession trainee = WebSession.signedIn(port, "trainee5");
        long me = users.userByLogin("trainee5").orElseThrow().id();
        String history = trainee.get("/agent/training/history/" + me).body();
        assertThat(history).contains("История обучения: Юлия Фёдорова", "id=\"history-csv\"");
        HttpResponse<String> csv = trainee.get("/agent/training/history/" + me + "/csv");
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.body()).startsWith(TrainingHistory.CSV_HEADER).contains(",SUPERVISED_WORK,Работа под контролем тренера,");
        Matcher lines = Pattern.compile("\r\n").matcher(csv.body());
        int n = 0;
        while (lines.find()) {
            n++;
        }
        assertThat(n).isEqualTo(6);
        assertThat(WebSession.signedIn(port, "l1b").get("/agent/training/history/" + me).statusCode()).isEqualTo(404);
        assertThat(trainee.get("/agent/training?lang=en").body()).contains("My training", "Training");
    }

    @Test
    void theLeadMovesADeadlineAndRevokesACertificationOnThePages() {
        io.linia.accounts.Actor lead = users.userByLogin("lead").orElseThrow().toActor();
        io.linia.accounts.Actor trainerActor = users.userByLogin("trainer").orElseThrow().toActor();
        TrainingFixtures fx = new TrainingFixtures(administration, users, knowledge, programmes);
        ProgrammeView p = fx.create(fx.attestationOnly("Страница — сертификат", TargetKind.FIRST_LINE, null, 6));
        UserRef agent = fx.newAgent("Сертифицированный Со Страницы");
        EnrolmentView e = enrolments.enrol(lead, new EnrolmentCommand(p.id(), agent.id(), trainerActor.id(), null));

        WebSession web = WebSession.signedIn(port, "lead");
        assertThat(web.get("/agent/training/enrolments/" + e.id()).body()).contains("name=\"dueDate\"", "Сертифицированный Со Страницы");
        assertThat(web.post("/agent/training/enrolments/" + e.id() + "/due/1", Map.of("dueDate", "2026-12-20")).statusCode()).isEqualTo(302);
        assertThat(enrolments.enrolment(lead, e.id()).stages().get(0).dueDate()).isEqualTo(java.time.LocalDate.of(2026, 12, 20));
        assertThat(web.get("/agent/training/enrolments/" + e.id()).body()).contains("id=\"flash-success\"");
        web.post("/agent/training/enrolments/" + e.id() + "/due/1", Map.of("dueDate", "2020-01-01"));
        assertThat(web.get("/agent/training/enrolments/" + e.id()).body()).contains("id=\"flash-problem\"");
        assertThat(enrolments.enrolment(lead, e.id()).stages().get(0).dueDate()).isEqualTo(java.time.LocalDate.of(2026, 12, 20));

        WebSession trainer = WebSession.signedIn(port, "trainer");
        trainer.get("/agent/training/enrolments/" + e.id());
        assertThat(trainer.post("/agent/training/enrolments/" + e.id() + "/attestation", Map.of("score", "88,5", "passed", "true")).statusCode())
                .isEqualTo(302);
        assertThat(enrolments.enrolment(lead, e.id()).status()).isEqualTo(EnrolmentStatus.COMPLETED);

        String register = web.get("/agent/training/certifications").body();
        long cert = certifications.of(agent.id()).get(0).id();
        assertThat(register).contains("id=\"cert-" + cert + "\"");
        assertThat(register).contains("Сертифицированный Со Страницы");
        web.post("/agent/training/certifications/" + cert + "/revoke", Map.of("reason", ""));
        assertThat(web.get("/agent/training/certifications").body()).contains("id=\"flash-problem\"");
        assertThat(web.post("/agent/training/certifications/" + cert + "/revoke", Map.of("reason", "Повторная проверка")).statusCode()).isEqualTo(302);
        assertThat(web.get("/agent/training/certifications").body()).contains("Повторная проверка");
        assertThat(web.get("/agent/training/history/" + agent.id()).body()).contains("88.5", "Повторная проверка");
    }
}
