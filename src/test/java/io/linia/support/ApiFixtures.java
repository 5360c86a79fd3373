package io.linia.support;

import static io.linia.support.ApiClient.body;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.linia.accounts.Role;
import io.linia.accounts.UserAdministration;
import io.linia.accounts.UserCommand;
import io.linia.accounts.UserDirectory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The demo users as API callers, and the tickets the API tests start from, made through the API
 * itself. Callers use bearer tokens (issued once per user and server) so that setting up does not
 * pay a password hash per request; {@link #basic(String)} gives the same user with HTTP basic.
 */
public final class ApiFixtures {

    /** Tokens per "port/login": all store tests share one server per build pass. */
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    private final int port;
    private final UserAdministration administration;
    private final UserDirectory directory;
    private final Map<String, Long> groups = new ConcurrentHashMap<>();
    private final Map<String, Long> categories = new ConcurrentHashMap<>();

    public ApiFixtures(int port, UserAdministration administration, UserDirectory directory) {
        this.port = port;
        this.administration = administration;
        this.directory = directory;
    }

    // ------------------------------------------------------------------ callers

    public ApiClient anonymous() {
        return ApiClient.anonymous(port);
    }

    /** The user with a bearer token. */
    public ApiClient as(String login) {
        String token = TOKENS.computeIfAbsent(port + "/" + login,
                key -> administration.issueToken(userId(login), "api-tests").secret());
        return anonymous().bearer(token);
    }

    /** The user with HTTP basic and the demo password. */
    public ApiClient basic(String login) {
        return anonymous().basic(login);
    }

    public long userId(String login) {
        return directory.userByLogin(login).orElseThrow(() -> new IllegalStateException("no user " + login)).id();
    }

    /** A customer of its own (so that lists of "my tickets" hold only this test's tickets); returns the login. */
    public String newCustomer() {
        String login = "api-" + UUID.randomUUID().toString().substring(0, 8);
        administration.createUser(new UserCommand(login, login + "@example.org", "Test " + login, ApiClient.DEMO_PASSWORD,
                Set.of(Role.CUSTOMER), Set.of(), "en", true));
        return login;
    }

    public static String uniqueEmail() {
        return "api-" + UUID.randomUUID().toString().substring(0, 12) + "@example.org";
    }

    // ------------------------------------------------------------------ routing ids

    public long groupId(String code) {
        return groups.computeIfAbsent(code, c -> idByCode("/api/v1/groups", c));
    }

    public long categoryId(String code) {
        return categories.computeIfAbsent(code, c -> idByCode("/api/v1/categories", c));
    }

    private long idByCode(String path, String code) {
        JsonNode all = expect(as("lead").get(path), 200);
        for (JsonNode node : all) {
            if (code.equals(node.path("code").asText())) {
                return node.path("id").asLong();
            }
        }
        throw new IllegalStateException(code + " not in " + path);
    }

    // ------------------------------------------------------------------ tickets

    /** A new first-line ticket written by this customer (login). */
    public JsonNode ticketOf(String customerLogin, String subject) {
        return expect(as(customerLogin).post("/api/v1/tickets", body("subject", subject, "body", "Body of " + subject)), 201);
    }

    /** A new first-line ticket created by an L1 agent on behalf of this address. */
    public JsonNode ticketFor(String customerEmail, String subject) {
        return expect(as("l1").post("/api/v1/tickets",
                body("subject", subject, "body", "Body of " + subject, "customerEmail", customerEmail)), 201);
    }

    /** Passes a first-line ticket to the access-recovery group (as L1). */
    public JsonNode escalateToRecovery(String number) {
        return expect(as("l1").post(path(number, "escalate"), body("categoryId", categoryId("password-forgotten"),
                "groupId", groupId("recovery"), "note", "internal: to recovery")), 200);
    }

    public JsonNode get(String login, String number) {
        return expect(as(login).get("/api/v1/tickets/" + number), 200);
    }

    /** Takes a ticket out of every queue (close on the first line, solve on the second) so queues stay short. */
    public void finish(String number) {
        ApiResponse current = as("lead").get("/api/v1/tickets/" + number);
        if (current.status() != 200) {
            return;
        }
        String state = current.json().path("state").asText();
        if (!Set.of("NEW", "OPEN", "WAITING_FOR_CUSTOMER").contains(state)) {
            return;
        }
        if ("FIRST".equals(current.json().path("line").asText())) {
            expect(as("lead").post(path(number, "close"), body("reason", "OTHER")), 200);
        } else {
            expect(as("lead").post(path(number, "solve"), body()), 200);
        }
    }

    public static String path(String number, String action) {
        return "/api/v1/tickets/" + number + "/" + action;
    }

    /** Every ticket of the list endpoint for this caller and filter, following the cursor to the end. */
    public List<JsonNode> listAll(ApiClient caller, Map<String, Object> filter, int pageSize) {
        List<JsonNode> all = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Map<String, Object> query = new java.util.LinkedHashMap<>(filter);
            query.put("size", pageSize);
            query.put("cursor", cursor);
            JsonNode page = expect(caller.get("/api/v1/tickets", query), 200);
            page.path("items").forEach(all::add);
            cursor = page.path("nextCursor").isNull() || page.path("nextCursor").isMissingNode()
                    ? null : page.path("nextCursor").asText();
            assertThat(++pages).as("pages of %s", filter).isLessThan(10_000);
        } while (cursor != null);
        return all;
    }

    public static JsonNode expect(ApiResponse response, int status) {
        assertThat(response.status()).as("%s", response).isEqualTo(status);
        return response.json();
    }
}
