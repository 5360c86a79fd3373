package io.linia.recovery.audit.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.linia.accounts.Actor;
import io.linia.accounts.Role;
import io.linia.accounts.UserAdministration;
import io.linia.accounts.UserDirectory;
import io.linia.recovery.audit.AuditAction;
import io.linia.recovery.audit.AuditEntry;
import io.linia.recovery.audit.RecoveryAuditLog;
import io.linia.support.ApiFixtures;
import io.linia.support.ApiResponse;
import io.linia.support.StoreTest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

/** GET /api/v1/admin/recovery/audit: admins page through the filtered log as JSON; bad filters are problems naming the parameter. */
@StoreTest
class AuditApiTest {

    static final String PATH = "/api/v1/admin/recovery/audit";

    @LocalServerPort
    int port;
    @Autowired
    UserAdministration administration;
    @Autowired
    UserDirectory directory;
    @Autowired
    RecoveryAuditLog audit;
    @Autowired
    TransactionTemplate transactions;

    ApiFixtures fx;

    @BeforeEach
    void fixtures() {
        fx = new ApiFixtures(port, administration, directory);
    }

    AuditEntry record(Actor actor, AuditAction action, Long requestId, String mailbox, String detail) {
        return transactions.execute(s -> audit.record(actor, action, requestId, null, mailbox, detail));
    }

    static Actor agent() {
        return new Actor(3_000_000_000L + (System.nanoTime() % 1_000_000_000L), "Агент API", Set.of(Role.AGENT_L2), Set.of());
    }

    static String mailbox() {
        return "api-" + UUID.randomUUID().toString().substring(0, 8) + "@example.ru";
    }

    @Test
    void anAdminReadsTheFilteredLogPageByPage() {
        Actor actor = agent();
        String box = mailbox();
        List<AuditEntry> recorded = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            recorded.add(record(actor, i % 2 == 0 ? AuditAction.EVIDENCE_VIEWED : AuditAction.ANSWERS_ADDED, 81L, box, "шаг " + i));
        }

        ApiResponse first = fx.as("admin").get(PATH, Map.of("mailbox", box, "limit", 2));
        assertThat(first.status()).as("%s", first).isEqualTo(200);
        JsonNode page = first.json();
        assertThat(page.path("entries")).hasSize(2);
        JsonNode newest = page.path("entries").get(0);
        AuditEntry last = recorded.get(4);
        assertThat(newest.path("id").asLong()).isEqualTo(last.id());
        assertThat(newest.path("at").asText()).isEqualTo(last.at().toString());
        assertThat(newest.path("actorId").asLong()).isEqualTo(actor.id());
        assertThat(newest.path("actorName").asText()).isEqualTo("Агент API");
        assertThat(newest.path("action").asText()).isEqualTo("EVIDENCE_VIEWED");
        assertThat(newest.path("requestId").asLong()).isEqualTo(81L);
        assertThat(newest.path("ticketId").isNull()).isTrue();
        assertThat(newest.path("mailbox").asText()).isEqualTo(box);
        assertThat(newest.path("detail").asText()).isEqualTo("шаг 4");

        List<Long> ids = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Map<String, Object> query = new LinkedHashMap<>(Map.of("mailbox", box, "limit", 2));
            if (cursor != null) {
                query.put("cursor", cursor);
            }
            JsonNode next = fx.as("admin").get(PATH, query).json();
            next.path("entries").forEach(e -> ids.add(e.path("id").asLong()));
            cursor = next.path("nextCursor").isNull() ? null : next.path("nextCursor").asText();
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(3);
        assertThat(ids).containsExactly(recorded.get(4).id(), recorded.get(3).id(), recorded.get(2).id(), recorded.get(1).id(),
                recorded.get(0).id());

        JsonNode filtered = fx.as("admin").get(PATH, Map.of("actorId", actor.id(), "action", "ANSWERS_ADDED", "requestId", 81,
                "from", recorded.get(0).at().toString(), "to", recorded.get(4).at().toString())).json();
        assertThat(filtered.path("entries").findValuesAsText("detail")).containsExactly("шаг 3", "шаг 1");
        assertThat(filtered.path("nextCursor").isNull()).isTrue();
    }

    @Test
    void badFiltersAreProblemsNamingTheParameter() {
        assertProblem(Map.of("action", "RESTORE_EVERYTHING"), "action");
        assertProblem(Map.of("from", "yesterday"), "from");
        assertProblem(Map.of("to", "2026-11-26"), "to");
        assertProblem(Map.of("from", "2026-11-26T10:00:00Z", "to", "2026-11-26T09:00:00Z"), "to");
        assertProblem(Map.of("actorId", "anna"), "actorId");
        assertProblem(Map.of("requestId", "1.5"), "requestId");
        assertProblem(Map.of("limit", 0), "limit");
        assertProblem(Map.of("limit", 501), "limit");
        assertProblem(Map.of("cursor", "page-2"), "cursor");
        ApiResponse mailbox = assertProblem(Map.of("mailbox", "anna@"), "mailbox");
        assertThat(mailbox.json().path("detail").asText()).as("the refusal in the caller's language")
                .isEqualTo("\"anna@\" is not a mailbox address.");
    }

    @Test
    void onlyAdminsReadTheLog() {
        assertThat(fx.as("l2").get(PATH).status()).isEqualTo(403);
        assertThat(fx.as("lead").get(PATH).status()).isEqualTo(403);
        assertThat(fx.anonymous().get(PATH).status()).isEqualTo(401);
        assertThat(fx.as("admin").get(PATH).status()).isEqualTo(200);
    }

    private ApiResponse assertProblem(Map<String, Object> query, String field) {
        ApiResponse response = fx.as("admin").get(PATH, query);
        assertThat(response.status()).as("%s", response).isEqualTo(400);
        assertThat(response.mediaType()).isEqualTo("application/problem+json");
        assertThat(response.problemType()).isEqualTo("invalid-input");
        assertThat(response.json().path("field").asText()).as("%s", response).isEqualTo(field);
        return response;
    }
}
