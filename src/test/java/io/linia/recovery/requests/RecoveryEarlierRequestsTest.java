package io.linia.recovery.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.linia.accounts.Actor;
import io.linia.accounts.UserDirectory;
import io.linia.recovery.AccountDirectory;
import io.linia.recovery.BlockReason;
import io.linia.recovery.EmbeddedMailboxes;
import io.linia.recovery.audit.AuditAction;
import io.linia.recovery.audit.AuditEntry;
import io.linia.recovery.audit.AuditQuery;
import io.linia.recovery.audit.RecoveryAuditLog;
import io.linia.recovery.scoring.Recommendation;
import io.linia.shared.DomainException;
import io.linia.support.ApiClient;
import io.linia.support.StoreTest;
import io.linia.support.WebSession;
import io.linia.tickets.TicketService;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * A refusal by policy is per request, so the same person could come back for the same mailbox without the tell-tale
 * words: the evidence lists the other requests for the mailbox (its canonical address), warns when one was refused by
 * policy, and then a restore always waits for a second agent, whatever the score. Each test registers its own mailbox
 * in the embedded directory, so the lists hold only what the test submitted.
 */
@StoreTest
class RecoveryEarlierRequestsTest {

    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final String PASSWORD = "Sokol-Chaika-1984";
    private static final String HASH = "{bcrypt}" + new BCryptPasswordEncoder(4).encode(PASSWORD);

    @LocalServerPort
    int port;
    @Autowired
    RecoveryRequests requests;
    @Autowired
    RecoveryDeciders deciders;
    @Autowired
    EmbeddedMailboxes mailboxes;
    @Autowired
    AccountDirectory directory;
    @Autowired
    RecoveryAuditLog audit;
    @Autowired
    TicketService tickets;
    @Autowired
    UserDirectory users;

    private Actor l2;
    private Actor lead;

    @BeforeEach
    void certified() {
        Actor admin = actor("admin");
        l2 = actor("l2");
        lead = actor("lead");
        for (Actor a : List.of(l2, lead)) {
            if (deciders.active(a.id()).isEmpty()) {
                deciders.grant(admin, a.id(), null);
            }
        }
    }

    @Test
    void theOtherRequestsForTheMailboxAreListedAndAnEarlierPolicyRefusalIsAWarning() {
        String mailbox = newMailbox();
        String other = newMailbox();
        RecoveryRequests.Submitted wife = submit(mailbox.toUpperCase(Locale.ROOT), "Восстановите почту мужа, он в командировке",
                strong());
        RecoveryRequests.Submitted elsewhere = submit(other, null, strong());
        RecoveryRequests.Submitted owner = submit("  " + mailbox.replace("ivan", "IVAN") + " ", "Забыл пароль, телефон сменил",
                strong());
        assertThat(wife.refusedByPolicy()).isTrue();
        assertThat(owner.refusedByPolicy()).isFalse();

        RecoveryEvidence e = requests.evidence(l2, owner.requestId());

        assertThat(e.otherRequests()).singleElement().satisfies(o -> {
            assertThat(o.requestId()).isEqualTo(wife.requestId());
            assertThat(o.ticketNumber()).isEqualTo(wife.ticketNumber());
            assertThat(o.earlier()).isTrue();
            assertThat(o.state()).isEqualTo(RequestState.REFUSED);
            assertThat(o.lastDecision()).isEqualTo(DecisionKind.POLICY);
            assertThat(o.refusedByPolicy()).isTrue();
            assertThat(o.policyNote()).contains("почту мужа");
            assertThat(o.markedByAgent()).isFalse();
            assertThat(o.submittedAt()).isNotNull().isBeforeOrEqualTo(e.submittedAt());
        });
        assertThat(e.policyRefusals()).extracting(RecoveryEvidence.OtherRequest::requestId).containsExactly(wife.requestId());
        // the warning does not refuse: the real owner may write after a relative tried
        assertThat(e.state()).isEqualTo(RequestState.OPEN);
        assertThat(e.aboutSomeoneElse()).isFalse();
        assertThat(e.available()).contains(DecisionKind.RESTORE, DecisionKind.ASK_MORE);
        assertThat(e.score().score()).isGreaterThanOrEqualTo(e.restoreThreshold());
        assertThat(e.recommendation()).isEqualTo(Recommendation.RESTORE);
        assertThat(e.fourEyesForced()).isTrue();
        assertThat(e.autoRecommended()).isFalse();

        // seen from the refused request, the owner's is a later one and nothing forces four eyes on a finished request
        RecoveryEvidence refused = requests.evidence(l2, wife.requestId());
        assertThat(refused.otherRequests()).singleElement().satisfies(o -> {
            assertThat(o.requestId()).isEqualTo(owner.requestId());
            assertThat(o.earlier()).isFalse();
            assertThat(o.state()).isEqualTo(RequestState.OPEN);
            assertThat(o.lastDecision()).isNull();
            assertThat(o.refusedByPolicy()).isFalse();
        });
        assertThat(refused.policyRefusals()).isEmpty();
        assertThat(requests.evidence(l2, elsewhere.requestId()).otherRequests()).isEmpty();
    }

    @Test
    void afterAPolicyRefusalForTheMailboxARestoreAlwaysWaitsForASecondAgent() {
        String mailbox = newMailbox();
        RecoveryRequests.Submitted first = submit(mailbox, null, weak());
        requests.decide(l2, first.requestId(), new DecisionCommand(DecisionKind.POLICY, false, false, null,
                "На скриншоте подпись жены", null));
        RecoveryRequests.Submitted owner = submit(mailbox, "Это мой ящик, пароль помню старый", strong());
        RecoveryEvidence e = requests.evidence(l2, owner.requestId());
        assertThat(e.score().score()).isGreaterThanOrEqualTo(e.restoreThreshold());
        assertThat(e.otherRequests()).singleElement().satisfies(o -> {
            assertThat(o.markedByAgent()).isTrue();
            assertThat(o.policyNote()).isEqualTo("На скриншоте подпись жены");
        });

        RecoveryEvidence waiting = requests.decide(l2, owner.requestId(), new DecisionCommand(DecisionKind.RESTORE, true, false,
                null, null, e.version()));

        assertThat(waiting.state()).isEqualTo(RequestState.AWAITING_CONFIRMATION);
        assertThat(directory.facts(mailbox).orElseThrow().pendingReset()).isNull();
        assertThatThrownBy(() -> requests.decide(l2, owner.requestId(), new DecisionCommand(DecisionKind.CONFIRM, false, false,
                null, null, null)))
                .isInstanceOfSatisfying(DomainException.class, x -> assertThat(x.messageKey()).isEqualTo("recovery.decision.fourEyes"));
        assertThat(tickets.get(lead, owner.ticketNumber()).messages()).anySatisfy(m -> assertThat(m.body())
                .contains("ранее отказано по политике", first.ticketNumber()));
        assertThat(audit.find(AuditQuery.newest(50).requestId(owner.requestId())).entries())
                .filteredOn(a -> a.action() == AuditAction.DECISION_RESTORE).singleElement()
                .extracting(AuditEntry::detail).asString().contains("policy refusal", first.ticketNumber(), "awaiting confirmation");

        RecoveryEvidence done = requests.decide(lead, owner.requestId(), new DecisionCommand(DecisionKind.CONFIRM, false, false,
                null, null, null));
        assertThat(done.state()).isEqualTo(RequestState.RESTORED);
        assertThat(directory.facts(mailbox).orElseThrow().pendingReset()).isNotNull();
    }

    @Test
    void belowTheThresholdAfterAPolicyRefusalTheRecommendationIsNotRestore() {
        String mailbox = newMailbox();
        submit(mailbox, "Помогите восстановить почту жены", strong());
        RecoveryRequests.Submitted again = submit(mailbox, "Не помню пароль", weak());

        RecoveryEvidence e = requests.evidence(l2, again.requestId());

        assertThat(e.score().score()).isLessThan(e.restoreThreshold());
        assertThat(e.recommendation()).isNotEqualTo(Recommendation.RESTORE);
        assertThat(e.fourEyesForced()).isTrue();
        assertThat(e.autoRecommended()).isFalse();
        RecoveryEvidence waiting = requests.decide(l2, again.requestId(), new DecisionCommand(DecisionKind.RESTORE, true, false,
                null, "Город и год сходятся", null));
        assertThat(waiting.state()).isEqualTo(RequestState.AWAITING_CONFIRMATION);
    }

    @Test
    void anOrdinaryRefusalIsListedButForcesNothing() {
        String mailbox = newMailbox();
        RecoveryRequests.Submitted first = submit(mailbox, null, weak());
        requests.decide(l2, first.requestId(), new DecisionCommand(DecisionKind.REFUSE, false, false, RefusalReason.values()[0],
                "причина", null));
        RecoveryRequests.Submitted owner = submit(mailbox, null, strong());

        RecoveryEvidence e = requests.evidence(l2, owner.requestId());

        assertThat(e.otherRequests()).singleElement().satisfies(o -> {
            assertThat(o.refusedByPolicy()).isFalse();
            assertThat(o.lastDecision()).isEqualTo(DecisionKind.REFUSE);
            assertThat(o.policyNote()).isNull();
        });
        assertThat(e.fourEyesForced()).isFalse();
        assertThat(e.autoRecommended()).isTrue();
        assertThat(requests.decide(l2, owner.requestId(), new DecisionCommand(DecisionKind.RESTORE, true, false, null, null, null))
                .state()).isEqualTo(RequestState.RESTORED);
    }

    @Test
    void thePanelOverHttpShowsTheWarningAndTheListAndTheApiCarriesThem() {
        String mailbox = newMailbox();
        RecoveryRequests.Submitted wife = submit(mailbox, "Пишу по просьбе мужа, он забыл пароль", strong());
        RecoveryRequests.Submitted owner = submit(mailbox, null, strong());
        assertThat(wife.refusedByPolicy()).isTrue();

        WebSession agent = WebSession.signedIn(port, "l2");
        HttpResponse<String> panel = agent.get("/agent/tickets/" + owner.ticketNumber() + "/recovery");

        assertThat(panel.statusCode()).isEqualTo(200);
        String body = panel.body();
        assertThat(body).contains("id=\"recovery-earlier-policy\"", "Ранее по этому ящику отказано по политике",
                "href=\"/agent/tickets/" + wife.ticketNumber() + "\"", "id=\"recovery-earlier\"", "Другие заявки по этому ящику",
                "data-request=\"" + wife.requestId() + "\"", "data-policy=\"true\"", "id=\"recovery-four-eyes-forced\"");
        // the warning stands above the score
        assertThat(body.indexOf("id=\"recovery-earlier-policy\"")).isLessThan(body.indexOf("id=\"recovery-score\""));
        HttpResponse<String> english = agent.get("/agent/tickets/" + owner.ticketNumber() + "/recovery?lang=en");
        assertThat(english.body()).contains("Earlier requests for this mailbox were refused by policy",
                "Other requests for this mailbox");

        // no warning on a mailbox without a policy refusal
        RecoveryRequests.Submitted alone = submit(newMailbox(), null, strong());
        assertThat(agent.get("/agent/tickets/" + alone.ticketNumber() + "/recovery").body())
                .contains("id=\"recovery-panel\"").doesNotContain("id=\"recovery-earlier-policy\"", "id=\"recovery-earlier\"");

        JsonNode json = ApiClient.anonymous(port).basic("l2").get("/api/v1/recovery/requests/" + owner.requestId()).json();
        assertThat(json.path("fourEyesForced").asBoolean()).isTrue();
        assertThat(json.path("autoRecommended").asBoolean()).isFalse();
        assertThat(json.path("otherRequests")).hasSize(1);
        JsonNode o = json.path("otherRequests").get(0);
        assertThat(o.path("ticketNumber").asText()).isEqualTo(wife.ticketNumber());
        assertThat(o.path("refusedByPolicy").asBoolean()).isTrue();
        assertThat(o.path("earlier").asBoolean()).isTrue();
        assertThat(o.path("state").asText()).isEqualTo("REFUSED");
        assertThat(o.path("lastDecision").asText()).isEqualTo("POLICY");
        assertThat(o.path("policyNote").asText()).contains("по просьбе мужа");
        assertThat(o.path("submittedAt").asText()).isNotBlank();
    }

    private RecoveryRequests.Submitted submit(String mailbox, String freeText, Questionnaire.Answers a) {
        Questionnaire.Answers answers = new Questionnaire.Answers(a.registrationDate(), a.registrationCity(), a.passwords(),
                a.folders(), a.contacts(), a.filters(), a.devices(), a.lastLoginDate(), freeText);
        return requests.submit(new Questionnaire(mailbox, "contact" + SEQ.incrementAndGet() + "." + System.nanoTime() + "@example.org",
                null, answers), List.of(), Locale.forLanguageTag("ru"), null);
    }

    private static Questionnaire.Answers strong() {
        return new Questionnaire.Answers(LocalDate.of(2011, 5, 14), "Пермь", List.of(PASSWORD), List.of("Работа", "Рыбалка"),
                List.of("brat.sergey@pochta.example.ru"), List.of("Счета"), List.of("Android"), null, null);
    }

    private static Questionnaire.Answers weak() {
        return new Questionnaire.Answers(LocalDate.of(2011, 5, 1), "Пермь", List.of(), List.of(), List.of(), List.of(), List.of(),
                null, null);
    }

    /** A mailbox of its own for each test, so that the "other requests" are only the test's. */
    private String newMailbox() {
        String address = "ivan.earlier" + SEQ.incrementAndGet() + "x" + Long.toString(System.nanoTime(), 36) + "@pochta.example.ru";
        mailboxes.register(new EmbeddedMailboxes.Mailbox(address, LocalDate.of(2011, 5, 14), "Пермь", "+79161230099", null,
                BlockReason.values()[0], Instant.parse("2026-01-10T08:00:00Z"),
                List.of(new EmbeddedMailboxes.Password(HASH, LocalDate.of(2011, 5, 14), null)), List.of("Входящие", "Работа", "Рыбалка"),
                List.of(new EmbeddedMailboxes.Contact("brat.sergey@pochta.example.ru", "Сергей", 40)),
                List.of(new EmbeddedMailboxes.Filter("Счета", "от bank в папку Счета")),
                List.of(new EmbeddedMailboxes.Login(Instant.parse("2026-01-09T08:00:00Z"), "RU", "Android"))));
        return address;
    }

    private Actor actor(String login) {
        return users.userByLogin(login).orElseThrow().toActor();
    }
}
