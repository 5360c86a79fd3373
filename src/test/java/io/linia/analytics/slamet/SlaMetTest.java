package io.linia.analytics.slamet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.linia.accounts.Actor;
import io.linia.accounts.UserAdministration;
import io.linia.accounts.UserDirectory;
import io.linia.accounts.UserRef;
import io.linia.routing.CategoryCommand;
import io.linia.routing.CategoryRef;
import io.linia.routing.RoutingAdministration;
import io.linia.sla.ServiceLevels;
import io.linia.sla.SlaPolicyCommand;
import io.linia.sla.SlaTarget;
import io.linia.sla.SlaTargetFinished;
import io.linia.support.ApiFixtures;
import io.linia.support.ApiResponse;
import io.linia.support.StoreTest;
import io.linia.support.WebSession;
import io.linia.tickets.Channel;
import io.linia.tickets.Line;
import io.linia.tickets.Priority;
import io.linia.tickets.TicketCommands;
import io.linia.tickets.TicketService;
import io.linia.tickets.TicketView;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * SLA met % from the sla module's outcomes, through the real SLA clock: two tickets of a category with its own policy
 * (first response in 30 minutes), one answered in 10 minutes and one in 50, on Tuesday 2 December 2031 (Moscow).
 * The API series, the dashboard's table, its CSV and the drill-down agree; a repeated outcome and a rebuild change
 * nothing. (Same context as SpikeAlertsTest: the same configuration, so Spring reuses it.)
 */
@StoreTest
@RecordApplicationEvents
@Import(io.linia.analytics.AnalyticsMovingClock.class)
@TestPropertySource(properties = {"linia.sla.evaluate=false", "linia.analytics.alerts.enabled=false",
        "linia.test.context=analytics-alerts", "linia.test.pg.schema=ctx_analytics_alerts"})
class SlaMetTest {

    @Autowired
    io.linia.support.MovingClock clock;
    @Autowired
    TicketService tickets;
    @Autowired
    ServiceLevels levels;
    @Autowired
    UserDirectory users;
    @Autowired
    UserAdministration administration;
    @Autowired
    RoutingAdministration routing;
    @Autowired
    SlaMetKeeper keeper;
    @Autowired
    ApplicationEvents events;
    @LocalServerPort
    int port;

    @Test
    void metPercentPerTargetCountsEachOutcomeOnceAndLeadsToItsTickets() {
        ApiFixtures api = new ApiFixtures(port, administration, users);
        Actor admin = actor("admin");
        Actor customer = actor("customer");
        Actor agent = actor("l1");
        CategoryRef category = routing.createCategory(new CategoryCommand("sla-met-" + System.nanoTime() % 100000, "Сроки отчёта",
                "Report deadlines", null, true));
        levels.create(admin, new SlaPolicyCommand("Отчёт SLA " + category.id(), Line.FIRST, null, null, category.id(), 30, 20, 120,
                null, false, null, false, null, true, null));
        Instant t0 = Instant.parse("2031-12-02T07:00:00Z");
        clock.set(t0);
        TicketView fast = tickets.create(customer, new TicketCommands.NewTicket("Быстрый ответ", "Вопрос", null, null, category.id(),
                Priority.NORMAL), Channel.WEB);
        TicketView slow = tickets.create(customer, new TicketCommands.NewTicket("Медленный ответ", "Вопрос", null, null, category.id(),
                Priority.NORMAL), Channel.WEB);
        clock.set(t0.plus(Duration.ofMinutes(10)));
        tickets.answer(agent, fast.number(), new TicketCommands.Answer("Ответ", null, null, null, null));
        clock.set(t0.plus(Duration.ofMinutes(50)));
        tickets.answer(agent, slow.number(), new TicketCommands.Answer("Ответ", null, null, null, null));

        String range = "from=2031-12-02&to=2031-12-02";
        JsonNode before = ok(api.as("lead").get("/api/v1/analytics/sla-met?" + range + "&interval=DAY")).json();
        assertThat(before.get("buckets").get(0).asText()).isEqualTo("2031-12-02");
        JsonNode first = target(before, "FIRST_RESPONSE");
        assertThat(first.get("finished").get(0).asLong()).isEqualTo(2);
        assertThat(first.get("met").get(0).asLong()).isEqualTo(1);
        assertThat(first.get("percent").get(0).asDouble()).isEqualTo(50.0);
        JsonNode resolution = target(before, "RESOLUTION");
        assertThat(resolution.get("finished").get(0).asLong()).isEqualTo(2);
        assertThat(resolution.get("percentTotal").asDouble()).isEqualTo(100.0);
        // hourly: both in 10:00–11:00 Moscow
        JsonNode hourly = ok(api.as("lead").get("/api/v1/analytics/sla-met?" + range + "&interval=HOUR")).json();
        int ten = indexOf(hourly.get("buckets"), "2031-12-02T10:00");
        assertThat(target(hourly, "FIRST_RESPONSE").get("finished").get(ten).asLong()).isEqualTo(2);
        assertThat(ok(api.as("lead").get("/api/v1/analytics/sla-met?" + range + "&line=SECOND")).json().toString())
                .doesNotContain("\"finishedTotal\":2");
        assertThat(api.as("lead").get("/api/v1/analytics/sla-met?from=2031-12-02&to=2031-12-01").status()).isEqualTo(400);

        // a repeated outcome is not counted again; a rebuild from the sla module's records gives the same figures
        List<SlaTargetFinished> told = events.stream(SlaTargetFinished.class).filter(e -> e.ticketId() == slow.id()).toList();
        assertThat(told).isNotEmpty();
        assertThat(keeper.count(told)).isZero();
        assertThat(ok(api.as("lead").get("/api/v1/analytics/sla-met?" + range)).json()).isEqualTo(before);
        assertThat(keeper.rebuild()).isGreaterThanOrEqualTo(4);
        assertThat(ok(api.as("lead").get("/api/v1/analytics/sla-met?" + range)).json()).isEqualTo(before);

        // the dashboard's table, its CSV and the drill-down to the tickets
        WebSession web = WebSession.signedIn(port, "lead");
        String page = web.get("/agent/analytics?" + range).body();
        String table = page.substring(page.indexOf("id=\"sla-met-table\""));
        table = table.substring(0, table.indexOf("</table>"));
        assertThat(table).contains("50.0 %").contains("1/2");
        String missed = "/agent/analytics/sla-met/tickets?start=2031-12-01T21:00:00Z&end=2031-12-02T21:00:00Z&target=FIRST_RESPONSE&met=false";
        assertThat(table).contains(missed.replace("&", "&amp;"));
        String drill = web.get(missed).body();
        assertThat(drill).contains("/agent/tickets/" + slow.number()).doesNotContain("/agent/tickets/" + fast.number());
        String all = web.get(missed.replace("&met=false", "")).body();
        assertThat(all).contains("/agent/tickets/" + slow.number(), "/agent/tickets/" + fast.number());
        String text = web.get("/agent/analytics/sla-met.csv?" + range).body();
        assertThat(text).contains("2031-12-02;2;1;50;");
    }

    private static JsonNode target(JsonNode series, String target) {
        for (JsonNode t : series.get("targets")) {
            if (t.get("target").asText().equals(target)) {
                return t;
            }
        }
        throw new AssertionError("no " + target + " in " + series);
    }

    private static int indexOf(JsonNode array, String value) {
        for (int i = 0; i < array.size(); i++) {
            if (array.get(i).asText().equals(value)) {
                return i;
            }
        }
        throw new AssertionError(value + " not in " + array);
    }

    private Actor actor(String login) {
        return users.userByLogin(login).map(UserRef::toActor).orElseThrow();
    }

    private static ApiResponse ok(ApiResponse r) {
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r;
    }
}
