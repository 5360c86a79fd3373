package io.linia.analytics.web;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * The dashboard pages over HTTP on a small desk built by hand over two days (Moscow time, as AnalyticsApiTest):
 * every table holds the API's numbers, the CSV is exact, a number's link opens a ticket list of that many tickets,
 * bad filters are named next to their field, the wall-board and its refreshing fragment render.
 *
 * <pre>
 * 1 March 2027  09:00 T1 web, A → 09:30 answered · 09:10 T2 e-mail, A → 10:40 passed to G → 12:00 solved in G
 *               11:00 T3 web, B
 * 2 March 2027  09:00 T4 API, B → 09:05 question · 10:00 the customer writes on T1 (reopened) · 10:30 T5 web, A
 * </pre>
 */
@StoreTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Import(AnalyticsDashboardPagesTest.MovableClock.class)
@TestPropertySource(properties = {"linia.sla.evaluate=false", "linia.test.context=analytics-dash",
        "linia.test.pg.schema=ctx_analytics_dash"})
class AnalyticsDashboardPagesTest {

    @TestConfiguration(proxyBeanMethods = false)
    static class MovableClock {
        @Bean
        @Primary
        io.linia.support.MovingClock analyticsDashClock() {
            return new io.linia.support.MovingClock();
        }
    }

    static final String RANGE = "from=2027-03-01&to=2027-03-02";

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
    @LocalServerPort
    int port;

    ApiFixtures api;
    WebSession lead;
    CategoryRef a;
    CategoryRef b;
    long group;

    @BeforeAll
    void desk() throws Exception {
        api = new ApiFixtures(port, administration, users);
        List<CategoryRef> categories = new ArrayList<>(routing.activeCategories());
        categories.sort(java.util.Comparator.comparingLong(CategoryRef::id));
        a = categories.get(0);
        b = categories.get(1);
        Actor l2 = actor("l2");
        group = l2.groupIds().stream().sorted().findFirst().orElseThrow();
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
        at("2027-03-02T08:00:00Z");
        // the rollups are kept after each commit (possibly in the background): wait until the five tickets are counted
        long deadline = System.currentTimeMillis() + 20_000;
        while (apiJson("/api/v1/analytics/inflow?" + RANGE).get("total").asLong() < 5 && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        lead = WebSession.signedIn(port, "lead");
    }

    @Test
    void everyTableHoldsTheNumbersOfTheApisSeries() {
        String page = ok(lead.get("/agent/analytics?" + RANGE + "&interval=DAY"));
        assertThat(page).contains("id=\"nav-analytics\"", "id=\"inflow-channel-chart\"");
        // every chart carries its configuration (data only: the page runs no inline script)
        for (String chart : DashboardPages.CHARTS) {
            assertThat(page).as(chart).containsPattern("id=\"" + chart + "-chart\"[^>]*data-chart=\"\\{");
        }
        assertStacked(page, "inflow-channel", apiJson("/api/v1/analytics/inflow?" + RANGE + "&by=channel"));
        assertStacked(page, "inflow-category", apiJson("/api/v1/analytics/inflow?" + RANGE + "&by=category"));
        assertStacked(page, "backlog-line", apiJson("/api/v1/analytics/backlog?" + RANGE + "&by=line"));
        assertStacked(page, "backlog-group", apiJson("/api/v1/analytics/backlog?" + RANGE + "&by=group"));
        // the hand-built desk's own numbers (as AnalyticsApiTest asserts them on the API)
        Map<String, Map<String, String>> inflow = table(page, "inflow-channel");
        assertThat(inflow.get("2027-03-01")).containsEntry("WEB", "2").containsEntry("EMAIL", "1").containsEntry("total", "3");
        assertThat(inflow.get("2027-03-02")).containsEntry("WEB", "1").containsEntry("API", "1").containsEntry("total", "2");

        JsonNode wait = apiJson("/api/v1/analytics/first-line-wait?" + RANGE);
        Map<String, Map<String, String>> waitTable = table(page, "first-line-wait");
        for (JsonNode d : wait.get("days")) {
            Map<String, String> row = waitTable.get(d.get("day").asText());
            assertThat(row.get("count")).isEqualTo(d.get("count").asText());
            assertThat(row.get("average")).isEqualTo(d.get("averageMinutes").isNull() ? "—" : d.get("averageMinutes").asText());
            assertThat(row.get("p90")).isEqualTo(d.get("p90Minutes").isNull() ? "—" : d.get("p90Minutes").asText());
        }
        assertThat(waitTable.get("2027-03-01")).containsEntry("average", "60.0").containsEntry("median", "40.0");

        JsonNode share = apiJson("/api/v1/analytics/escalation-share?" + RANGE);
        Map<String, Map<String, String>> shareTable = table(page, "escalation-share");
        for (JsonNode d : share.get("days")) {
            Map<String, String> row = shareTable.get(d.get("day").asText());
            assertThat(row.get("created")).isEqualTo(d.get("created").asText());
            assertThat(row.get("escalated")).isEqualTo(d.get("escalated").asText());
        }
        assertThat(shareTable.get("2027-03-01")).containsEntry("share", "33.3 %");

        JsonNode solved = apiJson("/api/v1/analytics/solved?" + RANGE);
        Map<String, Map<String, String>> solvedTable = table(page, "solved");
        for (JsonNode d : solved.get("days")) {
            Map<String, String> row = solvedTable.get(d.get("day").asText());
            assertThat(row).containsEntry("solved", d.get("solved").asText()).containsEntry("reopened", d.get("reopened").asText())
                    .containsEntry("returned", d.get("returned").asText());
        }
        assertThat(solvedTable.get("2027-03-01")).containsEntry("solved", "2");

        String top = section(page, "top-categories-table");
        assertThat(top).contains("data-category=\"" + a.id() + "\"", "data-category=\"" + b.id() + "\"");
        assertThat(page).contains("id=\"sla-met-table\"", "id=\"sla-met-csv\"");
    }

    @Test
    void aNumbersLinkOpensTheListOfThatManyTickets() {
        String page = ok(lead.get("/agent/analytics?" + RANGE));
        // inflow: the web tickets of 1 March, the e-mail one, the day's total, per category
        assertLinkCount(page, "inflow-channel", "2027-03-01", "WEB", 2);
        assertLinkCount(page, "inflow-channel", "2027-03-01", "EMAIL", 1);
        assertLinkCount(page, "inflow-channel", "2027-03-02", "total", 2);
        assertLinkCount(page, "inflow-category", "2027-03-01", String.valueOf(a.id()), 2);
        // solved: two on 1 March (T1 answered and T2 solved in the group)
        assertLinkCount(page, "solved", "2027-03-01", "solved", 2);
        assertLinkCount(page, "escalation-share", "2027-03-01", "escalated", 1);
        // a filtered view keeps its filter in the links
        String web = ok(lead.get("/agent/analytics?" + RANGE + "&channel=WEB&categoryId=" + a.id()));
        assertThat(table(web, "inflow-channel").get("2027-03-01")).containsEntry("WEB", "1");
        assertLinkCount(web, "inflow-channel", "2027-03-01", "WEB", 1);
        assertLinkCount(web, "inflow-channel", "2027-03-02", "total", 1);
        // hourly steps: 09:00 on 1 March holds two tickets (T1, T2)
        String hours = ok(lead.get("/agent/analytics?from=2027-03-01&to=2027-03-01&interval=HOUR"));
        assertLinkCount(hours, "inflow-channel", "2027-03-01T09:00", "total", 2);
        // weeks clipped to the period: the week of 1 March holds the five
        String weeks = ok(lead.get("/agent/analytics?" + RANGE + "&interval=WEEK"));
        assertLinkCount(weeks, "inflow-channel", "2027-03-01", "total", 5);
    }

    @Test
    void eachChartsCsvHoldsItsTableExactly() {
        HttpResponse<String> solved = lead.get("/agent/analytics/solved.csv?" + RANGE);
        assertThat(solved.statusCode()).isEqualTo(200);
        assertThat(solved.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(solved.headers().firstValue("Content-Disposition").orElse(""))
                .contains("solved-2027-03-01-2027-03-02.csv");
        assertThat(solved.body()).isEqualTo("\uFEFFДень;Решено;Открыто снова;Возвращено на первую линию\r\n"
                + "2027-03-01;2;0;0\r\n2027-03-02;0;1;0\r\n");
        String inflow = lead.get("/agent/analytics/inflow-channel.csv?" + RANGE).body();
        JsonNode usual = apiJson("/api/v1/analytics/inflow?" + RANGE).get("usual");
        assertThat(inflow).isEqualTo("\uFEFFДень;Сайт;Почта;API;Всего;Обычно\r\n".replace("Сайт;Почта;API", order())
                + "2027-03-01;" + row("2;1;0") + ";3;" + csvDecimal(usual.get(0)) + "\r\n2027-03-02;" + row("1;0;1") + ";2;"
                + csvDecimal(usual.get(1)) + "\r\n");
        String share = lead.get("/agent/analytics/escalation-share.csv?" + RANGE).body();
        assertThat(share).startsWith("\uFEFFДень;Создано;Передано;Доля, %;Обычно, %\r\n2027-03-01;3;1;33,3;");
        String wait = english().get("/agent/analytics/first-line-wait.csv?" + RANGE + "&lang=en").body();
        assertThat(wait).startsWith("\uFEFFDay;Tickets;Average, min;Median, min;90th percentile, min;Within target;Target, min\r\n"
                + "2027-03-01;2;60;40;114;50;60\r\n");
        assertThat(lead.get("/agent/analytics/nothing.csv?" + RANGE).statusCode()).isEqualTo(404);
    }

    @Test
    void badFiltersAreNamedNextToTheirFieldAndNothingBreaks() {
        assertBad("/agent/analytics?from=2027-13-01&to=2027-03-02", "from");
        assertBad("/agent/analytics?from=2027-03-02&to=2027-03-01", "to");
        assertBad("/agent/analytics?from=2027-03-01&to=2027-03-02&interval=MINUTE", "interval");
        assertBad("/agent/analytics?from=2026-01-01&to=2026-12-31&interval=HOUR", "interval");
        assertBad("/agent/analytics?from=2027-03-01&to=2027-03-02&channel=FAX", "channel");
        assertBad("/agent/analytics?from=2027-03-01&to=2027-03-02&line=THIRD", "line");
        assertBad("/agent/analytics?from=2027-03-01&to=2027-03-02&groupId=abc", "groupId");
        assertBad("/agent/analytics?from=2027-03-01&to=2027-03-02&categoryId=987654", "categoryId");
        // the default view: the 14 days up to today
        String page = ok(lead.get("/agent/analytics"));
        assertThat(page).contains("value=\"2027-02-17\"", "value=\"2027-03-02\"");
        // the ticket list's drill-down filters refuse bad values the same way
        HttpResponse<String> list = lead.get("/agent/tickets?createdFrom=yesterday&channel=FAX&category=x");
        assertThat(list.statusCode()).isEqualTo(400);
        assertThat(list.body()).contains("id=\"f-createdFrom-error\"", "id=\"f-channel-error\"", "id=\"f-category-error\"",
                "Нет канала «FAX»");
        // and the list without them is as before: no count
        assertThat(ok(lead.get("/agent/tickets"))).doesNotContain("id=\"list-count\"");
    }

    @Test
    void agentsReadTheDashboardCustomersDoNot() {
        assertThat(WebSession.signedIn(port, "l1").get("/agent/analytics?" + RANGE).statusCode()).isEqualTo(200);
        assertThat(WebSession.signedIn(port, "customer").get("/agent/analytics?" + RANGE).statusCode()).isIn(302, 403);
        assertThat(ok(english().get("/agent/analytics?" + RANGE + "&lang=en"))).contains("Inflow by channel", "Download CSV");
    }

    @Test
    void theWallboardShowsTodayAndItsFiguresRefresh() {
        clock.set(Instant.parse("2027-03-01T20:00:00Z")); // 23:00 in Moscow: the whole of 1 March
        try {
            String page = ok(lead.get("/agent/analytics/wallboard"));
            assertThat(page).contains("id=\"figures\"", "hx-trigger=\"every 30s\"", "hx-get=\"/agent/analytics/wallboard/figures\"",
                    "wallboard.css").doesNotContain("navbar");
            assertThat(tile(page, "wb-solved")).isEqualTo("2");
            assertThat(tile(page, "wb-escalated")).isEqualTo("1");
            assertThat(page).contains("33,3 %");
            HttpResponse<String> fragment = lead.get("/agent/analytics/wallboard/figures");
            assertThat(fragment.statusCode()).isEqualTo(200);
            assertThat(fragment.body()).contains("id=\"figures\"", "id=\"wb-alerts\"", "id=\"wb-backlog\"").doesNotContain("<html");
            assertThat(tile(fragment.body(), "wb-solved")).isEqualTo("2");
            assertThat(fragment.body()).contains("data-group=\"" + group + "\"");
            assertThat(ok(english().get("/agent/analytics/wallboard?lang=en"))).contains("Solved today", "Waiting on the first line");
        } finally {
            at("2027-03-02T08:00:00Z");
        }
    }

    // ------------------------------------------------------------------ helpers

    /** The channels' column order of the inflow CSV: the API's series order (channel names sorted). */
    private static String order() {
        return "API;Почта;Сайт";
    }

    /** A row written as WEB;EMAIL;API in the series' order API;EMAIL;WEB. */
    private static String row(String webEmailApi) {
        String[] v = webEmailApi.split(";");
        return v[2] + ";" + v[1] + ";" + v[0];
    }

    /** A lead's own session for English pages (the language chosen stays with the session). */
    private WebSession english() {
        return WebSession.signedIn(port, "lead");
    }

    private void assertLinkCount(String page, String table, String bucket, String key, long expected) {
        String href = link(page, table, bucket, key);
        assertThat(href).as("%s %s %s", table, bucket, key).isNotNull();
        String list = ok(lead.get(href));
        Matcher m = Pattern.compile("id=\"list-count\">(\\d+)<").matcher(list);
        assertThat(m.find()).as(href).isTrue();
        assertThat(Long.parseLong(m.group(1))).as(href).isEqualTo(expected);
        assertThat(count(list, "<tr>\\s*<td><a href=\"/agent/tickets/")).as(href).isEqualTo(expected);
    }

    private static int count(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static String tile(String page, String id) {
        Matcher m = Pattern.compile("id=\"" + id + "\"[\\s\\S]*?class=\"wb-number\"[^>]*>([^<]*)<").matcher(page);
        assertThat(m.find()).as(id).isTrue();
        return m.group(1).strip();
    }

    private void assertBad(String path, String field) {
        HttpResponse<String> r = lead.get(path);
        assertThat(r.statusCode()).as(path).isEqualTo(400);
        assertThat(r.body()).as(path).contains("id=\"" + field + "-error\"", "id=\"filter-problem\"", "id=\"filters\"")
                .doesNotContain("id=\"inflow-channel-chart\"");
        Matcher m = Pattern.compile("id=\"" + field + "-error\">([^<]+)<").matcher(r.body());
        assertThat(m.find()).as(path).isTrue();
        assertThat(m.group(1)).isNotBlank();
    }

    private void assertStacked(String page, String id, JsonNode series) {
        Map<String, Map<String, String>> table = table(page, id);
        List<String> buckets = new ArrayList<>();
        series.get("buckets").forEach(n -> buckets.add(n.asText()));
        assertThat(table.keySet()).as(id).containsExactlyElementsOf(buckets);
        for (JsonNode s : series.get("series")) {
            for (int i = 0; i < buckets.size(); i++) {
                assertThat(table.get(buckets.get(i)).get(s.get("key").asText())).as("%s %s %s", id, buckets.get(i), s.get("key"))
                        .isEqualTo(s.get("values").get(i).asText());
            }
        }
        for (int i = 0; i < buckets.size(); i++) {
            assertThat(table.get(buckets.get(i)).get("total")).isEqualTo(series.get("totals").get(i).asText());
            JsonNode usual = series.get("usual");
            if (usual != null && !usual.isNull()) {
                assertThat(table.get(buckets.get(i)).get("usual")).as("%s %s usual", id, buckets.get(i))
                        .isEqualTo(usual.get(i).isNull() ? "—" : new java.math.BigDecimal(usual.get(i).asText()).stripTrailingZeros().toPlainString());
            }
        }
    }

    /** A usual level as the CSV writes it: {@code 2,5}; nothing for none. */
    private static String csvDecimal(JsonNode v) {
        return v.isNull() ? "" : new java.math.BigDecimal(v.asText()).stripTrailingZeros().toPlainString().replace('.', ',');
    }

    /** A table's rows by their bucket: each cell's text by its data-key or its class (the total, count, …). */
    static Map<String, Map<String, String>> table(String page, String id) {
        String body = section(page, id + "-table");
        body = body.substring(body.indexOf("<tbody>"), body.indexOf("</tbody>"));
        Map<String, Map<String, String>> rows = new LinkedHashMap<>();
        Matcher row = Pattern.compile("<tr data-bucket=\"([^\"]+)\">([\\s\\S]*?)</tr>").matcher(body);
        while (row.find()) {
            Map<String, String> cells = new LinkedHashMap<>();
            Matcher cell = Pattern.compile("<td([^>]*)>([\\s\\S]*?)</td>").matcher(row.group(2));
            while (cell.find()) {
                String name = name(cell.group(1));
                if (name != null) {
                    cells.put(name, cell.group(2).replaceAll("<[^>]+>", "").strip());
                }
            }
            rows.put(row.group(1), cells);
        }
        return rows;
    }

    /** The href in a table's cell. */
    static String link(String page, String id, String bucket, String key) {
        String body = section(page, id + "-table");
        Matcher row = Pattern.compile("<tr data-bucket=\"" + Pattern.quote(bucket) + "\">([\\s\\S]*?)</tr>").matcher(body);
        if (!row.find()) {
            return null;
        }
        Matcher cell = Pattern.compile("<td([^>]*)>([\\s\\S]*?)</td>").matcher(row.group(1));
        while (cell.find()) {
            if (key.equals(name(cell.group(1)))) {
                Matcher href = Pattern.compile("href=\"([^\"]+)\"").matcher(cell.group(2));
                return href.find() ? href.group(1).replace("&amp;", "&") : null;
            }
        }
        return null;
    }

    private static String name(String attributes) {
        Matcher key = Pattern.compile("data-key=\"([^\"]+)\"").matcher(attributes);
        if (key.find()) {
            return key.group(1);
        }
        Matcher cls = Pattern.compile("class=\"[^\"]*\\b(total|count|average|median|p90|created|escalated|share|solved|reopened|returned)\"")
                .matcher(attributes);
        return cls.find() ? cls.group(1) : null;
    }

    static String section(String page, String id) {
        int start = page.indexOf("id=\"" + id + "\"");
        assertThat(start).as(id).isGreaterThan(0);
        int end = page.indexOf("</table>", start);
        return page.substring(start, end);
    }

    private JsonNode apiJson(String path) {
        ApiResponse r = api.as("lead").get(path);
        assertThat(r.status()).as(path).isEqualTo(200);
        return r.json();
    }

    private static String ok(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.uri().toString()).isEqualTo(200);
        return r.body();
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
