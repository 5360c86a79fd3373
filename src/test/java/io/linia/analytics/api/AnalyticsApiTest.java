package io.linia.analytics.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.linia.accounts.Actor;
import io.linia.accounts.UserAdministration;
import io.linia.accounts.UserDirectory;
import io.linia.accounts.UserRef;
import io.linia.routing.CategoryRef;
import io.linia.routing.RoutingDirectory;
import io.linia.support.ApiFixtures;
import io.linia.support.ApiResponse;
import io.linia.support.StoreTest;
import io.linia.support.WebSession;
import io.linia.tickets.Channel;
import io.linia.tickets.Priority;
import io.linia.tickets.TicketCommands;
import io.linia.tickets.TicketService;
import io.linia.tickets.TicketView;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestPropertySource;

/**
 * The analytics series on a small desk built by hand over two days (Moscow time), with their exact numbers; bad
 * parameters answered as problems naming the parameter; who may read; the rebuild's API and page.
 *
 * <pre>
 * 1 March 2027 (Mon)  09:00 T1 web, A    → 09:30 answered (solved)        wait 30 min
 *                     09:10 T2 e-mail, A → 10:40 passed to group G        wait 90 min
 *                     11:00 T3 web, B      (no answer yet)
 *                     12:00 T2 solved in G
 * 2 March 2027 (Tue)  09:00 T4 API, B    → 09:05 question to the customer wait 5 min
 *                     10:00 the customer writes on T1 (reopened)
 *                     10:30 T5 web, A
 * </pre>
 */
@StoreTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Import(AnalyticsApiTest.MovableClock.class)
@TestPropertySource(properties = {"linia.sla.evaluate=false", "linia.test.context=analytics-api",
        "linia.test.pg.schema=ctx_analytics_api"})
class AnalyticsApiTest {

    @TestConfiguration(proxyBeanMethods = false)
    static class MovableClock {
        @Bean
        @Primary
        io.linia.support.MovingClock analyticsApiClock() {
            return new io.linia.support.MovingClock();
        }
    }

    @Autowired
    io.linia.support.MovingClock clock;
    @Autowired
    TicketService tickets;
    @Autowired
    UserDirectory users;
    @Autowired
    UserAdministration administration;
    @Autowired
    RoutingDirectory routing;
    @Autowired
    io.linia.analytics.rollup.RollupUpkeep upkeep;
    @LocalServerPort
    int port;

    ApiFixtures api;
    CategoryRef a;
    CategoryRef b;
    long group;
    JsonNode backlogBefore;
    JsonNode groupBacklogBefore;

    @BeforeAll
    void desk() {
        api = new ApiFixtures(port, administration, users);
        List<CategoryRef> categories = new ArrayList<>(routing.activeCategories());
        categories.sort(java.util.Comparator.comparingLong(CategoryRef::id));
        a = categories.get(0);
        b = categories.get(1);
        Actor l2 = actor("l2");
        group = l2.groupIds().stream().sorted().findFirst().orElseThrow();
        // what was open before (the demo's own tickets, counted by the upkeep's worker), to compare the backlog with
        assertThat(upkeep.awaitIdle(java.time.Duration.ofSeconds(60))).isTrue();
        backlogBefore = ok(api.as("lead").get("/api/v1/analytics/backlog?from=2027-02-28&to=2027-02-28&by=line")).json();
        groupBacklogBefore = ok(api.as("lead").get("/api/v1/analytics/backlog?from=2027-02-28&to=2027-02-28&by=group")).json();

        Actor customer = actor("customer");
        Actor l1 = actor("l1");
        at("2027-03-01T06:00:00Z");
        TicketView t1 = create(customer, "Не приходят письма", a, Channel.WEB);
        at("2027-03-01T06:10:00Z");
        TicketView t2 = create(customer, "Ошибка при входе", a, Channel.EMAIL);
        at("2027-03-01T06:30:00Z");
        tickets.answer(l1, t1.number(), new TicketCommands.Answer("Проверьте папку «Спам»", null, null, null));
        at("2027-03-01T07:40:00Z");
        tickets.escalate(l1, t2.number(), new TicketCommands.Escalate(a.id(), group, "Нужна вторая линия", null));
        at("2027-03-01T08:00:00Z");
        create(customer, "Вопрос по тарифу", b, Channel.WEB);
        at("2027-03-01T09:00:00Z");
        tickets.solve(l2, t2.number(), new TicketCommands.Solve("Исправлено", null));
        at("2027-03-02T06:00:00Z");
        TicketView t4 = create(customer, "Как сменить номер", b, Channel.API);
        at("2027-03-02T06:05:00Z");
        tickets.askForInformation(l1, t4.number(), new TicketCommands.AskForInformation("Какой номер указан сейчас?", null));
        at("2027-03-02T07:00:00Z");
        tickets.customerMessage(customer, t1.number(), new TicketCommands.CustomerMessage("Всё ещё не приходят"));
        at("2027-03-02T07:30:00Z");
        create(customer, "Письма снова пропали", a, Channel.WEB);
        // the commands only queued their tickets: the series read below once the upkeep's worker has counted them
        assertThat(upkeep.awaitIdle(java.time.Duration.ofSeconds(60))).isTrue();
    }

    @Test
    void inflowPerDayStackedByChannelAndByCategory() {
        JsonNode byChannel = ok(lead("/api/v1/analytics/inflow?from=2027-03-01&to=2027-03-02&interval=DAY&by=channel")).json();
        assertThat(byChannel.get("zone").asText()).isEqualTo("Europe/Moscow");
        assertThat(texts(byChannel.get("buckets"))).containsExactly("2027-03-01", "2027-03-02");
        assertThat(series(byChannel, "WEB")).containsExactly(2L, 1L);
        assertThat(series(byChannel, "EMAIL")).containsExactly(1L, 0L);
        assertThat(series(byChannel, "API")).containsExactly(0L, 1L);
        assertThat(byChannel.get("total").asLong()).isEqualTo(5);

        JsonNode byCategory = ok(lead("/api/v1/analytics/inflow?from=2027-03-01&to=2027-03-02&by=category")).json();
        assertThat(series(byCategory, String.valueOf(a.id()))).containsExactly(2L, 1L);
        assertThat(series(byCategory, String.valueOf(b.id()))).containsExactly(1L, 1L);

        JsonNode web = ok(lead("/api/v1/analytics/inflow?from=2027-03-01&to=2027-03-02&channel=web&categoryId=" + a.id())).json();
        assertThat(web.get("totals")).extracting(JsonNode::asLong).containsExactly(1L, 1L);
    }

    @Test
    void inflowPerHourAndPerWeekInTheDesksZone() {
        JsonNode hours = ok(lead("/api/v1/analytics/inflow?from=2027-03-01&to=2027-03-01&interval=HOUR")).json();
        List<String> buckets = texts(hours.get("buckets"));
        assertThat(buckets).hasSize(24).startsWith("2027-03-01T00:00");
        List<Long> totals = longs(hours.get("totals"));
        assertThat(totals.get(buckets.indexOf("2027-03-01T09:00"))).isEqualTo(2);
        assertThat(totals.get(buckets.indexOf("2027-03-01T11:00"))).isEqualTo(1);
        assertThat(totals.stream().mapToLong(Long::longValue).sum()).isEqualTo(3);

        JsonNode weeks = ok(lead("/api/v1/analytics/inflow?from=2027-02-22&to=2027-03-07&interval=WEEK")).json();
        assertThat(texts(weeks.get("buckets"))).containsExactly("2027-02-22", "2027-03-01");
        assertThat(longs(weeks.get("totals"))).containsExactly(0L, 5L);

        JsonNode second = ok(lead("/api/v1/analytics/inflow?from=2027-03-01&to=2027-03-02&line=SECOND")).json();
        assertThat(second.get("measure").asText()).isEqualTo("escalated");
        assertThat(longs(second.get("totals"))).containsExactly(1L, 0L);
    }

    @Test
    void backlogPerLineAndGroupAtTheEndOfEachStep() {
        long firstBefore = last(backlogBefore, "FIRST");
        JsonNode days = ok(lead("/api/v1/analytics/backlog?from=2027-03-01&to=2027-03-02&by=line")).json();
        assertThat(series(days, "FIRST")).containsExactly(firstBefore + 1, firstBefore + 4);

        long groupBefore = last(groupBacklogBefore, String.valueOf(group));
        JsonNode hours = ok(lead("/api/v1/analytics/backlog?from=2027-03-01&to=2027-03-01&interval=HOUR&by=group")).json();
        List<String> buckets = texts(hours.get("buckets"));
        List<Long> g = series(hours, String.valueOf(group));
        assertThat(g.get(buckets.indexOf("2027-03-01T09:00"))).isEqualTo(groupBefore);
        assertThat(g.get(buckets.indexOf("2027-03-01T10:00"))).isEqualTo(groupBefore + 1);
        assertThat(g.get(buckets.indexOf("2027-03-01T11:00"))).isEqualTo(groupBefore + 1);
        assertThat(g.get(buckets.indexOf("2027-03-01T12:00"))).isEqualTo(groupBefore);
        // the daily rollups and the hours folded into days agree: the day's value is its last hour's
        JsonNode daily = ok(lead("/api/v1/analytics/backlog?from=2027-03-01&to=2027-03-01&interval=DAY&by=group")).json();
        assertThat(longs(daily.get("totals")).get(0)).isEqualTo(longs(hours.get("totals")).get(23));

        JsonNode onlyA = ok(lead("/api/v1/analytics/backlog?from=2027-03-01&to=2027-03-02&categoryId=" + a.id()
                + "&channel=WEB&line=FIRST")).json();
        long aBefore = last(ok(lead("/api/v1/analytics/backlog?from=2027-02-28&to=2027-02-28&categoryId=" + a.id()
                + "&channel=WEB&line=FIRST")).json(), "FIRST");
        assertThat(series(onlyA, "FIRST")).containsExactly(aBefore, aBefore + 2); // T1 reopened, T5
    }

    @Test
    void firstLineWaitPerDayWithAverageMedianAndP90AgainstTheHour() {
        JsonNode wait = ok(lead("/api/v1/analytics/first-line-wait?from=2027-03-01&to=2027-03-02")).json();
        assertThat(wait.get("targetMinutes").asLong()).isEqualTo(60);
        JsonNode day1 = wait.get("days").get(0);
        assertThat(day1.get("day").asText()).isEqualTo("2027-03-01");
        assertThat(day1.get("count").asLong()).isEqualTo(2);
        assertThat(day1.get("averageMinutes").asDouble()).isEqualTo(60.0);
        assertThat(day1.get("medianMinutes").asDouble()).isEqualTo(40.0);   // 30 min lies in the 30–40 bucket
        assertThat(day1.get("p90Minutes").asDouble()).isEqualTo(114.0);     // 90 min in 90–120, 80 % into it
        assertThat(day1.get("withinTargetShare").asDouble()).isEqualTo(0.5);
        JsonNode day2 = wait.get("days").get(1);
        assertThat(day2.get("count").asLong()).isEqualTo(1);
        assertThat(day2.get("averageMinutes").asDouble()).isEqualTo(5.0);
        assertThat(day2.get("medianMinutes").asDouble()).isEqualTo(7.5);
        assertThat(wait.get("overall").get("count").asLong()).isEqualTo(3);
        assertThat(wait.get("overall").get("averageMinutes").asDouble()).isEqualTo(41.667);
    }

    @Test
    void shareEscalatedSolvedAndTopCategories() {
        JsonNode share = ok(lead("/api/v1/analytics/escalation-share?from=2027-03-01&to=2027-03-02")).json();
        assertThat(share.get("days").get(0).get("created").asLong()).isEqualTo(3);
        assertThat(share.get("days").get(0).get("escalated").asLong()).isEqualTo(1);
        assertThat(share.get("days").get(0).get("share").asDouble()).isEqualTo(0.333);
        assertThat(share.get("days").get(1).get("share").asDouble()).isEqualTo(0.0);
        assertThat(share.get("share").asDouble()).isEqualTo(0.2);
        assertThat(share.get("usualDays").asInt()).isEqualTo(28);

        JsonNode solved = ok(lead("/api/v1/analytics/solved?from=2027-03-01&to=2027-03-02")).json();
        assertThat(solved.get("days").get(0).get("solved").asLong()).isEqualTo(2);
        assertThat(solved.get("days").get(1).get("reopened").asLong()).isEqualTo(1);
        assertThat(solved.get("solved").asLong()).isEqualTo(2);
        JsonNode solvedInGroup = ok(lead("/api/v1/analytics/solved?from=2027-03-01&to=2027-03-02&groupId=" + group)).json();
        assertThat(solvedInGroup.get("solved").asLong()).isEqualTo(1);

        JsonNode top = ok(lead("/api/v1/analytics/top-categories?from=2027-03-02&to=2027-03-02")).json();
        assertThat(top.get("previousFrom").asText()).isEqualTo("2027-03-01");
        JsonNode ta = category(top, a.id());
        assertThat(ta.get("count").asLong()).isEqualTo(1);
        assertThat(ta.get("previousCount").asLong()).isEqualTo(2);
        assertThat(ta.get("change").asLong()).isEqualTo(-1);
        assertThat(ta.get("changePercent").asDouble()).isEqualTo(-50.0);
        assertThat(ta.get("label").asText()).isEqualTo(a.nameEn()); // no Accept-Language: the API answers in English
        JsonNode tb = category(top, b.id());
        assertThat(tb.get("count").asLong()).isEqualTo(1);
        assertThat(tb.get("changePercent").asDouble()).isEqualTo(0.0);
        assertThat(ok(lead("/api/v1/analytics/top-categories?from=2027-03-01&to=2027-03-02&limit=1")).json()
                .get("categories")).hasSize(1);
    }

    @Test
    void badParametersAreRefusedNamingTheParameter() {
        assertProblem("/api/v1/analytics/inflow?to=2027-03-02", "from");
        assertProblem("/api/v1/analytics/inflow?from=2027-13-01&to=2027-03-02", "from");
        assertProblem("/api/v1/analytics/inflow?from=2027-03-02&to=2027-03-01", "to");
        assertProblem("/api/v1/analytics/inflow?from=2025-01-01&to=2027-03-01", "to");
        assertProblem("/api/v1/analytics/inflow?from=2027-03-01&to=2027-03-02&interval=MINUTE", "interval");
        assertProblem("/api/v1/analytics/inflow?from=2026-01-01&to=2026-12-31&interval=HOUR", "interval");
        assertProblem("/api/v1/analytics/inflow?from=2027-03-01&to=2027-03-02&by=priority", "by");
        assertProblem("/api/v1/analytics/inflow?from=2027-03-01&to=2027-03-02&channel=FAX", "channel");
        assertProblem("/api/v1/analytics/backlog?from=2027-03-01&to=2027-03-02&line=THIRD", "line");
        assertProblem("/api/v1/analytics/backlog?from=2027-03-01&to=2027-03-02&interval=WEEK", "interval");
        assertProblem("/api/v1/analytics/solved?from=2027-03-01&to=2027-03-02&groupId=abc", "groupId");
        assertProblem("/api/v1/analytics/solved?from=2027-03-01&to=2027-03-02&groupId=987654", "groupId");
        assertProblem("/api/v1/analytics/first-line-wait?from=2027-03-01&to=2027-03-02&categoryId=987654", "categoryId");
        assertProblem("/api/v1/analytics/top-categories?from=2027-03-01&to=2027-03-02&limit=0", "limit");
    }

    @Test
    void staffReadTheSeriesCustomersDoNotAndOnlyAdministratorsRebuild() throws Exception {
        assertThat(api.as("l1").get("/api/v1/analytics/solved?from=2027-03-01&to=2027-03-02").status()).isEqualTo(200);
        assertThat(api.as("customer").get("/api/v1/analytics/solved?from=2027-03-01&to=2027-03-02").status()).isEqualTo(403);
        assertThat(api.anonymous().get("/api/v1/analytics/solved?from=2027-03-01&to=2027-03-02").status()).isEqualTo(401);
        assertThat(api.as("lead").post("/api/v1/analytics/rollups/rebuild", Map.of()).status()).isEqualTo(403);
    }

    @Test
    void aRebuildReportsItsProgressAndGivesTheSameSeries() throws Exception {
        String inflow = lead("/api/v1/analytics/inflow?from=2027-03-01&to=2027-03-02&by=category").text();
        String wait = lead("/api/v1/analytics/first-line-wait?from=2027-03-01&to=2027-03-02").text();
        String backlog = lead("/api/v1/analytics/backlog?from=2027-03-01&to=2027-03-02&interval=HOUR&by=group").text();

        ApiResponse started = api.as("admin").post("/api/v1/analytics/rollups/rebuild", Map.of());
        assertThat(started.status()).isEqualTo(202);
        assertThat(started.json().get("state").asText()).isIn("RUNNING", "DONE");
        JsonNode status = started.json();
        long deadline = System.currentTimeMillis() + 60_000;
        while (!"DONE".equals(status.get("state").asText()) && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
            status = ok(api.as("admin").get("/api/v1/analytics/rollups/rebuild")).json();
        }
        assertThat(status.get("state").asText()).isEqualTo("DONE");
        assertThat(status.get("percent").asInt()).isEqualTo(100);
        assertThat(status.get("done").asLong()).isEqualTo(status.get("total").asLong()).isGreaterThanOrEqualTo(5);

        assertThat(lead("/api/v1/analytics/inflow?from=2027-03-01&to=2027-03-02&by=category").text()).isEqualTo(inflow);
        assertThat(lead("/api/v1/analytics/first-line-wait?from=2027-03-01&to=2027-03-02").text()).isEqualTo(wait);
        assertThat(lead("/api/v1/analytics/backlog?from=2027-03-01&to=2027-03-02&interval=HOUR&by=group").text()).isEqualTo(backlog);

        WebSession admin = WebSession.signedIn(port, "admin");
        HttpResponse<String> page = admin.get("/admin/analytics/rollups");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"rebuild-bar\"", "width: 100%", "Пересборка закончена", "id=\"nav-analytics-rollups\"");
        HttpResponse<String> progress = admin.get("/admin/analytics/rollups/progress");
        assertThat(progress.body()).contains("id=\"progress\"").doesNotContain("<html");
        assertThat(WebSession.signedIn(port, "lead").get("/admin/analytics/rollups").statusCode()).isIn(403, 302);
    }

    @Test
    void theApiDescriptionSaysWhatTheInflowsUsualLineIs() {
        JsonNode doc = ok(api.anonymous().get("/v3/api-docs")).json();
        String description = doc.path("paths").path("/api/v1/analytics/inflow").path("get").path("description").asText();
        assertThat(description).contains("`usual`", "median of the same wall-clock hour of the week", "imported arrival history");
    }

    // ------------------------------------------------------------------ helpers

    private void assertProblem(String path, String field) {
        ApiResponse r = lead(path);
        assertThat(r.status()).as(path).isEqualTo(400);
        assertThat(r.mediaType()).as(path).contains("problem+json");
        assertThat(r.json().get("field").asText()).as(path).isEqualTo(field);
        assertThat(r.json().get("detail").asText()).as(path).isNotBlank();
    }

    private ApiResponse lead(String path) {
        return api.as("lead").get(path);
    }

    private static ApiResponse ok(ApiResponse r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r;
    }

    private static JsonNode category(JsonNode top, long id) {
        for (JsonNode c : top.get("categories")) {
            if (c.get("categoryId").asLong() == id) {
                return c;
            }
        }
        throw new AssertionError("no category " + id + " in " + top);
    }

    private static List<Long> series(JsonNode chart, String key) {
        for (JsonNode s : chart.get("series")) {
            if (s.get("key").asText().equals(key)) {
                return longs(s.get("values"));
            }
        }
        return longs(chart.get("totals")).stream().map(v -> 0L).toList();
    }

    private static long last(JsonNode chart, String key) {
        List<Long> values = series(chart, key);
        return values.isEmpty() ? 0 : values.get(values.size() - 1);
    }

    private static List<Long> longs(JsonNode array) {
        List<Long> list = new ArrayList<>();
        array.forEach(n -> list.add(n.asLong()));
        return list;
    }

    private static List<String> texts(JsonNode array) {
        List<String> list = new ArrayList<>();
        array.forEach(n -> list.add(n.asText()));
        return list;
    }

    private TicketView create(Actor customer, String subject, CategoryRef category, Channel channel) {
        return tickets.create(customer, new TicketCommands.NewTicket(subject, subject + ": подробности", null, null,
                category.id(), Priority.NORMAL), channel);
    }

    private void at(String instant) {
        clock.set(Instant.parse(instant));
    }

    private Actor actor(String login) {
        return users.userByLogin(login).map(UserRef::toActor).orElseThrow();
    }
}
