package io.linia.workforce.attendance;

import static io.linia.support.ApiClient.body;
import static io.linia.support.ApiFixtures.expect;
import static io.linia.workforce.attendance.OnShiftDesk.MORNING;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.linia.accounts.UserAdministration;
import io.linia.accounts.UserDirectory;
import io.linia.accounts.UserRef;
import io.linia.routing.AssignmentRules;
import io.linia.routing.RoutingAdministration;
import io.linia.routing.RoutingDirectory;
import io.linia.support.ApiFixtures;
import io.linia.support.ApiResponse;
import io.linia.support.WebSession;
import io.linia.tickets.TicketService;
import io.linia.workforce.schedule.Rosters;
import io.linia.workforce.staff.PlanningPeriods;
import io.linia.workforce.staff.StaffProfiles;
import io.linia.workforce.staff.StaffStoreTest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * «Сейчас на смене» over real HTTP: the lead's page shows who the roster has on shift, who is on shift
 * since when and by whose doing, absent and late marks and the day's log; the lead checks an agent out,
 * the agent checks in on their own page; the API says the same, and refuses what is not one's to do
 * (problem details naming the field) without changing anything.
 */
@StaffStoreTest
class OnShiftPagesTest {

    @LocalServerPort int port;
    @Autowired StaffStoreTest.StaffClock clock;
    @Autowired PlanningPeriods periods;
    @Autowired StaffProfiles profiles;
    @Autowired UserAdministration administration;
    @Autowired UserDirectory users;
    @Autowired Rosters rosters;
    @Autowired RoutingAdministration routingAdmin;
    @Autowired RoutingDirectory routing;
    @Autowired AssignmentRules rules;
    @Autowired TicketService tickets;
    @Autowired JdbcTemplate jdbc;
    @Autowired OnShiftPass pass;

    OnShiftDesk desk;
    ApiFixtures api;
    UserRef anna;
    UserRef boris;

    @BeforeEach
    void setUp() {
        desk = new OnShiftDesk(clock, periods, profiles, administration, users, rosters, routingAdmin, routing, rules, tickets, jdbc);
        api = new ApiFixtures(port, administration, users);
        anna = desk.agent("Анна Страничная", null);
        boris = desk.agent("Борис Страничный", null);
        desk.give(anna, 0, MORNING);
        desk.give(anna, 1, MORNING);
        desk.publish();
        desk.clock(desk.at(0, 9, 0, 20));
        pass.pass();
    }

    @Test
    void theLeadSeesTheRosterAndTheFlagsChecksAnAgentOutAndTheAgentChecksInLate() {
        WebSession lead = WebSession.signedIn(port, "lead");
        HttpResponse<String> page = lead.get("/agent/workforce/now");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(row(page.body(), anna)).contains("data-on-shift=\"true\"").contains("data-scheduled=\"true\"").contains("09:00–15:00")
                .contains("по графику");
        assertThat(row(page.body(), boris)).contains("data-on-shift=\"false\"").contains("data-scheduled=\"false\"").contains("нет смены");

        desk.clock(desk.at(0, 9, 2, 0));
        HttpResponse<String> out = lead.post("/agent/workforce/now/" + anna.id() + "/shift", Map.of("onShift", "false"));
        assertThat(out.statusCode()).isEqualTo(302);
        desk.clock(desk.at(0, 9, 20, 0));
        page = lead.get("/agent/workforce/now");
        assertThat(row(page.body(), anna)).contains("data-on-shift=\"false\"").contains("руководитель").contains("не вышел на смену 09:00");
        assertThat(page.body()).contains("id=\"now-log\"").contains("data-source=\"LEAD\"").contains("data-source=\"SCHEDULE\"");

        WebSession agent = WebSession.signedIn(port, anna.login());
        HttpResponse<String> mine = agent.get("/agent/workforce/now");
        assertThat(mine.statusCode()).isEqualTo(200);
        assertThat(mine.body()).contains("Моя смена").contains("Вы не на смене").contains("По графику сейчас ваша смена 09:00–15:00")
                .contains("следующая смена " + desk.monday().plusDays(1).format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy")) + " 09:00");
        desk.clock(desk.at(0, 9, 30, 0));
        assertThat(agent.post("/agent/workforce/now/" + anna.id() + "/shift", Map.of("onShift", "true")).statusCode()).isEqualTo(302);
        assertThat(agent.post("/agent/workforce/now/" + boris.id() + "/shift", Map.of("onShift", "true")).statusCode())
                .as("another agent's check-in").isEqualTo(403);
        assertThat(agent.get("/agent/workforce/now").body()).contains("Вы на смене").contains("опоздал: отметился в 09:30");
        assertThat(desk.log(boris)).isEmpty();
        assertThat(desk.log(anna)).containsExactly("on/SCHEDULE", "off/LEAD", "on/AGENT");
        assertThat(lead.get("/agent/workforce/now").body()).contains("Анна Страничная");
    }

    @Test
    void theApiShowsTheDeskAndAnAgentsOwnStateAndRefusesWhatIsNotTheirs() {
        JsonNode deskNow = expect(api.as("lead").get("/api/v1/workforce/now"), 200);
        JsonNode row = null;
        for (JsonNode a : deskNow.path("agents")) {
            if (a.path("userId").asLong() == anna.id()) {
                row = a;
            }
        }
        assertThat(row).isNotNull();
        assertThat(row.path("onShift").asBoolean()).isTrue();
        assertThat(row.path("source").asText()).isEqualTo("SCHEDULE");
        assertThat(row.path("scheduledNow").path("templateId").asLong()).isEqualTo(MORNING);
        assertThat(row.path("scheduledNow").path("start").asText()).isEqualTo(desk.at(0, 9, 0, 0).toString());
        assertThat(row.path("next").path("date").asText()).isEqualTo(desk.monday().plusDays(1).toString());

        expect(api.as(anna.login()).get("/api/v1/workforce/now"), 403);
        JsonNode me = expect(api.as(anna.login()).get("/api/v1/workforce/now/me"), 200);
        assertThat(me.path("userId").asLong()).isEqualTo(anna.id());
        assertThat(me.path("onShift").asBoolean()).isTrue();
        expect(api.as(anna.login()).get("/api/v1/workforce/now/" + boris.id()), 403);

        expect(api.as(anna.login()).put("/api/v1/workforce/now/" + boris.id() + "/shift", body("onShift", true)), 403);
        ApiResponse missing = api.as("lead").put("/api/v1/workforce/now/" + boris.id() + "/shift", Map.of());
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().path("field").asText()).isEqualTo("onShift");
        expect(api.as("lead").put("/api/v1/workforce/now/987654321/shift", body("onShift", true)), 404);
        long customer = api.userId("customer");
        ApiResponse notAgent = api.as("lead").put("/api/v1/workforce/now/" + customer + "/shift", body("onShift", true));
        assertThat(notAgent.status()).isEqualTo(400);
        assertThat(notAgent.json().path("field").asText()).isEqualTo("userId");
        assertThat(desk.log(boris)).as("refusals change nothing").isEmpty();

        desk.clock(desk.at(0, 11, 0, 0));
        JsonNode out = expect(api.as(anna.login()).put("/api/v1/workforce/now/" + anna.id() + "/shift", body("onShift", false)), 200);
        assertThat(out.path("onShift").asBoolean()).isFalse();
        assertThat(out.path("source").asText()).isEqualTo("AGENT");
        assertThat(out.path("since").asText()).isEqualTo(desk.at(0, 11, 0, 0).toString());
        JsonNode log = expect(api.as("lead").get("/api/v1/workforce/now/" + anna.id() + "/log"), 200);
        assertThat(log).hasSize(2);
        assertThat(log.get(0).path("source").asText()).isEqualTo("AGENT");
        assertThat(log.get(1).path("source").asText()).isEqualTo("SCHEDULE");
        assertThat(log.get(1).path("byId").asLong()).isZero();
    }

    /** The lead's table row of the agent. */
    private static String row(String page, UserRef agent) {
        int at = page.indexOf("data-user=\"" + agent.id() + "\"");
        assertThat(at).as("row of %s", agent.displayName()).isPositive();
        int end = page.indexOf("</tr>", at);
        return page.substring(at, end);
    }
}
