package io.linia.tickets.assignment;

import static io.linia.support.ApiClient.body;
import static org.assertj.core.api.Assertions.assertThat;

import io.linia.accounts.Actor;
import io.linia.accounts.AgentShifts;
import io.linia.accounts.UserAdministration;
import io.linia.accounts.UserDirectory;
import io.linia.routing.AssignmentMode;
import io.linia.routing.AssignmentRules;
import io.linia.routing.RoutingAdministration;
import io.linia.routing.RoutingDirectory;
import io.linia.support.ApiFixtures;
import io.linia.support.ApiResponse;
import io.linia.support.StoreTest;
import io.linia.tickets.TicketService;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@code POST /api/v1/tickets/next}, the shift API and the group assignment API over HTTP. */
@StoreTest
class NextTicketApiTest {

    @LocalServerPort int port;
    @Autowired TicketService tickets;
    @Autowired AgentShifts shifts;
    @Autowired AssignmentRules rules;
    @Autowired RoutingAdministration routingAdmin;
    @Autowired RoutingDirectory routing;
    @Autowired UserAdministration users;
    @Autowired UserDirectory directory;
    @Autowired JdbcTemplate jdbc;

    ApiFixtures api;
    AssignmentFixtures fx;

    @BeforeEach
    void setUp() {
        api = new ApiFixtures(port, users, directory);
        fx = new AssignmentFixtures(routingAdmin, routing, rules, users, directory, shifts, tickets, jdbc);
    }

    @Test
    void nextTicketAssignsAndAnswersInShortWithALinkToTheWholeTicketThenSaysNothingWaits() {
        long group = fx.group(AssignmentMode.MANUAL, false);
        Actor agent = fx.agent(group, false);
        String number = fx.escalated(fx.customer(), group);
        String login = directory.user(agent.id()).orElseThrow().login();

        ApiResponse taken = api.as(login).post("/api/v1/tickets/next", Map.of());
        assertThat(taken.status()).as(taken.toString()).isEqualTo(200);
        assertThat(taken.json().path("number").asText()).isEqualTo(number);
        assertThat(taken.json().path("assigneeId").asLong()).isEqualTo(agent.id());
        assertThat(taken.json().path("state").asText()).isEqualTo("OPEN");
        assertThat(taken.json().path("groupId").asLong()).isEqualTo(group);
        assertThat(taken.json().path("subject").asText()).startsWith("Не открывается вложение");
        assertThat(taken.json().has("messages")).as("no messages in the short answer").isFalse();
        String link = taken.json().path("link").asText();
        assertThat(link).isEqualTo("/api/v1/tickets/" + number);
        ApiResponse whole = api.as(login).get(link);
        assertThat(whole.status()).as(whole.toString()).isEqualTo(200);
        assertThat(whole.json().path("version").asLong()).isEqualTo(taken.json().path("version").asLong());
        assertThat(whole.json().path("messages").size()).isEqualTo(1);
        assertThat(whole.json().path("assigneeId").asLong()).isEqualTo(agent.id());

        ApiResponse none = api.as(login).post("/api/v1/tickets/next", Map.of());
        assertThat(none.status()).as(none.toString()).isEqualTo(404);
        assertThat(none.mediaType()).contains("problem+json");
        assertThat(none.json().path("detail").asText()).isEqualTo("No unassigned tickets wait in your queues.");
    }

    @Test
    void customersLeadsAndStrangersCannotPullNextTicket() {
        String customer = api.newCustomer();
        assertThat(api.as(customer).post("/api/v1/tickets/next", Map.of()).status()).isEqualTo(403);
        assertThat(api.as("lead").post("/api/v1/tickets/next", Map.of()).status()).isEqualTo(403);
        assertThat(api.anonymous().post("/api/v1/tickets/next", Map.of()).status()).isEqualTo(401);
        assertThat(api.as(customer).put("/api/v1/agents/me/shift", body("onShift", true)).status()).isEqualTo(403);
    }

    @Test
    void agentsSetTheirOwnShiftAndLeadsAnyones() {
        long group = fx.group(AssignmentMode.MANUAL, false);
        Actor agent = fx.agent(group, false);
        Actor colleague = fx.agent(group, false);
        String login = directory.user(agent.id()).orElseThrow().login();
        String colleagueLogin = directory.user(colleague.id()).orElseThrow().login();

        ApiResponse on = api.as(login).put("/api/v1/agents/me/shift", body("onShift", true));
        assertThat(on.status()).as(on.toString()).isEqualTo(200);
        assertThat(on.json().path("onShift").asBoolean()).isTrue();
        assertThat(api.as(login).get("/api/v1/agents/me/shift").json().path("onShift").asBoolean()).isTrue();

        assertThat(api.as(colleagueLogin).put("/api/v1/agents/" + agent.id() + "/shift", body("onShift", false)).status())
                .isEqualTo(403);
        ApiResponse byLead = api.as("lead").put("/api/v1/agents/" + agent.id() + "/shift", body("onShift", false));
        assertThat(byLead.status()).as(byLead.toString()).isEqualTo(200);
        assertThat(shifts.onShift(agent.id())).isFalse();
    }

    @Test
    void adminsSetAGroupsAssignmentMode() {
        long group = fx.group(AssignmentMode.MANUAL, false);
        String path = "/api/v1/admin/groups/" + group + "/assignment";
        ApiResponse put = api.as("admin").put(path, body("mode", "LEAST_LOADED", "certificationRequired", true));
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
        assertThat(api.as("admin").get(path).json().path("mode").asText()).isEqualTo("LEAST_LOADED");
        assertThat(rules.group(group).orElseThrow().certificationRequired()).isTrue();
        assertThat(api.as("lead").put(path, body("mode", "MANUAL")).status()).isEqualTo(403);
    }
}
