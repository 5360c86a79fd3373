package io.linia.recovery.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.linia.accounts.Actor;
import io.linia.accounts.UserDirectory;
import io.linia.recovery.AccountDirectory;
import io.linia.recovery.audit.AuditAction;
import io.linia.recovery.audit.AuditEntry;
import io.linia.recovery.audit.AuditQuery;
import io.linia.recovery.audit.RecoveryAuditLog;
import io.linia.recovery.scoring.EvidenceItem;
import io.linia.recovery.scoring.EvidenceKind;
import io.linia.recovery.scoring.EvidenceScore;
import io.linia.recovery.scoring.Recommendation;
import io.linia.routing.BusinessCalendars;
import io.linia.routing.RoutingDirectory;
import io.linia.sla.ServiceLevels;
import io.linia.sla.SlaTarget;
import io.linia.sla.TicketTargetView;
import io.linia.shared.DomainException;
import io.linia.support.MovingClock;
import io.linia.support.StoreTest;
import io.linia.tickets.MessageKind;
import io.linia.tickets.TicketService;
import io.linia.tickets.TicketState;
import io.linia.tickets.TicketView;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * A recovery request from the questionnaire to the decision, on the demo desk (its recovery group, agents
 * and mailboxes): the ticket lands in the recovery group, passwords are checked and never kept, the policy
 * refuses requests about someone else's mailbox and nothing overrides it, a restore below the threshold
 * needs a second agent, "ask for more" sends a single-use link that expires, and every view and decision
 * is in the audit log.
 */
@StoreTest
@Import(RecoveryRequestsTest.Clocks.class)
@TestPropertySource(properties = {"linia.test.context=recovery-requests", "linia.test.pg.schema=ctx_recovery_requests",
        "linia.sla.evaluate=false", "linia.recovery.rate-limits.per-mailbox.max=100", "linia.recovery.rate-limits.per-ip.max=100"})
class RecoveryRequestsTest {

    @TestConfiguration(proxyBeanMethods = false)
    static class Clocks {
        @Bean
        @Primary
        MovingClock movingClock() {
            return new MovingClock();
        }
    }

    private static final String ANNA = "anna.sergeeva@pochta.example.ru";
    private static final String PETROV = "petrov.ivan1978@pochta.example.ru";
    private static final String VALYA = "babushka.valya@pochta.example.ru";
    private static final String OLGA = "olga.morozova@pochta.example.ru";

    @Autowired
    RecoveryRequests requests;
    @Autowired
    RecoveryDeciders deciders;
    @Autowired
    RecoveryAuditLog audit;
    @Autowired
    AccountDirectory directory;
    @Autowired
    TicketService tickets;
    @Autowired
    UserDirectory users;
    @Autowired
    RoutingDirectory routing;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MovingClock clock;
    @Autowired
    ServiceLevels levels;
    @Autowired
    BusinessCalendars calendars;
    @Autowired
    MessageSource messages;

    private Actor l2;
    private Actor lead;
    private Actor admin;

    @BeforeEach
    void certified() {
        admin = actor("admin");
        l2 = actor("l2");
        lead = actor("lead");
        for (Actor a : List.of(l2, lead)) {
            if (deciders.active(a.id()).isEmpty()) {
                deciders.grant(admin, a.id(), null);
            }
        }
    }

    @Test
    void aQuestionnaireOpensARecoveryTicketAndKeepsNoPassword() {
        RecoveryRequests.Submitted s = requests.submit(new Questionnaire(ANNA, "anna.new@example.org", "Анна",
                        strong("Volga!Kazan77", "neverUsed-1")), List.of(), Locale.forLanguageTag("ru"), "192.0.2.10");

        TicketView t = tickets.get(lead, s.ticketNumber());
        assertThat(t.groupId()).isEqualTo(routing.groupByCode("recovery").orElseThrow().id());
        assertThat(t.customerEmail()).isEqualTo("anna.new@example.org");
        assertThat(t.tags()).contains("recovery");
        assertThat(t.messages().get(0).body()).contains(ANNA, "anna.new@example.org");
        for (String table : List.of("recovery_request", "recovery_answers", "recovery_password_check", "recovery_audit")) {
            assertThat(jdbc.sql("select * from " + table).query().listOfRows().toString())
                    .as(table).doesNotContain("Volga!Kazan77", "neverUsed-1");
        }
        assertThat(t.messages().toString()).doesNotContain("Volga!Kazan77", "neverUsed-1");
        // the recovery group's service level: solved by the end of the 5th business day of the desk's calendar
        TicketTargetView resolution = levels.forTicket(lead, s.ticketNumber()).stream()
                .filter(g -> g.target() == SlaTarget.RESOLUTION).findFirst().orElseThrow();
        assertThat(resolution.policy()).isEqualTo("Восстановление доступа");
        assertThat(resolution.dueAt()).isEqualTo(calendars.defaultCalendar().plusDays(resolution.startedAt(), 5));
        assertThat(requests.list(lead, RequestState.OPEN, 50)).anySatisfy(line -> {
            assertThat(line.ticketNumber()).isEqualTo(s.ticketNumber());
            assertThat(line.dueAt()).isNotNull().isBeforeOrEqualTo(resolution.dueAt());
        });

        RecoveryEvidence e = requests.evidenceOfTicket(l2, s.ticketNumber()).orElseThrow();
        assertThat(e.state()).isEqualTo(RequestState.OPEN);
        assertThat(e.score().item(EvidenceKind.PASSWORDS).arguments()).containsExactly(1, 2);
        assertThat(e.rounds().get(0).passwordsGiven()).isEqualTo(2);
        assertThat(e.rounds().get(0).matchedPasswords()).singleElement().satisfies(p -> assertThat(p.current()).isTrue());
        assertThat(e.score().score()).isGreaterThanOrEqualTo(70);
        assertThat(e.recommendation()).isEqualTo(Recommendation.RESTORE);
        assertThat(e.facts().maskedPhone()).isEqualTo("+7 *** ***-**-67");
        assertThat(e.available()).contains(DecisionKind.RESTORE, DecisionKind.ASK_MORE, DecisionKind.REFUSE, DecisionKind.POLICY);

        assertThat(entries(e.requestId())).extracting(AuditEntry::action)
                .containsExactly(AuditAction.EVIDENCE_VIEWED, AuditAction.REQUEST_SUBMITTED);
    }

    @Test
    void restoringOnAStrongScoreSendsTheResetLinkToTheContactAddressAndSolvesTheTicket() {
        RecoveryRequests.Submitted s = requests.submit(new Questionnaire(ANNA, "anna.home@example.org", null,
                strong("lenochka2019")), List.of(), Locale.forLanguageTag("ru"), "192.0.2.10");
        RecoveryEvidence e = requests.evidence(l2, s.requestId());
        assertThat(e.autoRecommended()).isTrue();

        RecoveryEvidence after = requests.decide(l2, s.requestId(), new DecisionCommand(DecisionKind.RESTORE, true, false, null,
                null, e.version()));

        assertThat(after.state()).isEqualTo(RequestState.RESTORED);
        assertThat(directory.facts(ANNA).orElseThrow().pendingReset()).isNotNull();
        assertThat(jdbc.sql("select new_contact from directory_action where address = ? order by id desc").param(ANNA)
                .query(String.class).list()).first().isEqualTo("anna.home@example.org");
        TicketView t = tickets.get(lead, s.ticketNumber());
        assertThat(t.state()).isEqualTo(TicketState.SOLVED);
        assertThat(t.messages()).filteredOn(m -> m.kind() == MessageKind.PUBLIC_REPLY).last()
                .satisfies(m -> assertThat(m.body()).contains("anna.home@example.org", "восстановили доступ"));
        assertThat(entries(s.requestId())).extracting(AuditEntry::action).contains(AuditAction.DECISION_RESTORE,
                AuditAction.DIRECTORY_RESET_LINK);
        assertThat(after.available()).isEmpty();
    }

    @Test
    void belowTheThresholdARestoreWaitsForASecondAgent() {
        RecoveryRequests.Submitted s = requests.submit(new Questionnaire(VALYA, "katya.for.granny@example.org", null,
                new Questionnaire.Answers(LocalDate.of(2006, 8, 1), "Тверь", List.of(), List.of("Рецепты"), List.of(),
                        List.of(), List.of(), null, "Не помню пароль, телефона нет")), List.of(), Locale.forLanguageTag("ru"), "192.0.2.10");
        RecoveryEvidence e = requests.evidence(l2, s.requestId());
        assertThat(e.score().score()).isLessThan(70);

        RecoveryEvidence waiting = requests.decide(l2, s.requestId(), new DecisionCommand(DecisionKind.RESTORE, true, false,
                null, "Бабушка, всё сходится по городу и году", null));

        assertThat(waiting.state()).isEqualTo(RequestState.AWAITING_CONFIRMATION);
        assertThat(waiting.pendingRestore().agentId()).isEqualTo(l2.id());
        assertThat(directory.facts(VALYA).orElseThrow().pendingReset()).isNull();
        assertThat(waiting.available()).doesNotContain(DecisionKind.CONFIRM).contains(DecisionKind.REJECT);
        assertThatThrownBy(() -> requests.decide(l2, s.requestId(), new DecisionCommand(DecisionKind.CONFIRM, false, false,
                null, null, null)))
                .isInstanceOfSatisfying(DomainException.class, x -> assertThat(x.messageKey()).isEqualTo("recovery.decision.fourEyes"));
        assertThat(requests.evidence(lead, s.requestId()).available()).contains(DecisionKind.CONFIRM);

        RecoveryEvidence done = requests.decide(lead, s.requestId(), new DecisionCommand(DecisionKind.CONFIRM, false, false,
                null, null, null));

        assertThat(done.state()).isEqualTo(RequestState.RESTORED);
        assertThat(directory.facts(VALYA).orElseThrow().pendingReset()).isNotNull();
        assertThat(done.decisions()).extracting(RecoveryEvidence.Decision::kind).containsExactly(DecisionKind.RESTORE,
                DecisionKind.CONFIRM);
        assertThat(entries(s.requestId())).extracting(AuditEntry::action).contains(AuditAction.RESTORE_CONFIRMED,
                AuditAction.DIRECTORY_RESET_LINK);
    }

    @Test
    void aRequestAboutSomeoneElsesMailboxIsRefusedAndNothingOverridesIt() {
        RecoveryRequests.Submitted s = requests.submit(new Questionnaire(PETROV, "wife.of.ivan@example.org", null,
                new Questionnaire.Answers(null, "Самара", List.of("Petrov_Ivan_2023"), List.of("Гараж"), List.of(), List.of(),
                        List.of(), null, "Восстановите почту мужа, он в командировке и просил меня")),
                List.of(), Locale.forLanguageTag("ru"), "192.0.2.10");

        assertThat(s.refusedByPolicy()).isTrue();
        RecoveryEvidence e = requests.evidence(lead, s.requestId());
        assertThat(e.state()).isEqualTo(RequestState.REFUSED);
        assertThat(e.aboutSomeoneElse()).isTrue();
        assertThat(e.available()).isEmpty();
        assertThat(tickets.get(lead, s.ticketNumber()).state()).isEqualTo(TicketState.SOLVED);
        assertThat(tickets.get(lead, s.ticketNumber()).messages()).filteredOn(m -> m.kind() == MessageKind.PUBLIC_REPLY)
                .singleElement().satisfies(m -> assertThat(m.body()).contains("только его владельцу"));
        assertThatThrownBy(() -> requests.decide(lead, s.requestId(), new DecisionCommand(DecisionKind.RESTORE, true, false,
                null, null, null))).isInstanceOf(DomainException.class);
        assertThat(directory.facts(PETROV).orElseThrow().blocked()).isTrue();
        assertThat(entries(s.requestId())).extracting(AuditEntry::action).contains(AuditAction.POLICY_REFUSAL);
    }

    @Test
    void theAgentsTickRefusesByPolicy() {
        RecoveryRequests.Submitted s = requests.submit(new Questionnaire(OLGA, "olga.m@example.org", null,
                new Questionnaire.Answers(LocalDate.of(2024, 2, 1), "Екатеринбург", List.of(), List.of("Учёба"), List.of(),
                        List.of(), List.of(), null, null)), List.of(), Locale.ENGLISH, "192.0.2.11");

        RecoveryEvidence e = requests.decide(l2, s.requestId(), new DecisionCommand(DecisionKind.POLICY, false, false, null,
                "На скриншоте переписка от имени дочери", null));

        assertThat(e.state()).isEqualTo(RequestState.REFUSED);
        assertThat(e.markedThirdParty()).isTrue();
        assertThat(tickets.get(lead, s.ticketNumber()).messages()).filteredOn(m -> m.kind() == MessageKind.PUBLIC_REPLY)
                .singleElement().satisfies(m -> assertThat(m.body()).contains("only to its owner")); // the person wrote in English
        assertThatThrownBy(() -> requests.decide(lead, s.requestId(), new DecisionCommand(DecisionKind.RESTORE, true, false,
                null, null, null))).isInstanceOfSatisfying(DomainException.class,
                x -> assertThat(x.messageKey()).isEqualTo("recovery.decision.finished"));
        assertThat(entries(s.requestId())).extracting(AuditEntry::action).contains(AuditAction.THIRD_PARTY_MARKED,
                AuditAction.POLICY_REFUSAL);
    }

    @Test
    void askForMoreSendsASingleUseLinkThatExpiresAndTheAnswersRaiseTheScore() {
        RecoveryRequests.Submitted s = requests.submit(new Questionnaire("dmitry@xn--e1afmkfd.xn--p1ai".replace(
                "xn--e1afmkfd.xn--p1ai", "кузнецов.рф"), "dima.k@example.org", null,
                new Questionnaire.Answers(null, "Новосибирск", List.of(), List.of("Проекты"), List.of(), List.of(), List.of(),
                        null, null)), List.of(), Locale.forLanguageTag("ru"), "192.0.2.10");
        int before = requests.evidence(l2, s.requestId()).score().score();

        requests.decide(l2, s.requestId(), new DecisionCommand(DecisionKind.ASK_MORE, false, false, null,
                "Вспомните прежний пароль и названия других папок", null));

        TicketView t = tickets.get(lead, s.ticketNumber());
        assertThat(t.state()).isEqualTo(TicketState.WAITING_FOR_CUSTOMER);
        String mail = t.messages().get(t.messages().size() - 1).body();
        Matcher link = Pattern.compile("/access-recovery/more/([A-Za-z0-9_-]+)").matcher(mail);
        assertThat(link.find()).as(mail).isTrue();
        String token = link.group(1);
        assertThat(requests.moreAnswersRequest(token)).hasValueSatisfying(m ->
                assertThat(m.what()).contains("прежний пароль"));

        requests.addAnswers(token, new Questionnaire.Answers(LocalDate.of(2018, 4, 1), null, List.of("Moskva-2022!"),
                List.of("Счета", "Байкал 2023"), List.of("team@studio-nsk.example.ru"), List.of(), List.of(), null, null),
                "192.0.2.12");

        RecoveryEvidence e = requests.evidence(l2, s.requestId());
        assertThat(e.state()).isEqualTo(RequestState.OPEN);
        assertThat(e.rounds()).hasSize(2);
        assertThat(e.score().score()).isGreaterThan(before).isGreaterThanOrEqualTo(70);
        assertThat(tickets.get(lead, s.ticketNumber()).state()).isEqualTo(TicketState.OPEN);
        assertThatThrownBy(() -> requests.addAnswers(token, strong("x"), "192.0.2.12")).isInstanceOfSatisfying(DomainException.class,
                x -> assertThat(x.messageKey()).isEqualTo("recovery.more.linkInvalid"));

        // a second request for more: the link stops working after its validity
        requests.decide(l2, s.requestId(), new DecisionCommand(DecisionKind.ASK_MORE, false, false, null, "Ещё фильтры", null));
        TicketView again = tickets.get(lead, s.ticketNumber());
        Matcher second = Pattern.compile("/access-recovery/more/([A-Za-z0-9_-]+)")
                .matcher(again.messages().get(again.messages().size() - 1).body());
        assertThat(second.find()).isTrue();
        clock.advance(Duration.ofDays(15));
        assertThat(requests.moreAnswersRequest(second.group(1))).isEmpty();
        assertThatThrownBy(() -> requests.addAnswers(second.group(1), strong("y"), "192.0.2.12")).isInstanceOf(DomainException.class);
        assertThat(entries(s.requestId())).extracting(AuditEntry::action).contains(AuditAction.DECISION_ASK_MORE,
                AuditAction.ANSWERS_ADDED);
    }

    @Test
    void aContactOrAFilterNamedTwoWaysIsOneRememberedInTheScore() {
        // «Мама» is the display name of mama.lida@…, «Квитанции» the name of the filter the description describes
        RecoveryRequests.Submitted same = requests.submit(new Questionnaire(ANNA, "anna.aliases@example.org", null,
                new Questionnaire.Answers(null, null, List.of(), List.of(), List.of("Мама", "mama.lida@pochta.example.ru"),
                        List.of("Квитанции", "от: noreply@gkh-kazan.example.ru → папка «Квитанции ЖКХ»"), List.of(), null,
                        "Забыла пароль")), List.of(), Locale.forLanguageTag("ru"), "192.0.2.10");
        EvidenceScore once = requests.evidence(l2, same.requestId()).score();
        EvidenceItem contacts = once.item(EvidenceKind.CONTACTS);
        assertThat(contacts.arguments()).containsExactly(1, 2);
        // Анна has 4 frequent contacts: full weight needs 3 matches, this is one of them
        assertThat(contacts.points()).isCloseTo(15.0 / 3, within(1e-9));
        assertThat(messages.getMessage(contacts.code(), contacts.argumentArray(), Locale.forLanguageTag("ru")))
                .isEqualTo("Совпали частые адресаты: 1 из 2");
        assertThat(messages.getMessage(contacts.code(), contacts.argumentArray(), Locale.ENGLISH))
                .isEqualTo("1 of 2 contacts match");
        EvidenceItem filters = once.item(EvidenceKind.FILTERS);
        assertThat(filters.arguments()).containsExactly(1, 2);
        assertThat(filters.points()).isCloseTo(10.0 / 3, within(1e-9));
        assertThat(messages.getMessage(filters.code(), filters.argumentArray(), Locale.ENGLISH)).isEqualTo("1 of 2 filters match");

        // the name of one contact and the address of another are two
        RecoveryRequests.Submitted two = requests.submit(new Questionnaire(ANNA, "anna.two.contacts@example.org", null,
                new Questionnaire.Answers(null, null, List.of(), List.of(), List.of("Мама", "sergeev.oleg@pochta.example.ru"),
                        List.of("Квитанции", "Школа"), List.of(), null, "Забыла пароль")), List.of(), Locale.forLanguageTag("ru"),
                "192.0.2.10");
        EvidenceScore twice = requests.evidence(l2, two.requestId()).score();
        assertThat(twice.item(EvidenceKind.CONTACTS).arguments()).containsExactly(2, 2);
        assertThat(twice.item(EvidenceKind.CONTACTS).points()).isCloseTo(15.0 * 2 / 3, within(1e-9));
        assertThat(twice.item(EvidenceKind.FILTERS).arguments()).containsExactly(2, 2);
    }

    @Test
    void anUncertifiedAgentCannotDecide() {
        RecoveryRequests.Submitted s = requests.submit(new Questionnaire(ANNA, "anna.third@example.org", null,
                strong("Sirenevyi-Tuman1985")), List.of(), Locale.forLanguageTag("ru"), "192.0.2.10");
        long id = deciders.active(l2.id()).orElseThrow().id();
        deciders.revoke(lead, id);
        try {
            assertThat(requests.evidence(l2, s.requestId()).available()).isEmpty();
            assertThatThrownBy(() -> requests.decide(l2, s.requestId(), new DecisionCommand(DecisionKind.RESTORE, true, false,
                    null, null, null))).isInstanceOfSatisfying(DomainException.class,
                    x -> assertThat(x.messageKey()).isEqualTo("recovery.decision.notCertified"));
            assertThat(requests.evidence(lead, s.requestId()).state()).isEqualTo(RequestState.OPEN);
        } finally {
            deciders.grant(admin, l2.id(), null);
        }
        assertThatThrownBy(() -> deciders.grant(l2, lead.id(), null)).isInstanceOf(DomainException.class);
    }

    @Test
    void badQuestionnairesAreRefusedAtTheirFieldAndStoreNothing() {
        long requestsBefore = count("recovery_request");
        long ticketsBefore = count("ticket");
        List<Questionnaire> bad = List.of(
                new Questionnaire("not an address", "me@example.org", null, strong("a")),
                new Questionnaire(ANNA, "", null, strong("a")),
                new Questionnaire(ANNA, "Anna.Sergeeva@POCHTA.example.ru", null, strong("a")),
                new Questionnaire(ANNA, "me@example.org", null, new Questionnaire.Answers(null, null, List.of(), List.of(),
                        List.of(), List.of(), List.of(), null, "Помогите")),
                new Questionnaire(ANNA, "me@example.org", null, new Questionnaire.Answers(LocalDate.of(2100, 1, 1), null,
                        List.of(), List.of(), List.of(), List.of(), List.of(), null, null)),
                new Questionnaire(ANNA, "me@example.org", null, new Questionnaire.Answers(null, null,
                        List.of("1", "2", "3", "4", "5", "6"), List.of(), List.of(), List.of(), List.of(), null, null)),
                new Questionnaire(ANNA, "me@example.org", null, new Questionnaire.Answers(null, null, List.of(),
                        java.util.Collections.nCopies(11, "Папка"), List.of(), List.of(), List.of(), null, null)),
                new Questionnaire(ANNA, "me@example.org", null, new Questionnaire.Answers(null, null, List.of(),
                        List.of("x".repeat(201)), List.of(), List.of(), List.of(), null, null)),
                new Questionnaire(ANNA, "me@example.org", null, new Questionnaire.Answers(null, null, List.of(), List.of("Работа"),
                        List.of(), List.of(), List.of(), null, "я".repeat(4001))));
        List<String> fields = List.of("mailbox", "contactEmail", "contactEmail", "answers", "registrationDate", "passwords",
                "folders", "folders", "freeText");
        for (int i = 0; i < bad.size(); i++) {
            Questionnaire q = bad.get(i);
            String field = fields.get(i);
            assertThat(requests.problems(q)).as("problems of #" + i).containsKey(field);
            assertThatThrownBy(() -> requests.submit(q, List.of(), Locale.forLanguageTag("ru"), "192.0.2.10"))
                    .as("#" + i).isInstanceOfSatisfying(DomainException.class, x -> assertThat(x.field()).isEqualTo(field));
        }
        assertThat(count("recovery_request")).isEqualTo(requestsBefore);
        assertThat(count("ticket")).isEqualTo(ticketsBefore);
    }

    @Test
    void theContactAddressRateLimitRefusesTheFourthRequestAndStoresNothing() {
        String contact = "one.contact.for.many@example.org";
        for (String mailbox : List.of(OLGA, VALYA, PETROV)) {
            requests.submit(new Questionnaire(mailbox, contact, null, strong()), List.of(), Locale.forLanguageTag("ru"), "192.0.2.20");
        }
        long requestsBefore = count("recovery_request");
        long ticketsBefore = count("ticket");

        assertThatThrownBy(() -> requests.submit(new Questionnaire(ANNA, contact, null, strong()), List.of(),
                Locale.forLanguageTag("ru"), "192.0.2.20"))
                .isInstanceOfSatisfying(DomainException.class, x -> {
                    assertThat(x.kind()).isEqualTo(DomainException.Kind.TOO_MANY_REQUESTS);
                    assertThat(x.field()).isEqualTo("contactEmail");
                });
        assertThat(count("recovery_request")).isEqualTo(requestsBefore);
        assertThat(count("ticket")).isEqualTo(ticketsBefore);
    }

    private static Questionnaire.Answers strong(String... passwords) {
        return new Questionnaire.Answers(LocalDate.of(2009, 3, 1), "Казань", List.of(passwords),
                List.of("Работа", "Дача", "Путешествия"), List.of("mama.lida@pochta.example.ru", "Олег Сергеев"),
                List.of("Квитанции"), List.of("Android"), null, "Забыла пароль, телефон сменила");
    }

    private List<AuditEntry> entries(long requestId) {
        return audit.find(AuditQuery.newest(100).requestId(requestId)).entries();
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private Actor actor(String login) {
        return users.userByLogin(login).orElseThrow().toActor();
    }
}
