package io.linia.training;

import static io.linia.support.ApiClient.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.linia.accounts.Actor;
import io.linia.accounts.Role;
import io.linia.accounts.UserAdministration;
import io.linia.accounts.UserDirectory;
import io.linia.accounts.UserRef;
import io.linia.knowledge.KnowledgeBase;
import io.linia.routing.RoutingDirectory;
import io.linia.shared.DomainException;
import io.linia.support.ApiClient;
import io.linia.support.ApiFixtures;
import io.linia.support.ApiResponse;
import io.linia.support.WebSession;
import io.linia.tickets.AgentWork;
import io.linia.tickets.Channel;
import io.linia.tickets.MessageKind;
import io.linia.tickets.TicketAction;
import io.linia.tickets.TicketCommands;
import io.linia.tickets.TicketPresence;
import io.linia.tickets.TicketService;
import io.linia.tickets.TicketView;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Shadowing: the trainee watches their own trainer's ticket work while in the shadowing stage, reads those tickets
 * without being able to act on them, asks questions the trainer answers; watching counts towards the stage.
 */
@TrainingTest
class ShadowingTest {

    @LocalServerPort
    int port;
    @Autowired
    TrainingTest.TrainingClock clock;
    @Autowired
    Shadowing shadowing;
    @Autowired
    Enrolments enrolments;
    @Autowired
    TrainingProgrammes programmes;
    @Autowired
    TrainingProgress progress;
    @Autowired
    UserAdministration administration;
    @Autowired
    UserDirectory users;
    @Autowired
    KnowledgeBase knowledge;
    @Autowired
    TicketService tickets;
    @Autowired
    TicketPresence presence;
    @Autowired
    RoutingDirectory routing;

    TrainingFixtures fx;

    @BeforeEach
    void setUp() {
        clock.set(Instant.parse("2026-11-23T07:00:00Z"));
        fx = new TrainingFixtures(administration, users, knowledge, programmes);
    }

    record Pair(UserRef trainer, UserRef trainee, EnrolmentView enrolment) {
        Actor trainerActor() {
            return trainer.toActor();
        }

        Actor traineeActor() {
            return trainee.toActor();
        }
    }

    private long web() {
        return routing.groupByCode("web").orElseThrow().id();
    }

    /** A second-line trainer of the web group and a new first-line trainee in the shadowing stage (the programme's first). */
    private Pair shadowingPair(int minimum, MinimumUnit unit) {
        UserRef trainer = fx.newUser("Тренер " + UUID.randomUUID().toString().substring(0, 4), Set.of(Role.TRAINER, Role.AGENT_L2), Set.of(web()));
        UserRef trainee = fx.newAgent("Стажёр " + UUID.randomUUID().toString().substring(0, 4));
        ProgrammeView p = fx.create(new ProgrammeCommand("Наблюдение " + UUID.randomUUID(), null, TargetKind.FIRST_LINE, null, null, true,
                List.of(new ProgrammeCommand.StageCommand(StageKind.SHADOWING, "Наблюдение", 3, minimum, unit, List.of(), List.of()),
                        new ProgrammeCommand.StageCommand(StageKind.ATTESTATION, "Аттестация", 2, null, null, List.of(), List.of()))));
        EnrolmentView e = enrolments.enrol(fx.actor("lead"), new EnrolmentCommand(p.id(), trainee.id(), trainer.id(), null));
        assertThat(e.current().orElseThrow().kind()).isEqualTo(StageKind.SHADOWING);
        return new Pair(trainer, trainee, e);
    }

    /** A ticket in the web group's second-line queue (a first-line trainee cannot see or work it). */
    private TicketView secondLineTicket(String subject) {
        Actor l1 = fx.actor("l1");
        TicketView t = tickets.create(l1, new TicketCommands.NewTicket(subject, "Клиент пишет: " + subject, ApiFixtures.uniqueEmail(),
                "Клиент", null, null), Channel.WEB);
        long category = routing.categoryByCode("folders-filters").orElseThrow().id();
        return tickets.escalate(l1, t.number(), new TicketCommands.Escalate(category, web(), null, t.version()));
    }

    private TicketView reply(Actor by, TicketView t, String text) {
        return tickets.reply(by, t.number(), new TicketCommands.Reply(text, tickets.get(by, t.number()).version(), null));
    }

    @Test
    void theFeedShowsTheTrainersRepliesNotesAndActionsInOrderAfterTheCursorAndNothingOfOtherAgents() {
        Pair p = shadowingPair(50, MinimumUnit.TICKETS);
        UserRef other = fx.newUser("Коллега", Set.of(Role.AGENT_L2), Set.of(web()));
        TicketView a = secondLineTicket("Не приходят письма " + UUID.randomUUID());
        TicketView b = secondLineTicket("Фильтр удаляет почту " + UUID.randomUUID());

        ShadowFeed empty = shadowing.watch(p.traineeActor(), null, null);
        assertThat(empty.steps()).isEmpty();
        assertThat(empty.cursor()).isZero();

        tickets.take(p.trainerActor(), a.number(), tickets.get(p.trainerActor(), a.number()).version());
        reply(other.toActor(), b, "Ответ коллеги, не тренера");
        ShadowFeed first = shadowing.watch(p.traineeActor(), null, empty.cursor());
        assertThat(first.steps()).extracting(AgentWork.Step::action).containsExactly(TicketAction.TAKE);
        assertThat(first.steps().get(0).number()).isEqualTo(a.number());

        clock.advance(Duration.ofSeconds(2));
        reply(p.trainerActor(), a, "Проверьте папку «Спам», пожалуйста.");
        tickets.addNote(p.trainerActor(), a.number(), new TicketCommands.Note("Клиент уже писал нам в прошлом месяце"));
        reply(other.toActor(), b, "Ещё ответ коллеги");
        clock.advance(Duration.ofSeconds(2));
        tickets.changePriority(p.trainerActor(), a.number(),
                new TicketCommands.ChangePriority(io.linia.tickets.Priority.HIGH, tickets.get(p.trainerActor(), a.number()).version()));

        ShadowFeed next = shadowing.watch(p.traineeActor(), null, first.cursor());
        assertThat(next.steps()).extracting(AgentWork.Step::action)
                .containsExactly(TicketAction.REPLY, TicketAction.ADD_NOTE, TicketAction.CHANGE_PRIORITY);
        assertThat(next.steps()).extracting(AgentWork.Step::text)
                .containsExactly("Проверьте папку «Спам», пожалуйста.", "Клиент уже писал нам в прошлом месяце", null);
        assertThat(next.steps()).extracting(AgentWork.Step::messageKind)
                .containsExactly(MessageKind.PUBLIC_REPLY, MessageKind.INTERNAL_NOTE, null);
        assertThat(next.steps()).allSatisfy(s -> assertThat(s.ticketId()).isEqualTo(a.id()));
        assertThat(next.cursor()).isGreaterThan(first.cursor());
        // nothing new after the last cursor; the latest steps without a cursor hold the trainer's only, oldest first
        assertThat(shadowing.watch(p.traineeActor(), null, next.cursor()).steps()).isEmpty();
        assertThat(shadowing.watch(p.traineeActor(), null, null).steps()).extracting(AgentWork.Step::action)
                .containsExactly(TicketAction.TAKE, TicketAction.REPLY, TicketAction.ADD_NOTE, TicketAction.CHANGE_PRIORITY);

        // the tickets the trainer has open now
        presence.report(p.trainerActor(), b.number(), false);
        assertThat(shadowing.watch(p.traineeActor(), null, next.cursor()).openNow()).extracting(AgentWork.OpenTicket::number)
                .containsExactly(b.number());
        clock.advance(Duration.ofSeconds(10));
        assertThat(shadowing.watch(p.traineeActor(), null, next.cursor()).openNow()).isEmpty();
    }

    @Test
    void theTraineeReadsTheShadowedTicketButCannotActOnIt() {
        Pair p = shadowingPair(50, MinimumUnit.TICKETS);
        TicketView a = secondLineTicket("Ящик переполнен " + UUID.randomUUID());
        reply(p.trainerActor(), a, "Удалите старые письма из корзины.");
        tickets.addNote(p.trainerActor(), a.number(), new TicketCommands.Note("Заметка тренера для своих"));
        int messages = tickets.get(p.trainerActor(), a.number()).messages().size();

        WebSession trainee = WebSession.signedIn(port, p.trainee().login());
        HttpResponse<String> page = trainee.get("/agent/training/shadowing/tickets/" + a.number());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(a.subject(), "Клиент пишет:", "Удалите старые письма из корзины.", "Заметка тренера для своих",
                "id=\"ask-form\"");
        // the only form on the ticket is the question; no ticket action is offered
        assertThat(page.body()).doesNotContain("/agent/tickets/" + a.number() + "/", "/api/v1/tickets/" + a.number(), "form-reply",
                "hx-post");

        // the normal pages and the API refuse the trainee, who could not work this ticket without shadowing
        assertThat(trainee.get("/agent/tickets/" + a.number()).statusCode()).isEqualTo(404);
        assertThat(trainee.post("/agent/tickets/" + a.number() + "/reply", Map.of("body", "Попытка ответить")).statusCode())
                .isIn(403, 404);
        ApiClient api = ApiClient.anonymous(port).basic(p.trainee().login());
        assertThat(api.post("/api/v1/tickets/" + a.number() + "/reply", body("body", "Попытка ответить")).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/tickets/" + a.number() + "/take", body()).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/tickets/" + a.number() + "/notes", body("body", "Попытка заметки")).status()).isEqualTo(404);
        TicketView after = tickets.get(p.trainerActor(), a.number());
        assertThat(after.messages()).hasSize(messages);
        assertThat(after.assigneeId()).isNull();

        // the shadow view grants nothing beyond the trainer's tickets
        TicketView untouched = secondLineTicket("Чужая заявка " + UUID.randomUUID());
        assertThat(trainee.get("/agent/training/shadowing/tickets/" + untouched.number()).statusCode()).isEqualTo(404);
        assertThat(api.get("/api/v1/training/shadowing/tickets/" + untouched.number()).status()).isEqualTo(404);
        JsonNode json = ApiFixtures.expect(api.get("/api/v1/training/shadowing/tickets/" + a.number()), 200);
        assertThat(json.get("subject").asText()).isEqualTo(a.subject());
        assertThat(json.get("messages")).hasSize(3);
    }

    @Test
    void onlyATraineeInTheShadowingStageWatchesAndOnlyTheirOwnTrainer() {
        Pair p = shadowingPair(50, MinimumUnit.TICKETS);
        Pair another = shadowingPair(50, MinimumUnit.TICKETS);
        ApiClient trainee = ApiClient.anonymous(port).basic(p.trainee().login());
        assertThat(trainee.get("/api/v1/training/shadowing/feed?trainerId=" + p.trainer().id()).status()).isEqualTo(200);
        ApiResponse otherTrainer = trainee.get("/api/v1/training/shadowing/feed?trainerId=" + another.trainer().id());
        assertThat(otherTrainer.status()).isEqualTo(403);
        assertThat(otherTrainer.mediaType()).isEqualTo("application/problem+json");

        // a trainee in the study stage, an agent without training, and the trainer themself
        ProgrammeView study = fx.create(fx.fiveStages("Пять этапов " + UUID.randomUUID(), TargetKind.FIRST_LINE, null, null));
        UserRef studying = fx.newAgent("Изучает");
        enrolments.enrol(fx.actor("lead"), new EnrolmentCommand(study.id(), studying.id(), p.trainer().id(), null));
        for (String login : List.of(studying.login(), fx.newAgent("Без обучения").login(), p.trainer().login())) {
            ApiResponse refused = ApiClient.anonymous(port).basic(login).get("/api/v1/training/shadowing/feed");
            assertThat(refused.status()).as(login).isEqualTo(403);
            assertThat(refused.mediaType()).isEqualTo("application/problem+json");
            assertThat(WebSession.signedIn(port, login).get("/agent/training/shadowing").statusCode()).as(login).isEqualTo(403);
        }
        assertThatThrownBy(() -> shadowing.watch(studying.toActor(), null, null)).isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).kind()).isEqualTo(DomainException.Kind.FORBIDDEN);

        // the page offers the live view to the shadowing trainee only
        assertThat(WebSession.signedIn(port, p.trainee().login()).get("/agent/training").body()).contains("id=\"tab-shadowing\"");
        assertThat(WebSession.signedIn(port, studying.login()).get("/agent/training").body()).doesNotContain("id=\"tab-shadowing\"");
    }

    @Test
    void aQuestionOnAWatchedTicketIsAnsweredByTheTrainerOnlyAndTheTraineeSeesTheAnswer() {
        Pair p = shadowingPair(50, MinimumUnit.TICKETS);
        Pair another = shadowingPair(50, MinimumUnit.TICKETS);
        TicketView a = secondLineTicket("Не отправляются письма " + UUID.randomUUID());
        reply(p.trainerActor(), a, "Проверьте настройки SMTP.");

        ApiClient trainee = ApiClient.anonymous(port).basic(p.trainee().login());
        ApiResponse blank = trainee.post("/api/v1/training/shadowing/tickets/" + a.number() + "/questions", body("question", "  "));
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.text()).contains("question");
        assertThat(trainee.post("/api/v1/training/shadowing/tickets/" + secondLineTicket("Чужая " + UUID.randomUUID()).number()
                + "/questions", body("question", "А здесь?")).status()).isEqualTo(404);
        JsonNode asked = ApiFixtures.expect(trainee.post("/api/v1/training/shadowing/tickets/" + a.number() + "/questions",
                body("question", "Почему сначала SMTP, а не пароль?")), 201);
        long id = asked.get("id").asLong();
        assertThat(asked.get("answeredAt").isNull()).isTrue();

        // the trainer sees it on the questions page with the badge
        WebSession trainerPage = WebSession.signedIn(port, p.trainer().login());
        String questions = trainerPage.get("/agent/training/questions").body();
        assertThat(questions).contains("Почему сначала SMTP, а не пароль?", "id=\"open-questions-badge\"", p.trainee().displayName());
        assertThat(shadowing.openQuestionCount(p.trainer().id())).isEqualTo(1);
        assertThat(trainerPage.get("/agent/training/trainees").body()).contains("id=\"questions-notice\"");

        // nobody else answers: another trainer, the trainee
        assertThat(ApiClient.anonymous(port).basic(another.trainer().login())
                .post("/api/v1/training/shadowing/questions/" + id + "/answer", body("answer", "Не мой")).status()).isEqualTo(404);
        assertThat(trainee.post("/api/v1/training/shadowing/questions/" + id + "/answer", body("answer", "Сам отвечу")).status())
                .isEqualTo(403);
        ApiClient trainer = ApiClient.anonymous(port).basic(p.trainer().login());
        ApiResponse emptyAnswer = trainer.post("/api/v1/training/shadowing/questions/" + id + "/answer", body("answer", ""));
        assertThat(emptyAnswer.status()).isEqualTo(400);
        assertThat(emptyAnswer.text()).contains("answer");
        assertThat(ApiFixtures.expect(trainer.get("/api/v1/training/shadowing/questions?role=trainer"), 200)).hasSize(1);

        HttpResponse<String> answered = trainerPage.post("/agent/training/questions/" + id + "/answer",
                Map.of("answer", "Пароль клиент уже менял; ошибка отправки — признак настроек SMTP."));
        assertThat(answered.statusCode()).isEqualTo(302);
        assertThat(shadowing.openQuestionCount(p.trainer().id())).isZero();
        assertThat(trainerPage.get("/agent/training/trainees").body()).doesNotContain("id=\"questions-notice\"");
        assertThat(trainer.post("/api/v1/training/shadowing/questions/" + id + "/answer", body("answer", "Ещё раз")).status())
                .isEqualTo(409);

        ShadowFeed feed = shadowing.watch(p.traineeActor(), null, null);
        assertThat(feed.questions()).singleElement().satisfies(q -> {
            assertThat(q.answered()).isTrue();
            assertThat(q.answer()).isEqualTo("Пароль клиент уже менял; ошибка отправки — признак настроек SMTP.");
            assertThat(q.answeredBy()).isEqualTo(p.trainer().displayName());
        });
        String live = WebSession.signedIn(port, p.trainee().login()).get("/agent/training/shadowing/live").body();
        assertThat(live).contains("Пароль клиент уже менял; ошибка отправки — признак настроек SMTP.", "Проверьте настройки SMTP.");
    }

    @Test
    void ticketsWatchedLiveCountOncePerTicketAndCompleteTheStageAtTheMinimum() {
        Pair p = shadowingPair(2, MinimumUnit.TICKETS);
        TicketView old = secondLineTicket("Старая работа " + UUID.randomUUID());
        reply(p.trainerActor(), old, "Ответ до начала наблюдения");
        clock.advance(Duration.ofMinutes(5));
        // the first poll starts the watching: work done before it does not count
        ShadowFeed start = shadowing.watch(p.traineeActor(), null, null);
        assertThat(start.steps()).hasSize(1);
        assertThat(start.ticketsCounted()).isZero();

        TicketView a = secondLineTicket("Первая " + UUID.randomUUID());
        TicketView b = secondLineTicket("Вторая " + UUID.randomUUID());
        clock.advance(Duration.ofSeconds(2));
        reply(p.trainerActor(), a, "Первый ответ");
        reply(p.trainerActor(), a, "Второй ответ на ту же заявку");
        ShadowFeed one = shadowing.watch(p.traineeActor(), null, start.cursor());
        assertThat(one.ticketsCounted()).isEqualTo(1);
        assertThat(one.stageComplete()).isFalse();
        assertThat(shadowing.watch(p.traineeActor(), null, null).ticketsCounted()).as("the same ticket counts once").isEqualTo(1);

        clock.advance(Duration.ofSeconds(2));
        presence.report(p.trainerActor(), b.number(), false);
        ShadowFeed two = shadowing.watch(p.traineeActor(), null, one.cursor());
        assertThat(two.ticketsCounted()).isEqualTo(2);
        assertThat(two.stageComplete()).isTrue();
        assertThat(progress.currentStage(p.trainee().id()).orElseThrow().kind()).isEqualTo(StageKind.ATTESTATION);
        assertThatThrownBy(() -> shadowing.watch(p.traineeActor(), null, null)).isInstanceOf(DomainException.class);
    }

    @Test
    void minutesOfOpenLiveViewCountAndAGapLongerThanTheCapDoesNot() {
        Pair p = shadowingPair(1, MinimumUnit.HOURS);
        shadowing.watch(p.traineeActor(), null, null);
        for (int i = 0; i < 60; i++) { // 30 minutes, polled every 30 s
            clock.advance(Duration.ofSeconds(30));
            shadowing.watch(p.traineeActor(), null, null);
        }
        clock.advance(Duration.ofHours(3)); // the tab closed: a gap longer than the cap counts nothing
        ShadowFeed back = shadowing.watch(p.traineeActor(), null, null);
        assertThat(back.minutesCounted()).isEqualTo(30);
        assertThat(back.stageComplete()).isFalse();
        for (int i = 0; i < 59; i++) {
            clock.advance(Duration.ofSeconds(30));
            shadowing.watch(p.traineeActor(), null, null);
        }
        clock.advance(Duration.ofSeconds(20));
        ShadowFeed almost = shadowing.watch(p.traineeActor(), null, null);
        assertThat(almost.minutesCounted()).as("59 min 50 s: the seconds short of a minute wait").isEqualTo(59);
        assertThat(almost.stageComplete()).isFalse();
        clock.advance(Duration.ofSeconds(10));
        ShadowFeed done = shadowing.watch(p.traineeActor(), null, null);
        assertThat(done.minutesCounted()).isEqualTo(60);
        assertThat(done.stageComplete()).isTrue();
        assertThat(progress.currentStage(p.trainee().id()).orElseThrow().kind()).isEqualTo(StageKind.ATTESTATION);
    }
}
