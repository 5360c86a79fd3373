package io.linia.recovery.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.linia.accounts.Role;
import io.linia.accounts.UserAdministration;
import io.linia.accounts.UserCommand;
import io.linia.accounts.UserDirectory;
import io.linia.recovery.AccountDirectory;
import io.linia.recovery.EmbeddedMailboxes;
import io.linia.recovery.abuse.ProofOfWorkAnswers;
import io.linia.recovery.audit.AuditAction;
import io.linia.recovery.audit.AuditEntry;
import io.linia.recovery.audit.AuditQuery;
import io.linia.recovery.audit.RecoveryAuditLog;
import io.linia.recovery.requests.RecoveryDeciders;
import io.linia.support.ApiClient;
import io.linia.support.ApiFixtures;
import io.linia.support.ApiResponse;
import io.linia.support.MovingClock;
import io.linia.support.StoreTest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * /api/v1/recovery over HTTP: the public questionnaire behind its proof of work, then for staff the list, the evidence
 * (every read audited), the decisions and the certifications; every refusal an RFC 9457 problem naming its field,
 * 403 for who may not, 409 for a stale version, 429 past a rate limit, and nothing stored by a refusal.
 * Shares RecoveryPagesTest's context.
 */
@StoreTest
@Import(RecoveryPagesTest.Clocks.class)
@TestPropertySource(properties = {"linia.test.context=recovery-pages", "linia.test.pg.schema=ctx_recovery_pages",
        "linia.recovery.proof-of-work.bits=6", "linia.recovery.rate-limits.per-ip.max=1000", "linia.demo.tickets=false"})
class RecoveryApiTest {

    static final String BASE = "/api/v1/recovery";

    @LocalServerPort
    int port;
    @Autowired
    UserAdministration administration;
    @Autowired
    UserDirectory users;
    @Autowired
    EmbeddedMailboxes mailboxes;
    @Autowired
    AccountDirectory directory;
    @Autowired
    RecoveryDeciders deciders;
    @Autowired
    RecoveryAuditLog audit;
    @Autowired
    MovingClock clock;
    @Autowired
    JdbcClient jdbc;

    ApiFixtures fx;

    @BeforeEach
    void certified() {
        fx = new ApiFixtures(port, administration, users);
        var admin = users.userByLogin("admin").orElseThrow().toActor();
        for (String login : List.of("l2", "lead")) {
            long id = fx.userId(login);
            if (deciders.active(id).isEmpty()) {
                deciders.grant(admin, id, null);
            }
        }
    }

    @Test
    void aSolvedQuestionnaireOpensARequestThatAStaffMemberListsReadsAndRestores() {
        String mailbox = RecoveryPagesTest.mailbox(mailboxes, clock.instant(), null);
        String contact = RecoveryPagesTest.unique("api");
        long before = count("recovery_request");

        ApiResponse sent = fx.anonymous().post(BASE + "/questionnaire", solved(questionnaire(mailbox, contact)));

        assertThat(sent.status()).as("%s", sent).isEqualTo(201);
        String ticket = sent.json().path("ticketNumber").asText();
        assertThat(ticket).matches("L-\\d{6}");
        assertThat(sent.json().path("refusedByPolicy").asBoolean()).isFalse();
        assertThat(count("recovery_request")).isEqualTo(before + 1);
        long id = jdbc.sql("select id from recovery_request where mailbox = ?").param(mailbox).query(Long.class).single();

        ApiResponse list = fx.as("l2").get(BASE + "/requests", Map.of("state", "OPEN", "limit", 500));
        assertThat(list.status()).as("%s", list).isEqualTo(200);
        JsonNode line = find(list.json(), "requestId", id);
        assertThat(line.path("ticketNumber").asText()).isEqualTo(ticket);
        assertThat(line.path("mailbox").asText()).isEqualTo(mailbox);
        assertThat(line.path("state").asText()).isEqualTo("OPEN");
        assertThat(line.path("dueAt").asText()).isNotBlank();

        int viewed = viewed(id);
        ApiResponse evidence = fx.as("l2").get(BASE + "/requests/" + id);
        assertThat(evidence.status()).as("%s", evidence).isEqualTo(200);
        JsonNode e = evidence.json();
        assertThat(e.path("state").asText()).isEqualTo("OPEN");
        assertThat(e.path("recommendation").asText()).isEqualTo("RESTORE");
        assertThat(e.path("facts").path("maskedPhone").asText()).isEqualTo("+7 *** ***-**-22");
        assertThat(evidence.text()).doesNotContain(RecoveryPagesTest.PASSWORD, "$2a$", "+79120001122");
        assertThat(viewed(id)).isEqualTo(viewed + 1);
        assertThat(audit.find(AuditQuery.newest(1).requestId(id)).entries()).singleElement().satisfies(x -> {
            assertThat(x.action()).isEqualTo(AuditAction.EVIDENCE_VIEWED);
            assertThat(x.actorId()).isEqualTo(fx.userId("l2"));
        });

        ApiResponse restored = fx.as("l2").post(BASE + "/requests/" + id + "/decisions",
                ApiClient.body("kind", "RESTORE", "resetLink", true, "version", e.path("version").asLong()));
        assertThat(restored.status()).as("%s", restored).isEqualTo(200);
        assertThat(restored.json().path("state").asText()).isEqualTo("RESTORED");
        assertThat(directory.facts(mailbox).orElseThrow().pendingReset()).isNotNull();
        assertThat(jdbc.sql("select new_contact from directory_action where address = ?").param(mailbox).query(String.class).list())
                .containsExactly(contact);

        ApiResponse deciderList = fx.as("lead").get(BASE + "/deciders");
        assertThat(deciderList.status()).isEqualTo(200);
        assertThat(find(deciderList.json(), "userId", fx.userId("l2")).path("active").asBoolean()).isTrue();
    }

    @Test
    void aRefusalOverTheApiFinishesTheRequestAndBadDecisionsAreProblemsNamingTheField() {
        long id = submitted();
        String path = BASE + "/requests/" + id + "/decisions";
        long version = fx.as("l2").get(BASE + "/requests/" + id).json().path("version").asLong();

        // bad input: 400 problem details naming the field, nothing decided
        record Bad(Map<String, Object> body, String field) {
        }
        for (Bad bad : List.of(
                new Bad(ApiClient.body("kind", null), "kind"),
                new Bad(ApiClient.body("kind", "MAYBE"), "kind"),
                new Bad(ApiClient.body("kind", "REFUSE"), "reason"),
                new Bad(ApiClient.body("kind", "REFUSE", "reason", "OTHER"), "comment"),
                new Bad(ApiClient.body("kind", "REFUSE", "reason", "BECAUSE"), "reason"),
                new Bad(ApiClient.body("kind", "RESTORE"), "resetLink"),
                new Bad(ApiClient.body("kind", "RESTORE", "resetLink", true, "unblock", true), "unblock"),
                new Bad(ApiClient.body("kind", "ASK_MORE"), "comment"))) {
            ApiResponse refused = fx.as("l2").post(path, bad.body());
            assertThat(refused.status()).as("%s → %s", bad.body(), refused).isEqualTo(400);
            assertThat(refused.mediaType()).isEqualTo("application/problem+json");
            assertThat(refused.problemType()).isEqualTo("invalid-input");
            assertThat(refused.json().path("field").asText()).as("%s", bad.body()).isEqualTo(bad.field());
            assertThat(refused.json().path("detail").asText()).isNotBlank();
        }
        assertThat(decisions(id)).isZero();

        // stale: 409 with the current version, nothing decided
        ApiResponse stale = fx.as("l2").post(path, ApiClient.body("kind", "REFUSE", "reason", "NOT_ENOUGH_EVIDENCE",
                "version", version - 1));
        assertThat(stale.status()).as("%s", stale).isEqualTo(409);
        assertThat(stale.problemType()).isEqualTo("stale");
        assertThat(stale.json().path("currentVersion").asLong()).isEqualTo(version);
        assertThat(stale.json().path("currentState").asText()).isEqualTo("OPEN");
        assertThat(decisions(id)).isZero();

        ApiResponse refused = fx.as("l2").post(path, ApiClient.body("kind", "REFUSE", "reason", "ANSWERS_CONTRADICT",
                "version", version));
        assertThat(refused.status()).as("%s", refused).isEqualTo(200);
        assertThat(refused.json().path("state").asText()).isEqualTo("REFUSED");
        JsonNode decision = refused.json().path("decisions").get(0);
        assertThat(decision.path("kind").asText()).isEqualTo("REFUSE");
        assertThat(decision.path("reason").asText()).isEqualTo("ANSWERS_CONTRADICT");
        assertThat(refused.json().path("available")).isEmpty();

        // finished: another decision is a conflict
        ApiResponse again = fx.as("lead").post(path, ApiClient.body("kind", "RESTORE", "resetLink", true));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.problemType()).isEqualTo("transition-refused");
        assertThat(decisions(id)).isEqualTo(1);
    }

    @Test
    void customersAndUncertifiedStaffAreRefused() {
        long id = submitted();
        String customer = fx.newCustomer();
        String uncertifiedLead = "rapi-" + UUID.randomUUID().toString().substring(0, 8);
        administration.createUser(new UserCommand(uncertifiedLead, uncertifiedLead + "@linia.local", "Руководитель " + uncertifiedLead,
                ApiClient.DEMO_PASSWORD, Set.of(Role.TEAM_LEAD), Set.of(), "ru", true));

        for (String path : List.of(BASE + "/requests", BASE + "/deciders")) {
            ApiResponse refused = fx.as(customer).get(path);
            assertThat(refused.status()).as(path).isEqualTo(403);
            assertThat(refused.problemType()).isEqualTo("forbidden");
        }
        // a customer does not learn the request exists
        assertThat(fx.as(customer).get(BASE + "/requests/" + id).status()).isEqualTo(404);
        assertThat(fx.as(customer).post(BASE + "/requests/" + id + "/decisions",
                ApiClient.body("kind", "RESTORE", "resetLink", true)).status()).isEqualTo(404);
        // the uncertified lead reads, but may not decide
        assertThat(fx.as(uncertifiedLead).get(BASE + "/requests/" + id).json().path("available")).isEmpty();
        ApiResponse notCertified = fx.as(uncertifiedLead).post(BASE + "/requests/" + id + "/decisions",
                ApiClient.body("kind", "RESTORE", "resetLink", true));
        assertThat(notCertified.status()).as("%s", notCertified).isEqualTo(403);
        assertThat(notCertified.problemType()).isEqualTo("forbidden");
        // nor grant certifications… an L2 agent may not either
        ApiResponse grant = fx.as("l2").post(BASE + "/deciders", ApiClient.body("userId", fx.userId(uncertifiedLead)));
        assertThat(grant.status()).isEqualTo(403);
        // unauthenticated: no staff data at all
        assertThat(fx.anonymous().get(BASE + "/requests").status()).isEqualTo(401);
        assertThat(decisions(id)).isZero();
    }

    @Test
    void badQuestionnairesAreProblemsAtTheirFieldAndTheRateLimitAnswers429StoringNothing() {
        String mailbox = RecoveryPagesTest.mailbox(mailboxes, clock.instant(), null);
        long before = count("recovery_request");
        long tickets = count("ticket");

        record Bad(Map<String, Object> body, String field) {
        }
        Map<String, Object> noProof = questionnaire(mailbox, RecoveryPagesTest.unique("noproof"));
        Map<String, Object> wrongProof = questionnaire(mailbox, RecoveryPagesTest.unique("wrong"));
        JsonNode challenge = fx.anonymous().get(BASE + "/questionnaire/challenge").json();
        wrongProof.put("powToken", challenge.path("token").asText());
        wrongProof.put("powSolution", unsolved(challenge.path("token").asText(), challenge.path("bits").asInt()));
        Map<String, Object> badMailbox = questionnaire("not-an-address", RecoveryPagesTest.unique("bad"));
        Map<String, Object> tooMany = questionnaire(mailbox, RecoveryPagesTest.unique("many"));
        tooMany.put("passwords", List.of("1", "2", "3", "4", "5", "6"));
        Map<String, Object> badDate = questionnaire(mailbox, RecoveryPagesTest.unique("date"));
        badDate.put("registrationDate", "вчера");
        for (Bad bad : List.of(new Bad(solved(badMailbox), "mailbox"), new Bad(solved(tooMany), "passwords"),
                new Bad(badDate, "registrationDate"), new Bad(noProof, "proof"), new Bad(wrongProof, "proof"))) {
            ApiResponse refused = fx.anonymous().post(BASE + "/questionnaire", bad.body());
            assertThat(refused.status()).as("%s", refused).isEqualTo(400);
            assertThat(refused.mediaType()).isEqualTo("application/problem+json");
            assertThat(refused.json().path("field").asText()).isEqualTo(bad.field());
        }
        assertThat(count("recovery_request")).isEqualTo(before);

        // the mailbox's limit (3 a day)
        for (int i = 0; i < 3; i++) {
            assertThat(fx.anonymous().post(BASE + "/questionnaire", solved(questionnaire(mailbox,
                    RecoveryPagesTest.unique("limit" + i)))).status()).isEqualTo(201);
        }
        long after = count("recovery_request");
        long ticketsAfter = count("ticket");
        assertThat(after).isEqualTo(before + 3);
        ApiResponse limited = fx.anonymous().post(BASE + "/questionnaire", solved(questionnaire(mailbox,
                RecoveryPagesTest.unique("limit4"))));
        assertThat(limited.status()).as("%s", limited).isEqualTo(429);
        assertThat(limited.problemType()).isEqualTo("too-many-requests");
        assertThat(limited.json().path("field").asText()).isEqualTo("mailbox");
        assertThat(Long.parseLong(limited.header("Retry-After"))).isPositive();
        assertThat(count("recovery_request")).isEqualTo(after);
        assertThat(count("ticket")).isEqualTo(ticketsAfter);
        assertThat(tickets).isLessThan(ticketsAfter);
    }

    // ------------------------------------------------------------------ helpers

    private long submitted() {
        String mailbox = RecoveryPagesTest.mailbox(mailboxes, clock.instant(), null);
        ApiResponse sent = fx.anonymous().post(BASE + "/questionnaire", solved(questionnaire(mailbox,
                RecoveryPagesTest.unique("api"))));
        assertThat(sent.status()).as("%s", sent).isEqualTo(201);
        return jdbc.sql("select id from recovery_request where mailbox = ?").param(mailbox).query(Long.class).single();
    }

    private static Map<String, Object> questionnaire(String mailbox, String contact) {
        var a = RecoveryPagesTest.owner();
        return ApiClient.body("mailbox", mailbox, "contactEmail", contact, "registrationDate", a.registrationDate().toString(),
                "registrationCity", a.registrationCity(), "passwords", a.passwords(), "folders", a.folders(),
                "contacts", a.contacts(), "filters", a.filters(), "devices", a.devices(), "freeText", a.freeText());
    }

    /** Adds a solved challenge from the API, as a client would. */
    private Map<String, Object> solved(Map<String, Object> body) {
        JsonNode challenge = fx.anonymous().get(BASE + "/questionnaire/challenge").json();
        String token = challenge.path("token").asText();
        body.put("powToken", token);
        body.put("powSolution", ProofOfWorkAnswers.solution(token, challenge.path("bits").asInt()));
        return body;
    }

    private static String unsolved(String token, int bits) {
        return ProofOfWorkAnswers.failure(token, bits);
    }

    private static JsonNode find(JsonNode array, String field, long value) {
        for (JsonNode n : array) {
            if (n.path(field).asLong() == value) {
                return n;
            }
        }
        throw new AssertionError("no element with " + field + "=" + value + " in " + array);
    }

    private int viewed(long requestId) {
        return (int) audit.find(AuditQuery.newest(200).requestId(requestId)).entries().stream()
                .filter(x -> x.action() == AuditAction.EVIDENCE_VIEWED).map(AuditEntry::id).count();
    }

    private long decisions(long requestId) {
        return jdbc.sql("select count(*) from recovery_decision where request_id = ?").param(requestId).query(Long.class).single();
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
