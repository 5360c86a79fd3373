package io.linia.training;

import static io.linia.support.ApiClient.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.linia.accounts.Actor;
import io.linia.accounts.Role;
import io.linia.accounts.UserAdministration;
import io.linia.accounts.UserDirectory;
import io.linia.accounts.UserRef;
import io.linia.intake.OutboxView.OutboxKind;
import io.linia.intake.internal.OutboxEntry;
import io.linia.intake.internal.OutboxRepository;
import io.linia.intake.internal.OutboxSender;
import io.linia.knowledge.KnowledgeBase;
import io.linia.routing.RoutingDirectory;
import io.linia.shared.DomainException;
import io.linia.support.ApiFixtures;
import io.linia.support.ApiResponse;
import io.linia.support.MailServers;
import io.linia.support.MailTestSupport;
import io.linia.support.StoreTest;
import io.linia.tickets.Channel;
import io.linia.tickets.DraftRates;
import io.linia.tickets.DraftStatus;
import io.linia.tickets.DraftView;
import io.linia.tickets.Line;
import io.linia.tickets.MessageKind;
import io.linia.tickets.TicketAction;
import io.linia.tickets.TicketCommands;
import io.linia.tickets.TicketDrafts;
import io.linia.tickets.TicketService;
import io.linia.tickets.TicketState;
import io.linia.tickets.TicketView;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Supervised work end to end on both stores, with real mail: a trainee in the supervised stage has their answers,
 * questions and escalations held as drafts; nothing reaches the customer (outbox, SMTP) or the ticket until the trainer
 * approves, and then exactly the approved (edited) text, once; rejected drafts never go out and come back with the
 * comment; only the trainer or a team lead decides; other agents are not held; the rates and the stage's ticket count.
 */
@StoreTest
class SupervisedWorkTest extends MailTestSupport {

    @LocalServerPort
    int port;
    @Autowired
    TicketService tickets;
    @Autowired
    TicketDrafts drafts;
    @Autowired
    io.linia.quality.QualityMeasures measures;
    @Autowired
    io.linia.quality.internal.MeasureUpkeep measureUpkeep;
    @Autowired
    java.time.Clock clock;
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
    RoutingDirectory routing;
    @Autowired
    OutboxSender sender;
    @Autowired
    OutboxRepository outbox;

    TrainingFixtures fx;
    ApiFixtures api;
    Actor lead;
    Actor l1;

    /** A trainee (first line) in the supervised stage (minimum 2 tickets) of a programme of this test's own, with a trainer. */
    record Trainee(Actor me, Actor trainer, long enrolmentId) {
    }

    @BeforeEach
    void setUp() {
        fx = new TrainingFixtures(administration, users, knowledge, programmes);
        api = new ApiFixtures(port, administration, users);
        lead = fx.actor("lead");
        l1 = fx.actor("l1");
        for (int batch = 0; batch < 50 && sender.sendDue() > 0; batch++) {
            // mail queued by earlier tests goes out first
        }
    }

    private Trainee supervisedTrainee() {
        UserRef trainer = fx.newUser("Тренер " + UUID.randomUUID().toString().substring(0, 4), Set.of(Role.TRAINER), Set.of());
        UserRef trainee = fx.newAgent("Стажёр " + UUID.randomUUID().toString().substring(0, 4));
        ProgrammeView p = fx.create(new ProgrammeCommand("Под контролем " + UUID.randomUUID(), null, TargetKind.FIRST_LINE, null, 12,
                true, List.of(
                new ProgrammeCommand.StageCommand(StageKind.SUPERVISED_WORK, "Работа под контролем", 5, 2, MinimumUnit.TICKETS,
                        List.of(), List.of()),
                new ProgrammeCommand.StageCommand(StageKind.ATTESTATION, "Аттестация", 2, null, null, List.of(), List.of()))));
        EnrolmentView e = enrolments.enrol(lead, new EnrolmentCommand(p.id(), trainee.id(), trainer.id(), null));
        assertThat(e.current().orElseThrow().kind()).isEqualTo(StageKind.SUPERVISED_WORK);
        return new Trainee(trainee.toActor(), trainer.toActor(), e.id());
    }

    private String customer() {
        return "sv-" + UUID.randomUUID().toString().substring(0, 8) + "@example.ru";
    }

    private TicketView ticketOf(String customer, String subject) {
        return tickets.create(l1, new TicketCommands.NewTicket(subject, "Здравствуйте! " + subject, customer, "Клиент", null, null),
                Channel.WEB);
    }

    private TicketView staffView(TicketView t) {
        return tickets.forMail(t.id()).orElseThrow();
    }

    private static long publicReplies(TicketView t) {
        return t.messages().stream().filter(m -> m.kind() == MessageKind.PUBLIC_REPLY).count();
    }

    /** Everything queued goes out; returns the mails the customer received that contain {@code text}. */
    private List<String> mailsWith(String customer, String text) throws Exception {
        for (int batch = 0; batch < 50 && sender.sendDue() > 0; batch++) {
            // one batch after another
        }
        List<String> found = new java.util.ArrayList<>();
        for (MimeMessage m : MailServers.INSTANCE.smtp().getReceivedMessages()) {
            if (Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().contains(customer))) {
                String content = text(m);
                if (content.contains(text)) {
                    found.add(content);
                }
            }
        }
        return found;
    }

    private static String text(Part part) throws Exception {
        if (part.isMimeType("text/*")) {
            return part.getContent().toString();
        }
        if (part.getContent() instanceof Multipart multi) {
            StringBuilder all = new StringBuilder();
            for (int i = 0; i < multi.getCount(); i++) {
                BodyPart p = multi.getBodyPart(i);
                all.append(text(p)).append('\n');
            }
            return all.toString();
        }
        return "";
    }

    /** What the outbox holds for the ticket's customer (rules may notify staff about the same ticket). */
    private List<OutboxKind> outboxKinds(long ticketId, String customer) {
        return outbox.findByTicketIdOrderById(ticketId).stream().filter(e -> customer.equals(e.recipient()))
                .map(OutboxEntry::kind).toList();
    }

    private EnrolmentView.StageProgress supervisedStage(Trainee t) {
        return enrolments.enrolment(lead, t.enrolmentId()).stages().get(0);
    }

    // ------------------------------------------------------------------ held until approved

    @Test
    void heldAnswerSendsNothingUntilApprovedThenTheCustomerGetsTheEditedTextOnce() throws Exception {
        Trainee t = supervisedTrainee();
        String customer = customer();
        TicketView ticket = ticketOf(customer, "Не приходит код подтверждения");
        String original = "Здравствуйте, попробуйте пожалуста ещё раз " + UUID.randomUUID();
        String edited = "Здравствуйте! Попробуйте, пожалуйста, запросить код ещё раз через минуту. " + UUID.randomUUID();

        TicketView after = tickets.answer(t.me(), ticket.number(), new TicketCommands.Answer(original, null, null, ticket.version()));

        // nothing happened to the ticket: no message, no state change, no version change, nothing for the customer
        assertThat(after.state()).isEqualTo(TicketState.NEW);
        assertThat(after.version()).isEqualTo(ticket.version());
        TicketView held = staffView(ticket);
        assertThat(publicReplies(held)).isZero();
        assertThat(held.firstResponseAt()).isNull();
        assertThat(held.history()).extracting(TicketView.HistoryView::action).doesNotContain(TicketAction.ANSWER);
        assertThat(outboxKinds(ticket.id(), customer)).containsExactly(OutboxKind.ACKNOWLEDGEMENT);
        assertThat(mailsWith(customer, "пожалуста")).isEmpty();

        // the trainer's list: the draft, how long it waits, the ticket's SLA due; the trainee sees it waiting
        List<DraftView> list = drafts.held(t.trainer(), 50);
        assertThat(list).hasSize(1);
        DraftView d = list.get(0);
        assertThat(d.ticketNumber()).isEqualTo(ticket.number());
        assertThat(d.action()).isEqualTo(TicketAction.ANSWER);
        assertThat(d.body()).isEqualTo(original);
        assertThat(d.authorId()).isEqualTo(t.me().id());
        assertThat(d.supervisorId()).isEqualTo(t.trainer().id());
        assertThat(d.waiting()).isBetween(java.time.Duration.ZERO, java.time.Duration.ofMinutes(5));
        assertThat(d.slaDueAt()).isEqualTo(tickets.summaryOf(ticket.id()).orElseThrow().slaDueAt());
        assertThat(drafts.waitingOf(t.me(), ticket.id())).map(DraftView::id).contains(d.id());

        DraftView approved = drafts.approve(t.trainer(), d.id(), edited, "Проверяйте орфографию", d.version());
        assertThat(approved.status()).isEqualTo(DraftStatus.EDITED);
        assertThat(approved.sentBody()).isEqualTo(edited);
        assertThat(approved.body()).isEqualTo(original);

        // carried out as the trainee's answer, the trainer named in the history
        TicketView done = staffView(ticket);
        assertThat(done.state()).isEqualTo(TicketState.SOLVED);
        TicketView.MessageView reply = done.messages().stream().filter(m -> m.kind() == MessageKind.PUBLIC_REPLY).findFirst().orElseThrow();
        assertThat(reply.body()).isEqualTo(edited);
        assertThat(reply.authorId()).isEqualTo(t.me().id());
        TicketView.HistoryView step = done.history().stream().filter(h -> h.action() == TicketAction.ANSWER).findFirst().orElseThrow();
        assertThat(step.actorId()).isEqualTo(t.me().id());
        assertThat(step.approvedByName()).isEqualTo(t.trainer().name());

        // the customer receives exactly the edited text, once; the original never
        assertThat(mailsWith(customer, edited)).hasSize(1);
        assertThat(mailsWith(customer, "пожалуста")).isEmpty();
        assertThat(outboxKinds(ticket.id(), customer)).containsExactly(OutboxKind.ACKNOWLEDGEMENT, OutboxKind.SOLVED);
        assertThat(drafts.held(t.trainer(), 50)).isEmpty();

        // one supervised ticket counted; the trainee's feedback keeps the edit and the comment
        assertThat(supervisedStage(t).ticketsDone()).isEqualTo(1);
        DraftView feedback = drafts.ofAuthor(t.me(), t.me().id(), 10).get(0);
        assertThat(feedback.status()).isEqualTo(DraftStatus.EDITED);
        assertThat(feedback.comment()).isEqualTo("Проверяйте орфографию");
        assertThat(feedback.decidedByName()).isEqualTo(t.trainer().name());
        assertThatThrownBy(() -> drafts.approve(t.trainer(), d.id(), null, null, null)).isInstanceOf(DomainException.class)
                .hasFieldOrPropertyWithValue("messageKey", "supervision.error.decided");
    }

    @Test
    void rejectedDraftNeverReachesTheCustomerAndTheTraineeSeesTheComment() throws Exception {
        Trainee t = supervisedTrainee();
        String customer = customer();
        TicketView ticket = ticketOf(customer, "Взломали ящик");
        String question = "Пришлите ваш пароль, мы проверим " + UUID.randomUUID();
        tickets.askForInformation(t.me(), ticket.number(), new TicketCommands.AskForInformation(question, null));
        DraftView d = drafts.held(t.trainer(), 50).get(0);
        assertThat(d.action()).isEqualTo(TicketAction.ASK_FOR_INFORMATION);

        // a rejection needs its comment; refused, nothing changes
        assertThatThrownBy(() -> drafts.reject(t.trainer(), d.id(), "  ", null)).isInstanceOf(DomainException.class)
                .hasFieldOrPropertyWithValue("field", "comment");
        assertThat(drafts.draft(t.trainer(), d.id()).status()).isEqualTo(DraftStatus.PENDING);

        DraftView rejected = drafts.reject(t.trainer(), d.id(), "Пароль у клиента не спрашиваем никогда", d.version());
        assertThat(rejected.status()).isEqualTo(DraftStatus.REJECTED);

        TicketView after = staffView(ticket);
        assertThat(after.state()).isEqualTo(TicketState.NEW);
        assertThat(publicReplies(after)).isZero();
        assertThat(outboxKinds(ticket.id(), customer)).containsExactly(OutboxKind.ACKNOWLEDGEMENT);
        assertThat(mailsWith(customer, question)).isEmpty();
        assertThat(drafts.ofTicket(t.me(), ticket.id())).singleElement().satisfies(f -> {
            assertThat(f.status()).isEqualTo(DraftStatus.REJECTED);
            assertThat(f.comment()).isEqualTo("Пароль у клиента не спрашиваем никогда");
        });
        assertThat(supervisedStage(t).ticketsDone()).isZero();

        // the draft went back to the trainee: they may write again on the ticket
        tickets.askForInformation(t.me(), ticket.number(), new TicketCommands.AskForInformation("Когда вы входили в последний раз?", null));
        assertThat(drafts.held(t.trainer(), 50)).hasSize(1);
    }

    @Test
    void escalationIsHeldUntilApproved() {
        Trainee t = supervisedTrainee();
        TicketView ticket = ticketOf(customer(), "Не могу войти, телефона нет");
        long category = api.categoryId("password-forgotten");
        long group = api.groupId("recovery");
        tickets.escalate(t.me(), ticket.number(), new TicketCommands.Escalate(category, group, "Нет телефона, нужна группа восстановления", null));

        TicketView held = staffView(ticket);
        assertThat(held.line()).isEqualTo(Line.FIRST);
        assertThat(held.groupId()).isNull();
        DraftView d = drafts.held(t.trainer(), 50).get(0);
        assertThat(d.action()).isEqualTo(TicketAction.ESCALATE);
        assertThat(d.categoryId()).isEqualTo(category);
        assertThat(d.groupId()).isEqualTo(group);

        DraftView approved = drafts.approve(t.trainer(), d.id(), null, null, null);
        assertThat(approved.status()).isEqualTo(DraftStatus.APPROVED);
        TicketView passed = staffView(ticket);
        assertThat(passed.line()).isEqualTo(Line.SECOND);
        assertThat(passed.groupId()).isEqualTo(group);
        TicketView.HistoryView step = passed.history().stream().filter(h -> h.action() == TicketAction.ESCALATE).findFirst().orElseThrow();
        assertThat(step.actorId()).isEqualTo(t.me().id());
        assertThat(step.approvedByName()).isEqualTo(t.trainer().name());
        assertThat(passed.messages()).anyMatch(m -> m.kind() == MessageKind.INTERNAL_NOTE
                && m.body().equals("Нет телефона, нужна группа восстановления"));
        api.finish(ticket.number());
    }

    @Test
    void onlyTheTraineesTrainerOrATeamLeadDecides() {
        Trainee t = supervisedTrainee();
        TicketView first = ticketOf(customer(), "Первая заявка");
        TicketView second = ticketOf(customer(), "Вторая заявка");
        tickets.askForInformation(t.me(), first.number(), new TicketCommands.AskForInformation("Уточните адрес ящика", null));
        tickets.askForInformation(t.me(), second.number(), new TicketCommands.AskForInformation("Уточните устройство", null));
        List<DraftView> held = drafts.held(t.trainer(), 50);
        assertThat(held).hasSize(2);
        long one = held.get(0).id();
        long two = held.get(1).id();

        // another trainer, the trainee themselves and another agent: 403 problems, nothing decided
        UserRef otherTrainer = fx.newUser("Другой тренер", Set.of(Role.TRAINER), Set.of());
        for (String login : List.of(otherTrainer.login(), users.user(t.me().id()).orElseThrow().login(), "l1")) {
            ApiResponse r = api.as(login).post("/api/v1/training/supervision/drafts/" + one + "/approve", body("body", "Иначе"));
            assertThat(r.status()).as(login + " " + r).isEqualTo(403);
            assertThat(r.mediaType()).isEqualTo("application/problem+json");
            ApiResponse reject = api.as(login).post("/api/v1/training/supervision/drafts/" + one + "/reject", body("comment", "нет"));
            assertThat(reject.status()).as(login + " " + reject).isEqualTo(403);
        }
        assertThat(drafts.draft(t.trainer(), one).status()).isEqualTo(DraftStatus.PENDING);
        assertThat(staffView(first).state()).isEqualTo(TicketState.NEW);

        // bad input names the field; an unknown draft is 404
        String trainerLogin = users.user(t.trainer().id()).orElseThrow().login();
        ApiResponse noComment = api.as(trainerLogin).post("/api/v1/training/supervision/drafts/" + one + "/reject", body("comment", ""));
        assertThat(noComment.status()).as(noComment.toString()).isEqualTo(400);
        assertThat(noComment.json().path("field").asText()).isEqualTo("comment");
        ApiResponse blank = api.as(trainerLogin).post("/api/v1/training/supervision/drafts/" + one + "/approve", body("body", "   "));
        assertThat(blank.status()).as(blank.toString()).isEqualTo(400);
        assertThat(blank.json().path("field").asText()).isEqualTo("body");
        assertThat(api.as(trainerLogin).post("/api/v1/training/supervision/drafts/999999999/approve", body()).status()).isEqualTo(404);

        // the trainer approves one over the API, a team lead the other
        ApiResponse byTrainer = api.as(trainerLogin).post("/api/v1/training/supervision/drafts/" + one + "/approve", body());
        assertThat(byTrainer.status()).as(byTrainer.toString()).isEqualTo(200);
        assertThat(byTrainer.json().path("status").asText()).isEqualTo("APPROVED");
        ApiResponse again = api.as(trainerLogin).post("/api/v1/training/supervision/drafts/" + one + "/approve", body());
        assertThat(again.status()).isEqualTo(409);
        ApiResponse byLead = api.as("lead").post("/api/v1/training/supervision/drafts/" + two + "/approve",
                body("body", "Уточните, пожалуйста, с какого устройства вы входите."));
        assertThat(byLead.status()).as(byLead.toString()).isEqualTo(200);
        assertThat(byLead.json().path("status").asText()).isEqualTo("EDITED");
        assertThat(byLead.json().path("decidedByName").asText()).isEqualTo(lead.name());
        assertThat(staffView(first).state()).isEqualTo(TicketState.WAITING_FOR_CUSTOMER);
        assertThat(staffView(second).messages().stream().filter(m -> m.kind() == MessageKind.PUBLIC_REPLY).findFirst().orElseThrow().body())
                .isEqualTo("Уточните, пожалуйста, с какого устройства вы входите.");
        api.finish(first.number());
        api.finish(second.number());
    }

    @Test
    void agentsWhoAreNotSupervisedAreNotHeld() throws Exception {
        String customer = customer();
        TicketView ticket = ticketOf(customer, "Обычная заявка");
        String text = "Ответ обычного агента " + UUID.randomUUID();
        TicketView after = tickets.answer(l1, ticket.number(), new TicketCommands.Answer(text, null, null, null));
        assertThat(after.state()).isEqualTo(TicketState.SOLVED);
        assertThat(drafts.ofTicket(lead, ticket.id())).isEmpty();
        assertThat(mailsWith(customer, text)).hasSize(1);

        // a trainee outside their supervised stage (still shadowing) answers on their own
        UserRef shadowing = fx.newAgent("Наблюдатель");
        ProgrammeView p = fx.create(new ProgrammeCommand("Наблюдение " + UUID.randomUUID(), null, TargetKind.FIRST_LINE, null, 12, true,
                List.of(new ProgrammeCommand.StageCommand(StageKind.SHADOWING, "Наблюдение", 3, 2, MinimumUnit.TICKETS, List.of(), List.of()),
                        new ProgrammeCommand.StageCommand(StageKind.SUPERVISED_WORK, "Под контролем", 5, 2, MinimumUnit.TICKETS, List.of(), List.of()))));
        enrolments.enrol(lead, new EnrolmentCommand(p.id(), shadowing.id(), fx.actor("trainer").id(), null));
        TicketView other = ticketOf(customer(), "Ещё одна заявка");
        assertThat(tickets.answer(shadowing.toActor(), other.number(), new TicketCommands.Answer("Сам отвечаю", null, null, null)).state())
                .isEqualTo(TicketState.SOLVED);
    }

    @Test
    void theTicketApiAcceptsATraineesReplyAsAHeldDraft() {
        Trainee t = supervisedTrainee();
        String customer = customer();
        TicketView ticket = ticketOf(customer, "Заявка через API");
        String traineeLogin = users.user(t.me().id()).orElseThrow().login();
        String trainerLogin = users.user(t.trainer().id()).orElseThrow().login();

        ApiResponse held = api.as(traineeLogin).post(ApiFixtures.path(ticket.number(), "ask"), body("body", "Какой у вас телефон?"));
        assertThat(held.status()).as(held.toString()).isEqualTo(202);
        assertThat(held.json().path("state").asText()).isEqualTo("NEW");
        long draftId = drafts.held(t.trainer(), 10).get(0).id();
        assertThat(held.header("Location")).endsWith("/api/v1/training/supervision/drafts/" + draftId);

        ApiResponse list = api.as(trainerLogin).get("/api/v1/training/supervision/drafts");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json()).hasSize(1);
        assertThat(list.json().get(0).path("body").asText()).isEqualTo("Какой у вас телефон?");
        assertThat(list.json().get(0).path("waitingMinutes").asLong()).isGreaterThanOrEqualTo(0);
        assertThat(list.json().get(0).path("ticketNumber").asText()).isEqualTo(ticket.number());
        ApiResponse mine = api.as(traineeLogin).get("/api/v1/training/supervision/mine");
        assertThat(mine.json().get(0).path("status").asText()).isEqualTo("PENDING");
        assertThat(api.as("l1").get("/api/v1/training/supervision/drafts/" + draftId).status()).isEqualTo(404);

        // an agent who is not supervised gets 200 and the changed ticket, as before
        TicketView other = ticketOf(customer(), "Заявка обычного агента");
        ApiResponse done = api.as("l1").post(ApiFixtures.path(other.number(), "ask"), body("body", "Какой у вас телефон?"));
        assertThat(done.status()).isEqualTo(200);
        assertThat(done.json().path("state").asText()).isEqualTo("WAITING_FOR_CUSTOMER");
        api.finish(ticket.number());
        api.finish(other.number());
    }

    // ------------------------------------------------------------------ rates and the stage's minimum

    @Test
    void editAndRejectRatesAreExactAndTheMinimumCountsDistinctTickets() {
        Trainee t = supervisedTrainee();
        TicketView a = ticketOf(customer(), "Заявка А");
        TicketView b = ticketOf(customer(), "Заявка Б");
        TicketView c = ticketOf(customer(), "Заявка В");

        // a waiting draft blocks a second one on the same ticket
        tickets.askForInformation(t.me(), a.number(), new TicketCommands.AskForInformation("Какой у вас браузер?", null));
        assertThatThrownBy(() -> tickets.answer(t.me(), a.number(), new TicketCommands.Answer("Ответ", null, null, null)))
                .isInstanceOf(DomainException.class).hasFieldOrPropertyWithValue("messageKey", "supervision.error.alreadyWaiting");
        // approved as written: ticket A counts
        drafts.approve(t.trainer(), drafts.held(t.trainer(), 50).get(0).id(), "Какой у вас браузер?", null, null);
        assertThat(supervisedStage(t).ticketsDone()).isEqualTo(1);

        // the customer answers; the trainee's answer on A is edited: A is counted once only
        Actor customerA = users.user(staffView(a).customerId()).orElseThrow().toActor();
        tickets.customerMessage(customerA, a.number(), new TicketCommands.CustomerMessage("Хром"));
        tickets.answer(t.me(), a.number(), new TicketCommands.Answer("Очистите кэш", null, null, null));
        drafts.approve(t.trainer(), drafts.held(t.trainer(), 50).get(0).id(), "Очистите, пожалуйста, кэш браузера.", null, null);
        assertThat(supervisedStage(t).ticketsDone()).isEqualTo(1);
        assertThat(staffView(a).state()).isEqualTo(TicketState.SOLVED);

        // B rejected: not counted
        tickets.answer(t.me(), b.number(), new TicketCommands.Answer("Не знаю", null, null, null));
        drafts.reject(t.trainer(), drafts.held(t.trainer(), 50).get(0).id(), "Найдите статью в базе знаний", null);
        assertThat(supervisedStage(t).ticketsDone()).isEqualTo(1);

        // rates: 3 decided — 1 approved, 1 edited, 1 rejected; one pending on C
        tickets.answer(t.me(), c.number(), new TicketCommands.Answer("Ответ по статье", null, null, null));
        DraftRates rates = drafts.ratesOf(t.trainer(), t.me().id());
        assertThat(rates.decided()).isEqualTo(3);
        assertThat(rates.approved()).isEqualTo(1);
        assertThat(rates.edited()).isEqualTo(1);
        assertThat(rates.rejected()).isEqualTo(1);
        assertThat(rates.pending()).isEqualTo(1);
        assertThat(rates.editedPercent()).isEqualByComparingTo(new BigDecimal("33.3"));
        assertThat(rates.rejectedPercent()).isEqualByComparingTo(new BigDecimal("33.3"));
        assertThat(drafts.rates(t.trainer())).singleElement().extracting(DraftRates::authorId).isEqualTo(t.me().id());
        assertThat(drafts.rates(lead)).extracting(DraftRates::authorId).contains(t.me().id());

        // the same figures in the API, for the trainer and the team lead; another trainer may not read them
        String trainerLogin = users.user(t.trainer().id()).orElseThrow().login();
        for (String login : List.of(trainerLogin, "lead")) {
            ApiResponse r = api.as(login).get("/api/v1/training/supervision/metrics/" + t.me().id());
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            assertThat(r.json().path("decided").asLong()).isEqualTo(3);
            assertThat(r.json().path("editedPercent").decimalValue()).isEqualByComparingTo("33.3");
            assertThat(r.json().path("rejectedPercent").decimalValue()).isEqualByComparingTo("33.3");
        }
        UserRef otherTrainer = fx.newUser("Чужой тренер", Set.of(Role.TRAINER), Set.of());
        assertThat(api.as(otherTrainer.login()).get("/api/v1/training/supervision/metrics/" + t.me().id()).status()).isEqualTo(403);

        // C approved: the second distinct ticket completes the stage, and the trainee is on their own again
        drafts.approve(t.trainer(), drafts.held(t.trainer(), 50).get(0).id(), null, null, null);
        EnrolmentView e = enrolments.enrolment(lead, t.enrolmentId());
        assertThat(e.stages().get(0).ticketsDone()).isEqualTo(2);
        assertThat(e.stages().get(0).completedAt()).isNotNull();
        assertThat(e.current().orElseThrow().kind()).isEqualTo(StageKind.ATTESTATION);
        tickets.answer(t.me(), b.number(), new TicketCommands.Answer("Ответ по статье базы знаний", null, null, null));
        assertThat(staffView(b).state()).isEqualTo(TicketState.SOLVED);
        assertThat(drafts.held(t.trainer(), 50)).isEmpty();

        // quality's "trainer corrections": the edited answer on A and the rejected one on B, on the trainee's measures
        assertThat(measureUpkeep.awaitIdle(java.time.Duration.ofSeconds(60))).isTrue();
        java.time.Instant now = java.time.Instant.now(clock);
        io.linia.quality.Measures m = measures.of(lead, io.linia.quality.MeasureScope.AGENT, Long.toString(t.me().id()),
                now.minus(java.time.Duration.ofDays(1)), now.plus(java.time.Duration.ofDays(1)));
        assertThat(m.trainerCorrections()).isEqualTo(2);
    }
}
