package io.linia.accounts.api;

import static io.linia.support.ApiClient.body;
import static org.assertj.core.api.Assertions.assertThat;

import io.linia.accounts.ApiTokenRef;
import io.linia.accounts.IssuedToken;
import io.linia.accounts.Role;
import io.linia.accounts.UserAdministration;
import io.linia.accounts.UserCommand;
import io.linia.accounts.UserDirectory;
import io.linia.accounts.UserRef;
import io.linia.support.ApiClient;
import io.linia.support.ApiFixtures;
import io.linia.support.ApiResponse;
import io.linia.support.StoreTest;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Signing in to the REST API: HTTP basic and bearer tokens, and every way of failing to (401 problem details). */
@StoreTest
class ApiAuthenticationTest {

    private static final String QUEUE = "/api/v1/tickets/queue/first-line?limit=1";

    @LocalServerPort
    int port;

    @Autowired
    UserAdministration administration;

    @Autowired
    UserDirectory directory;

    ApiFixtures fx;

    @BeforeEach
    void setUp() {
        fx = new ApiFixtures(port, administration, directory);
    }

    private UserRef newAgent() {
        String login = "agent-" + UUID.randomUUID().toString().substring(0, 8);
        return administration.createUser(new UserCommand(login, login + "@linia.local", "Agent " + login,
                ApiClient.DEMO_PASSWORD, Set.of(Role.AGENT_L1), Set.of(), "en", true));
    }

    private void disable(UserRef user) {
        administration.updateUser(user.id(), new UserCommand(user.login(), user.email(), user.displayName(), null,
                user.roles(), user.groupIds(), user.locale(), false));
    }

    private static void assertUnauthenticated(ApiResponse response) {
        assertThat(response.status()).as("%s", response).isEqualTo(401);
        assertThat(response.mediaType()).isEqualTo("application/problem+json");
        assertThat(response.problemType()).isEqualTo("unauthenticated");
        assertThat(response.json().path("status").asInt()).isEqualTo(401);
        assertThat(response.header("WWW-Authenticate")).contains("Bearer").contains("Basic");
    }

    @Test
    void basicAuthenticationAcceptsTheLoginOrTheEmailAddress() {
        assertThat(fx.anonymous().basic("l1").get(QUEUE).status()).isEqualTo(200);
        assertThat(fx.anonymous().basic("anna.kuznetsova@linia.local").get(QUEUE).status()).isEqualTo(200);
        assertThat(fx.anonymous().basic("L1").get(QUEUE).status()).as("logins are case-insensitive").isEqualTo(200);
    }

    @Test
    void wrongPasswordUnknownUserAndCustomerWithoutPasswordAre401() {
        String email = ApiFixtures.uniqueEmail();
        fx.ticketFor(email, "creates a customer without a password");

        assertUnauthenticated(fx.anonymous().basic("l1", "wrong-password").get(QUEUE));
        assertUnauthenticated(fx.anonymous().basic("nobody-" + UUID.randomUUID(), "linia2026").get(QUEUE));
        assertUnauthenticated(fx.anonymous().basic(email, "").get(QUEUE));
        assertUnauthenticated(fx.anonymous().basic(email, "linia2026").get(QUEUE));
    }

    @Test
    void bearerTokenWorksForEveryEndpointAndIsRecordedAsUsed() {
        UserRef agent = newAgent();
        IssuedToken token = administration.issueToken(agent.id(), "ci");
        assertThat(token.secret()).startsWith("lin_");
        ApiClient client = fx.anonymous().bearer(token.secret());

        assertThat(client.get(QUEUE).status()).isEqualTo(200);
        ApiResponse created = client.post("/api/v1/tickets", body("subject", "by token", "body", "text",
                "customerEmail", ApiFixtures.uniqueEmail()));
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        fx.finish(created.json().path("number").asText());

        List<ApiTokenRef> tokens = administration.tokens(agent.id());
        assertThat(tokens).singleElement().satisfies(t -> {
            assertThat(t.name()).isEqualTo("ci");
            assertThat(t.lastUsedAt()).isNotNull();
        });
    }

    @Test
    void bearerSchemeIsCaseInsensitive() {
        IssuedToken token = administration.issueToken(fx.userId("l1"), "ci");
        String secret = token.secret();

        for (String scheme : List.of("Bearer", "bearer", "BEARER")) {
            ApiResponse response = fx.anonymous().authorization(scheme + " " + secret).get(QUEUE);
            assertThat(response.status()).as(scheme).isEqualTo(200);
        }
    }

    @Test
    void revokedTokenIs401() {
        UserRef agent = newAgent();
        IssuedToken token = administration.issueToken(agent.id(), "ci");
        ApiClient client = fx.anonymous().bearer(token.secret());
        assertThat(client.get(QUEUE).status()).isEqualTo(200);

        administration.revokeToken(agent.id(), token.token().id());

        assertUnauthenticated(client.get(QUEUE));
    }

    @Test
    void disabledUserIsRefusedWithTokenAndWithPassword() {
        UserRef agent = newAgent();
        IssuedToken token = administration.issueToken(agent.id(), "ci");
        assertThat(fx.anonymous().bearer(token.secret()).get(QUEUE).status()).isEqualTo(200);

        disable(agent);

        assertUnauthenticated(fx.anonymous().bearer(token.secret()).get(QUEUE));
        assertUnauthenticated(fx.anonymous().basic(agent.login()).get(QUEUE));
    }

    @Test
    void aChangeOfRolesAppliesToTheNextRequestWithACachedToken() {
        UserRef agent = newAgent();
        IssuedToken token = administration.issueToken(agent.id(), "ci");
        ApiClient client = fx.anonymous().bearer(token.secret());
        assertThat(client.get(QUEUE).status()).isEqualTo(200);
        assertThat(client.get(QUEUE).status()).isEqualTo(200); // the token's principal is cached by now

        administration.updateUser(agent.id(), new UserCommand(agent.login(), agent.email(), agent.displayName(), null,
                Set.of(Role.CUSTOMER), Set.of(), agent.locale(), true));

        assertThat(client.get(QUEUE).status()).isEqualTo(403);
    }

    @Test
    void malformedBearerTokensAre401AndNeverReachTheEndpoint() {
        for (String token : List.of("", "lin_", "lin_" + "x".repeat(500), "no-prefix-token", "lin_ spaces inside")) {
            String email = ApiFixtures.uniqueEmail();
            ApiResponse response = fx.anonymous().bearer(token).post("/api/v1/tickets",
                    body("subject", "must not be stored", "body", "text", "customerEmail", email));
            assertUnauthenticated(response);
            assertThat(directory.userByLogin(email)).as("nothing was created").isEmpty();
        }
    }

    @Test
    void everyTicketEndpointAsksAnonymousCallersToSignIn() {
        for (String path : List.of("/api/v1/tickets", "/api/v1/tickets/L-000001", "/api/v1/tickets/mine",
                "/api/v1/tickets/queue/first-line", "/api/v1/tickets/queue/groups/1", "/api/v1/groups", "/api/v1/categories")) {
            assertUnauthenticated(fx.anonymous().get(path));
        }
        for (String action : List.of("answer", "ask", "close", "escalate", "reply", "solve", "return", "take", "release",
                "assign", "priority", "category", "notes", "messages")) {
            assertUnauthenticated(fx.anonymous().post("/api/v1/tickets/L-000001/" + action, body("body", "x")));
        }
    }
}
