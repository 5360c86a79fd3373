package io.linia.training;

import static org.assertj.core.api.Assertions.assertThat;

import io.linia.accounts.Actor;
import io.linia.accounts.Role;
import io.linia.accounts.UserAdministration;
import io.linia.accounts.UserDirectory;
import io.linia.accounts.UserRef;
import io.linia.knowledge.KnowledgeBase;
import io.linia.support.MailTestSupport;
import io.linia.support.StoreTest;
import io.linia.support.WebSession;
import io.linia.tickets.Channel;
import io.linia.tickets.DraftStatus;
import io.linia.tickets.DraftView;
import io.linia.tickets.MessageKind;
import io.linia.tickets.TicketAction;
import io.linia.tickets.TicketCommands;
import io.linia.tickets.TicketDrafts;
import io.linia.tickets.TicketService;
import io.linia.tickets.TicketState;
import io.linia.tickets.TicketView;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Supervised work in the pages (the same context as {@link SupervisedWorkTest}): the trainee's answer form holds the
 * draft and says so, the ticket's panel shows it waiting, the trainer decides in the list or on the ticket, a bad or
 * forbidden decision is refused next to its field and changes nothing; the demo trainee's question waits for the
 * demo trainer.
 */
@StoreTest
class SupervisionPagesTest extends MailTestSupport {

    @LocalServerPort
    int port;
    @Autowired
    TicketService tickets;
    @Autowired
    TicketDrafts drafts;
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

    TrainingFixtures fx;

    @BeforeEach
    void setUp() {
        fx = new TrainingFixtures(administration, users, knowledge, programmes);
    }

    @Test
    void demoTraineesQuestionWaitsForTheDemoTrainer() {
        Actor trainer = fx.actor("trainer");
        Actor trainee4 = fx.actor("trainee4");
        assertThat(progress.currentStage(trainee4.id()).orElseThrow().kind()).isEqualTo(StageKind.SUPERVISED_WORK);
        DraftView demo = drafts.ofAuthor(trainee4, trainee4.id(), 50).stream()
                .filter(d -> d.action() == TicketAction.ASK_FOR_INFORMATION).reduce((a, b) -> b).orElseThrow();
        assertThat(demo.supervisorId()).isEqualTo(trainer.id());
        TicketView ticket = tickets.forMail(demo.ticketId()).orElseThrow();
        assertThat(ticket.messages()).noneMatch(m -> m.kind() == MessageKind.PUBLIC_REPLY && m.authorId() != null
                && m.authorId() == trainee4.id() && m.body().equals(demo.body()));
        if (demo.pending()) {
            String page = WebSession.signedIn(port, "trainer").get("/agent/training/supervision").body();
            assertThat(page).contains("id=\"draft-" + demo.id() + "\"", "Роман Козлов");
        }
    }

    @Test
    void traineeAnswersInTheFormTrainerRejectsAndApprovesInThePages() {
        UserRef trainer = fx.newUser("Тренер Страниц", Set.of(Role.TRAINER), Set.of());
        UserRef trainee = fx.newAgent("Стажёр Страниц");
        ProgrammeView p = fx.create(new ProgrammeCommand("Страницы " + UUID.randomUUID(), null, TargetKind.FIRST_LINE, null, 12, true,
                List.of(new ProgrammeCommand.StageCommand(StageKind.SUPERVISED_WORK, "Под контролем", 5, 5, MinimumUnit.TICKETS,
                        List.of(), List.of()))));
        enrolments.enrol(fx.actor("lead"), new EnrolmentCommand(p.id(), trainee.id(), trainer.id(), null));
        TicketView ticket = tickets.create(fx.actor("l1"), new TicketCommands.NewTicket("Страницы: не могу войти", "Помогите войти",
                "pg-" + UUID.randomUUID().toString().substring(0, 8) + "@example.ru", "Клиент", null, null), Channel.WEB);

        // the trainee's answer form: held, and the page says so
        WebSession me = WebSession.signedIn(port, trainee.login());
        me.get("/agent/tickets/" + ticket.number());
        HttpResponse<String> sent = me.post("/agent/tickets/" + ticket.number() + "/answer",
                Map.of("body", "Сбросьте пароль по ссылке", "version", String.valueOf(ticket.version())));
        assertThat(sent.statusCode()).isEqualTo(302);
        String after = me.get("/agent/tickets/" + ticket.number()).body();
        assertThat(after).contains("Черновик отправлен на проверку тренеру (Тренер Страниц)", "id=\"supervision-panel\"");
        String panel = me.get("/agent/tickets/" + ticket.number() + "/supervision").body();
        assertThat(panel).contains("draft-waiting", "Тренер Страниц", "Сбросьте пароль по ссылке").doesNotContain("do-approve");
        DraftView d = drafts.held(trainer.toActor(), 10).get(0);

        // another trainer may not decide: 403, nothing changes
        WebSession stranger = WebSession.signedIn(port, fx.newUser("Чужой", Set.of(Role.TRAINER), Set.of()).login());
        stranger.get("/agent/training/supervision");
        assertThat(stranger.post("/agent/training/supervision/drafts/" + d.id() + "/approve", Map.of("body", "Чужой текст")).statusCode())
                .isEqualTo(403);

        // the trainer: a rejection without a comment is refused next to the field, with what was typed kept
        WebSession coach = WebSession.signedIn(port, trainer.login());
        String list = coach.get("/agent/training/supervision").body();
        assertThat(list).contains("id=\"draft-" + d.id() + "\"", "do-approve", "do-reject", "Стажёр Страниц");
        HttpResponse<String> bad = coach.post("/agent/training/supervision/drafts/" + d.id() + "/reject",
                Map.of("comment", " ", "body", "Мой вариант"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("Напишите комментарий: почему черновик отклонён", "is-invalid", "Мой вариант");
        assertThat(drafts.draft(trainer.toActor(), d.id()).status()).isEqualTo(DraftStatus.PENDING);

        HttpResponse<String> rejected = coach.post("/agent/training/supervision/drafts/" + d.id() + "/reject",
                Map.of("comment", "Сначала уточните, какой адрес ящика", "version", String.valueOf(d.version())));
        assertThat(rejected.statusCode()).isEqualTo(302);
        assertThat(rejected.headers().firstValue("Location").orElse("")).endsWith("/agent/training/supervision");
        assertThat(me.get("/agent/tickets/" + ticket.number() + "/supervision").body())
                .contains("Сначала уточните, какой адрес ящика", "data-status=\"REJECTED\"");
        assertThat(me.get("/agent/training/supervision").body()).contains("id=\"my-drafts\"", "Сначала уточните, какой адрес ящика");

        // the trainee asks instead; the trainer approves on the ticket's panel and is taken back to the ticket
        me.get("/agent/tickets/" + ticket.number());
        assertThat(me.post("/agent/tickets/" + ticket.number() + "/ask", Map.of("body", "Какой адрес у вашего ящика?")).statusCode())
                .isEqualTo(302);
        DraftView ask = drafts.held(trainer.toActor(), 10).get(0);
        assertThat(coach.get("/agent/tickets/" + ticket.number() + "/supervision").body()).contains("do-approve");
        HttpResponse<String> approved = coach.post("/agent/training/supervision/drafts/" + ask.id() + "/approve",
                Map.of("body", "Подскажите, пожалуйста, адрес вашего ящика.", "back", "ticket"));
        assertThat(approved.statusCode()).isEqualTo(302);
        assertThat(approved.headers().firstValue("Location").orElse("")).endsWith("/agent/tickets/" + ticket.number());
        String ticketPage = coach.get("/agent/tickets/" + ticket.number()).body();
        assertThat(ticketPage).contains("Подскажите, пожалуйста, адрес вашего ящика.", "одобрил(а) Тренер Страниц");
        assertThat(tickets.forMail(ticket.id()).orElseThrow().state()).isEqualTo(TicketState.WAITING_FOR_CUSTOMER);
        assertThat(coach.get("/agent/training/supervision").body()).contains("data-author=\"" + trainee.id() + "\"");
    }
}
