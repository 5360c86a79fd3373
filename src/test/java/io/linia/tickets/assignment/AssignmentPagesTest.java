package io.linia.tickets.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import io.linia.accounts.Actor;
import io.linia.accounts.AgentShifts;
import io.linia.accounts.UserAdministration;
import io.linia.accounts.UserDirectory;
import io.linia.routing.AssignmentMode;
import io.linia.routing.AssignmentRules;
import io.linia.routing.RoutingAdministration;
import io.linia.routing.RoutingDirectory;
import io.linia.support.StoreTest;
import io.linia.support.WebSession;
import io.linia.tickets.TicketService;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The "Next ticket" button, the on-shift toggle and the admin forms, over HTTP as a browser sends them. */
@StoreTest
class AssignmentPagesTest {

    @LocalServerPort int port;
    @Autowired TicketService tickets;
    @Autowired AgentShifts shifts;
    @Autowired AssignmentRules rules;
    @Autowired RoutingAdministration routingAdmin;
    @Autowired RoutingDirectory routing;
    @Autowired UserAdministration users;
    @Autowired UserDirectory directory;
    @Autowired JdbcTemplate jdbc;

    AssignmentFixtures fx;

    @BeforeEach
    void setUp() {
        fx = new AssignmentFixtures(routingAdmin, routing, rules, users, directory, shifts, tickets, jdbc);
    }

    private String login(Actor actor) {
        return directory.user(actor.id()).orElseThrow().login();
    }

    @Test
    void nextTicketButtonOpensTheOldestTicketThenSaysNothingWaits() {
        long group = fx.group(AssignmentMode.MANUAL, false);
        Actor agent = fx.agent(group, false);
        String number = fx.escalated(fx.customer(), group);
        WebSession web = WebSession.signedIn(port, login(agent));

        HttpResponse<String> queue = web.get("/agent/queue/group/" + group);
        assertThat(queue.statusCode()).isEqualTo(200);
        assertThat(queue.body()).contains("id=\"next-ticket\"").contains("id=\"shift-toggle\"");

        HttpResponse<String> taken = web.post("/agent/next", Map.of());
        assertThat(taken.statusCode()).isEqualTo(302);
        assertThat(taken.headers().firstValue("Location").orElse("")).endsWith("/agent/tickets/" + number);
        assertThat(fx.get(number).assigneeId()).isEqualTo(agent.id());

        HttpResponse<String> none = web.post("/agent/next", Map.of());
        assertThat(none.statusCode()).isEqualTo(302);
        String back = none.headers().firstValue("Location").orElseThrow();
        assertThat(web.get(back.replaceFirst("^https?://[^/]+", "")).body()).contains("id=\"flash-problem\"");
    }

    @Test
    void agentTogglesTheirShiftFromTheUserMenu() {
        Actor agent = fx.agent(fx.group(AssignmentMode.MANUAL, false), false);
        WebSession web = WebSession.signedIn(port, login(agent));
        web.get("/profile");
        assertThat(web.post("/profile/shift", Map.of("onShift", "true")).statusCode()).isEqualTo(302);
        assertThat(shifts.onShift(agent.id())).isTrue();
        web.get("/profile");
        assertThat(web.post("/profile/shift", Map.of("onShift", "false")).statusCode()).isEqualTo(302);
        assertThat(shifts.onShift(agent.id())).isFalse();
    }

    @Test
    void customersCannotPullNextTicket() {
        Actor customer = fx.customer();
        WebSession web = WebSession.signedIn(port, login(customer));
        web.get("/portal");
        assertThat(web.post("/agent/next", Map.of()).statusCode()).isEqualTo(403);
    }

    @Test
    void adminSetsGroupModeAndAgentsCertificationAndShift() {
        long group = fx.group(AssignmentMode.MANUAL, false);
        Actor agent = fx.agent(group, false);
        WebSession admin = WebSession.signedIn(port, "admin");

        assertThat(admin.get("/admin/groups/" + group).body()).contains("id=\"assignment-form\"");
        HttpResponse<String> saved = admin.post("/admin/groups/" + group + "/assignment",
                Map.of("mode", "ROUND_ROBIN", "certificationRequired", "true"));
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(rules.group(group).orElseThrow().mode()).isEqualTo(AssignmentMode.ROUND_ROBIN);
        assertThat(rules.group(group).orElseThrow().certificationRequired()).isTrue();

        assertThat(admin.get("/admin/users/" + agent.id()).body()).contains("id=\"assignment-form\"");
        HttpResponse<String> user = admin.post("/admin/users/" + agent.id() + "/assignment",
                Map.of("onShift", "true", "certifiedGroupIds", String.valueOf(group)));
        assertThat(user.statusCode()).isEqualTo(302);
        assertThat(shifts.onShift(agent.id())).isTrue();
        assertThat(shifts.certifiedGroups(agent.id())).containsExactly(group);
        assertThat(admin.get("/admin/users/" + agent.id()).body()).containsPattern("id=\"cert-" + group + "\"[^>]*checked");
    }
}
