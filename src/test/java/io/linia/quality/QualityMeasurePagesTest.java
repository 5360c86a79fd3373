package io.linia.quality;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.linia.accounts.Actor;
import io.linia.accounts.UserAdministration;
import io.linia.accounts.UserDirectory;
import io.linia.quality.internal.MeasureUpkeep;
import io.linia.routing.RoutingDirectory;
import io.linia.support.ApiFixtures;
import io.linia.support.StoreTest;
import io.linia.support.WebSession;
import io.linia.tickets.Channel;
import io.linia.tickets.Priority;
import io.linia.tickets.TicketCommands;
import io.linia.tickets.TicketService;
import io.linia.tickets.TicketView;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * The team leads' measures pages, their drill-downs and CSV files, and "my quality", over real HTTP on a small
 * hand-built set: two weeks of March 2031 (Moscow weeks from Monday 2031-03-03), first-line agents X = l1 and Y = l1b
 * (no groups: group 0), second-line Z = l2mail; category mail-not-arriving; an escalation rate is judged from 2
 * first-line handlings on (so the flags show on this small set).
 * <pre>
 * Tue 03-04, t0 = 09:00 UTC:  T1 X answers at +10 (rated 5) · T2 X escalates to delivery at +30, Z solves at +90
 *                             T3 Y answers at +20 · T4 X escalates to delivery at +5 (stays open)
 * Tue 03-11, t1 = 09:00 UTC:  T5 X answers at +40 (rated 2) · T6 Y answers at +50
 * </pre>
 * X: handled 4 (10, 30, 5, 40 min: median 10, p90 40), first responses 2 (10, 40), escalated 2 of 4 = 50 % against
 * the group's 2 of 6 = 33.33 % → too many; resolved 2, ratings 5 and 2 → 3.50. Y: handled 2 (20, 50), escalated 0 % →
 * too few. Z: handled 1 (60 min) on the second line, group delivery.
 */
@StoreTest
@Import(QualityContext.class)
@TestPropertySource(properties = {"linia.test.context=quality-pages", "linia.test.pg.schema=ctx_quality_pages",
        QualityContext.PROPERTIES_SECRET, "linia.quality.measures.escalation-min-handled=2"})
class QualityMeasurePagesTest {

    static final Instant T0 = Instant.parse("2031-03-04T09:00:00Z");
    static final Instant T1 = Instant.parse("2031-03-11T09:00:00Z");
    static final String PERIOD = "from=2031-03-03&to=2031-03-16";

    @LocalServerPort
    int port;
    @Autowired
    QualityContext.Clock clock;
    @Autowired
    TicketService tickets;
    @Autowired
    UserDirectory users;
    @Autowired
    RoutingDirectory routing;
    @Autowired
    CustomerRatings ratings;
    @Autowired
    MeasureUpkeep upkeep;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    UserAdministration administration;

    QualityContext.Desk desk;
    long x;
    long y;
    long z;
    long delivery;
    Map<String, String> numbers;

    @BeforeEach
    void twoWeeks() {
        desk = new QualityContext.Desk(tickets, users, routing);
        x = desk.actor("l1").id();
        y = desk.actor("l1b").id();
        z = desk.actor("l2mail").id();
        delivery = routing.groupByCode("delivery").orElseThrow().id();
        if (jdbc.queryForObject("select count(*) from ticket where subject like 'Pages zzqp%'", Long.class) == 0) {
            build();
        }
        numbers = new java.util.HashMap<>();
        for (Map<String, Object> row : jdbc.queryForList("select id, subject from ticket where subject like 'Pages zzqp%'")) {
            numbers.put(((String) row.get("subject")).substring("Pages zzqp ".length()),
                    io.linia.tickets.TicketNumber.format(((Number) row.get("id")).longValue()));
        }
        assertThat(upkeep.awaitIdle(Duration.ofSeconds(60))).isTrue();
        clock.set(Instant.parse("2031-03-20T09:00:00Z"));
    }

    private TicketView open(String name) {
        return tickets.create(desk.newCustomer(), new TicketCommands.NewTicket("Pages zzqp " + name, "Текст обращения", null, null,
                desk.category("mail-not-arriving"), Priority.NORMAL), Channel.WEB);
    }

    private void at(Instant base, int minutes) {
        clock.set(base.plus(Duration.ofMinutes(minutes)));
    }

    private void answer(String login, TicketView t) {
        tickets.answer(desk.actor(login), t.number(), new TicketCommands.Answer("Ответ", null, null, null));
    }

    private void build() {
        long category = desk.category("mail-not-arriving");
        Actor lx = desk.actor("l1");
        clock.set(T0);
        TicketView t1 = open("T1");
        TicketView t2 = open("T2");
        TicketView t3 = open("T3");
        TicketView t4 = open("T4");
        at(T0, 5);
        tickets.escalate(lx, t4.number(), new TicketCommands.Escalate(category, delivery, null, null));
        at(T0, 10);
        answer("l1", t1);
        at(T0, 15);
        ratings.rate(ratings.invitation(t1.id()).orElseThrow().token(), 5, null, true);
        at(T0, 20);
        answer("l1b", t3);
        at(T0, 30);
        tickets.escalate(lx, t2.number(), new TicketCommands.Escalate(category, delivery, null, null));
        at(T0, 90);
        tickets.solve(desk.actor("l2mail"), t2.number(), new TicketCommands.Solve(null, null));

        clock.set(T1);
        TicketView t5 = open("T5");
        TicketView t6 = open("T6");
        at(T1, 40);
        answer("l1", t5);
        at(T1, 50);
        answer("l1b", t6);
        ratings.rate(ratings.invitation(t5.id()).orElseThrow().token(), 2, null, true);
    }

    // ------------------------------------------------------------------ reading the pages

    /** The text of a table's cell: the row with {@code data-key}, the cell with {@code data-col}. */
    static String cell(String html, String table, String key, String col) {
        return text(td(html, table, key, col));
    }

    static String td(String html, String table, String key, String col) {
        String row = row(html, table, key);
        Matcher m = Pattern.compile("<td[^>]*data-col=\"" + col + "\"[^>]*>(.*?)</td>", Pattern.DOTALL).matcher(row);
        assertThat(m.find()).as("cell %s of %s in %s", col, key, table).isTrue();
        return m.group();
    }

    static String row(String html, String table, String key) {
        String t = table(html, table);
        Matcher m = Pattern.compile("<tr[^>]*data-key=\"" + Pattern.quote(key) + "\"[^>]*>(.*?)</tr>", Pattern.DOTALL).matcher(t);
        assertThat(m.find()).as("row %s in %s", key, table).isTrue();
        return m.group();
    }

    static String table(String html, String id) {
        int start = html.indexOf("id=\"" + id + "\"");
        assertThat(start).as("table %s", id).isPositive();
        return html.substring(start, html.indexOf("</table>", start));
    }

    static List<String> keys(String html, String table) {
        List<String> keys = new ArrayList<>();
        Matcher m = Pattern.compile("<tr[^>]*data-key=\"([^\"]+)\"").matcher(table(html, table));
        while (m.find()) {
            keys.add(m.group(1));
        }
        return keys;
    }

    static String text(String fragment) {
        return fragment.replaceAll("<[^>]+>", " ").replace("&amp;", "&").replaceAll("\\s+", " ").strip();
    }

    static String href(String td) {
        Matcher m = Pattern.compile("href=\"([^\"]+)\"").matcher(td);
        assertThat(m.find()).as("a link in %s", td).isTrue();
        return m.group(1).replace("&amp;", "&");
    }

    static Set<String> ticketsListed(String html) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = Pattern.compile("<tr[^>]*data-ticket=\"([^\"]+)\"").matcher(table(html, "tickets-table"));
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    static List<CSVRecord> csv(HttpResponse<String> response) throws IOException {
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        String body = response.body();
        assertThat(body).startsWith("\uFEFF");
        return CSVFormat.Builder.create(CSVFormat.EXCEL).setDelimiter(';').build().parse(new StringReader(body.substring(1))).getRecords();
    }

    private Set<String> tickets(String... names) {
        Set<String> out = new LinkedHashSet<>();
        for (String n : names) {
            out.add(numbers.get(n));
        }
        return out;
    }

    // ------------------------------------------------------------------ tests

    @Test
    void theByAgentTableShowsTheExactMeasuresAndFlagsEscalationsTooHighAndTooLow() {
        HttpResponse<String> page = WebSession.signedIn(port, "lead").get("/agent/quality/measures?by=agent&" + PERIOD);
        assertThat(page.statusCode()).isEqualTo(200);
        String html = page.body();
        String xs = String.valueOf(x);
        assertThat(keys(html, "measures-table")).contains(xs, String.valueOf(y), String.valueOf(z));
        assertThat(cell(html, "measures-table", xs, "handled")).isEqualTo("4");
        assertThat(cell(html, "measures-table", xs, "handlingMedian")).isEqualTo("10 мин");
        assertThat(cell(html, "measures-table", xs, "handlingP90")).isEqualTo("40 мин");
        assertThat(cell(html, "measures-table", xs, "firstResponses")).isEqualTo("2");
        assertThat(cell(html, "measures-table", xs, "firstResponseMedian")).isEqualTo("10 мин");
        assertThat(cell(html, "measures-table", xs, "firstResponseP90")).isEqualTo("40 мин");
        assertThat(cell(html, "measures-table", xs, "firstLineHandled")).isEqualTo("4");
        assertThat(cell(html, "measures-table", xs, "escalated")).isEqualTo("2");
        assertThat(cell(html, "measures-table", xs, "escalationPercent")).isEqualTo("50,00 % ▲");
        assertThat(cell(html, "measures-table", xs, "escalationUsualPercent")).isEqualTo("33,33 %");
        assertThat(td(html, "measures-table", xs, "escalationPercent")).contains("table-danger").contains("data-flag=\"TOO_MANY\"")
                .contains("Передаёт больше обычного");
        assertThat(cell(html, "measures-table", xs, "resolved")).isEqualTo("2");
        assertThat(cell(html, "measures-table", xs, "reopenPercent")).isEqualTo("0,00 %");
        assertThat(cell(html, "measures-table", xs, "ratingRequests")).isEqualTo("2");
        assertThat(cell(html, "measures-table", xs, "ratingsFive")).isEqualTo("2");
        assertThat(cell(html, "measures-table", xs, "csatAverage")).isEqualTo("3,50");
        assertThat(cell(html, "measures-table", xs, "csatResponsePercent")).isEqualTo("100,00 %");
        assertThat(cell(html, "measures-table", xs, "reviews")).isEqualTo("0");
        assertThat(cell(html, "measures-table", xs, "reviewAverage")).isEqualTo("—");

        String ys = String.valueOf(y);
        assertThat(cell(html, "measures-table", ys, "handled")).isEqualTo("2");
        assertThat(cell(html, "measures-table", ys, "handlingMedian")).isEqualTo("20 мин");
        assertThat(cell(html, "measures-table", ys, "handlingP90")).isEqualTo("50 мин");
        assertThat(cell(html, "measures-table", ys, "escalationPercent")).isEqualTo("0,00 % ▼");
        assertThat(td(html, "measures-table", ys, "escalationPercent")).contains("table-warning").contains("data-flag=\"TOO_FEW\"");
        assertThat(cell(html, "measures-table", ys, "csatResponsePercent")).isEqualTo("0,00 %");
        assertThat(cell(html, "measures-table", ys, "csatAverage")).isEqualTo("—");

        String zs = String.valueOf(z);
        assertThat(cell(html, "measures-table", zs, "handled")).isEqualTo("1");
        assertThat(cell(html, "measures-table", zs, "handlingMedian")).isEqualTo("1 ч 00 мин");
        assertThat(cell(html, "measures-table", zs, "firstResponseMedian")).isEqualTo("1 ч 30 мин");
        assertThat(td(html, "measures-table", zs, "escalationPercent")).contains("data-flag=\"NOT_ENOUGH_DATA\"").doesNotContain("table-danger");

        // English: numbers with a decimal point, times in English words
        String en = WebSession.signedIn(port, "lead").get("/agent/quality/measures?by=agent&lang=en&" + PERIOD).body();
        assertThat(cell(en, "measures-table", xs, "csatAverage")).isEqualTo("3.50");
        assertThat(cell(en, "measures-table", zs, "handlingMedian")).isEqualTo("1 h 00 min");
        assertThat(en).contains("Escalation rate").contains("Escalates more than usual");
    }

    @Test
    void theGroupLineAndCategoryTablesAndTheGroupFilterSplitTheSameFacts() {
        WebSession lead = WebSession.signedIn(port, "lead");
        String groups = lead.get("/agent/quality/measures?by=group&" + PERIOD).body();
        assertThat(cell(groups, "measures-table", "0", "handled")).isEqualTo("6");
        assertThat(cell(groups, "measures-table", "0", "escalationPercent")).startsWith("33,33 %");
        assertThat(cell(groups, "measures-table", String.valueOf(delivery), "handled")).isEqualTo("1");
        assertThat(row(groups, "measures-table", String.valueOf(delivery))).contains("/agent/quality/measures/group/" + delivery);

        String lines = lead.get("/agent/quality/measures?by=line&" + PERIOD).body();
        assertThat(keys(lines, "measures-table")).containsExactlyInAnyOrder("FIRST", "SECOND");
        assertThat(cell(lines, "measures-table", "FIRST", "handled")).isEqualTo("6");
        assertThat(cell(lines, "measures-table", "FIRST", "escalated")).isEqualTo("2");
        assertThat(cell(lines, "measures-table", "SECOND", "handled")).isEqualTo("1");

        String categories = lead.get("/agent/quality/measures?by=category&" + PERIOD).body();
        String mail = String.valueOf(desk.category("mail-not-arriving"));
        assertThat(cell(categories, "measures-table", mail, "handled")).isEqualTo("7");
        assertThat(cell(categories, "measures-table", mail, "resolved")).isEqualTo("5");

        // one group's agents only: their handlings in it
        String inDelivery = lead.get("/agent/quality/measures?by=agent&group=" + delivery + "&" + PERIOD).body();
        assertThat(keys(inDelivery, "measures-table")).containsExactly(String.valueOf(z));
        assertThat(inDelivery).contains("id=\"within-group\"");

        // the group's page: its total, its agents (adding up to it), its trend
        String group = lead.get("/agent/quality/measures/group/0?" + PERIOD).body();
        assertThat(cell(group, "group-table", "0", "handled")).isEqualTo("6");
        assertThat(keys(group, "group-agents-table")).containsExactlyInAnyOrder(String.valueOf(x), String.valueOf(y));
        assertThat(cell(group, "group-agents-table", String.valueOf(x), "handled")).isEqualTo("4");
        assertThat(cell(group, "group-agents-table", String.valueOf(y), "handled")).isEqualTo("2");
        assertThat(group).contains("data-week=\"2031-03-03\"").contains("data-week=\"2031-03-10\"");
    }

    @Test
    void everyCountLinksToExactlyTheTicketsBehindIt() {
        WebSession lead = WebSession.signedIn(port, "lead");
        String html = lead.get("/agent/quality/measures?by=agent&" + PERIOD).body();
        String xs = String.valueOf(x);

        String handled = lead.get(href(td(html, "measures-table", xs, "handled"))).body();
        assertThat(ticketsListed(handled)).containsExactly(numbers.get("T4"), numbers.get("T1"), numbers.get("T2"), numbers.get("T5"));
        assertThat(text(handled.substring(handled.indexOf("id=\"tickets-total\""), handled.indexOf("</span>",
                handled.indexOf("id=\"tickets-total\""))) + "</span>").replaceAll("[^0-9]", "")).isEqualTo("4");
        assertThat(handled).contains("Pages zzqp T1").contains("5 мин").contains("30 мин");

        String escalated = lead.get(href(td(html, "measures-table", xs, "escalated"))).body();
        assertThat(ticketsListed(escalated)).isEqualTo(tickets("T4", "T2"));
        assertThat(escalated).contains("передано");

        String rated = lead.get(href(td(html, "measures-table", xs, "ratingsFive"))).body();
        assertThat(ticketsListed(rated)).isEqualTo(tickets("T1", "T5"));
        assertThat(row(rated.replace("data-ticket=", "data-key="), "tickets-table", numbers.get("T1"))).contains("class=\"rating\">5</td>");
        assertThat(row(rated.replace("data-ticket=", "data-key="), "tickets-table", numbers.get("T5"))).contains("class=\"rating\">2</td>");

        String y2 = lead.get(href(td(html, "measures-table", String.valueOf(y), "handled"))).body();
        assertThat(ticketsListed(y2)).isEqualTo(tickets("T3", "T6"));

        // a group page's agent row drills within the group; the line table's into the line
        String group = lead.get("/agent/quality/measures?by=agent&group=" + delivery + "&" + PERIOD).body();
        String zHandled = href(td(group, "measures-table", String.valueOf(z), "handled"));
        assertThat(zHandled).contains("group=" + delivery);
        assertThat(ticketsListed(lead.get(zHandled).body())).isEqualTo(tickets("T2"));
        String lines = lead.get("/agent/quality/measures?by=line&" + PERIOD).body();
        assertThat(ticketsListed(lead.get(href(td(lines, "measures-table", "FIRST", "escalated"))).body())).isEqualTo(tickets("T4", "T2"));
    }

    @Test
    void theCsvOfEveryTableEqualsTheTable() throws IOException {
        WebSession lead = WebSession.signedIn(port, "lead");
        String html = lead.get("/agent/quality/measures?by=agent&" + PERIOD).body();
        assertThat(html).contains("/agent/quality/measures.csv?by=agent&amp;from=2031-03-03&amp;to=2031-03-16");
        List<CSVRecord> rows = csv(lead.get("/agent/quality/measures.csv?by=agent&" + PERIOD));
        CSVRecord head = rows.get(0);
        assertThat(head.get(0)).isEqualTo("Сотрудник");
        assertThat(head.get(2)).isEqualTo("Обработано");
        assertThat(head.get(3)).isEqualTo("Время обработки, медиана, мин");
        List<String> keys = keys(html, "measures-table");
        assertThat(rows.subList(1, rows.size())).extracting(r -> r.get(1)).containsExactlyElementsOf(keys);
        String[] ids = {"handled", "handlingMedian", "handlingP90", "firstResponses", "firstResponseMedian", "firstResponseP90",
                "slaTargets", "slaMet", "slaMetPercent", "firstLineHandled", "escalated", "escalationPercent", "escalationUsualPercent",
                "escalationsCorrected", "escalationsCorrectedPercent", "resolved", "reopened", "reopenPercent", "repeated",
                "repeatPercent", "ratingRequests", "ratingsFive", "csatAverage", "ratingsTwo", "csatGoodPercent",
                "csatResponsePercent", "reviews", "reviewAverage", "trainerCorrections"};
        assertThat(head.size()).isEqualTo(ids.length + 3);
        for (CSVRecord r : rows.subList(1, rows.size())) {
            String key = r.get(1);
            assertThat(r.get(0)).isEqualTo(text(row(html, "measures-table", key).replaceAll("(?s)<td.*", "")));
            for (int i = 0; i < ids.length; i++) {
                String shown = cell(html, "measures-table", key, ids[i]).replace(" ▲", "").replace(" ▼", "");
                String value = r.get(i + 2);
                if (ids[i].contains("Median") || ids[i].contains("P90")) {
                    assertThat(shown).as("%s of %s", ids[i], key).isEqualTo(value.isEmpty() ? "—" : words(value));
                } else if (shown.endsWith(" %") || shown.contains(",")) {
                    assertThat(new java.math.BigDecimal(shown.replace(" %", "").replace(',', '.')))
                            .as("%s of %s", ids[i], key).isEqualByComparingTo(value.replace(',', '.'));
                } else {
                    assertThat(shown).as("%s of %s", ids[i], key).isEqualTo(value.isEmpty() ? "—" : value);
                }
            }
        }
        CSVRecord xRow = rows.stream().filter(r -> r.get(1).equals(String.valueOf(x))).findFirst().orElseThrow();
        assertThat(xRow.get(3)).isEqualTo("10");
        assertThat(xRow.get(head.size() - 1)).isEqualTo("Передаёт больше обычного");

        // the drill-down list's CSV: the same tickets
        String drill = href(td(html, "measures-table", String.valueOf(x), "handled"));
        String list = lead.get(drill).body();
        List<CSVRecord> listed = csv(lead.get(drill.replace("/tickets?", "/tickets.csv?")));
        assertThat(listed.get(0).get(0)).isEqualTo("Заявка");
        assertThat(listed.subList(1, listed.size())).extracting(r -> r.get(0)).containsExactlyElementsOf(ticketsListed(list));
        assertThat(listed.subList(1, listed.size())).extracting(r -> r.get(8)).containsExactly("5", "10", "30", "40");

        // the agent page's trend and the group page's tables
        List<CSVRecord> trend = csv(lead.get("/agent/quality/measures/agent/" + x + "/trend.csv?" + PERIOD));
        assertThat(trend).hasSize(3);
        assertThat(trend.get(1).get(0)).isEqualTo("2031-03-03");
        assertThat(trend.get(1).get(1)).isEqualTo("3");
        assertThat(trend.get(1).get(2)).isEqualTo("4");
        assertThat(trend.get(2).get(1)).isEqualTo("1");
        assertThat(trend.get(2).get(2)).isEqualTo("2");
        List<CSVRecord> agents = csv(lead.get("/agent/quality/measures/group/0/agents.csv?" + PERIOD));
        assertThat(agents.subList(1, agents.size())).extracting(r -> r.get(1) + "=" + r.get(2))
                .containsExactlyInAnyOrder(x + "=4", y + "=2");
        assertThat(csv(lead.get("/agent/quality/measures.csv?by=line&" + PERIOD))).hasSize(3);
    }

    /** Minutes as the page says them: "10" → "10 мин", "60" → "1 ч 00 мин". */
    static String words(String minutes) {
        long m = new java.math.BigDecimal(minutes.replace(',', '.')).longValue();
        return m >= 60 ? (m / 60) + " ч " + String.format("%02d", m % 60) + " мин" : m + " мин";
    }

    @Test
    void theAgentPageShowsTheWeeklyTrendNextToTheGroupsInChartsAndTable() {
        HttpResponse<String> page = WebSession.signedIn(port, "lead").get("/agent/quality/measures/agent/" + x + "?" + PERIOD);
        assertThat(page.statusCode()).isEqualTo(200);
        String html = page.body();
        assertThat(html).contains("id=\"compared-with\"").contains("Без группы");
        assertThat(cell(html, "agent-table", String.valueOf(x), "handled")).isEqualTo("4");
        assertThat(cell(html, "agent-table", "0", "handled")).isEqualTo("6");
        String trend = table(html, "trend-table");
        assertThat(trend).contains("data-week=\"2031-03-03\"").contains("data-week=\"2031-03-10\"");
        String week1 = trend.substring(trend.indexOf("data-week=\"2031-03-03\""), trend.indexOf("data-week=\"2031-03-10\""));
        assertThat(week1).contains("data-col=\"handled\" data-side=\"0\" data-value=\"3\"")
                .contains("data-col=\"handled\" data-side=\"1\" data-value=\"4\"")
                .contains("data-col=\"handlingMedian\" data-side=\"0\" data-value=\"10.0\"");
        String chart = html.substring(html.indexOf("id=\"trend-handled-chart\""));
        chart = chart.substring(0, chart.indexOf(">")).replace("&quot;", "\"");
        assertThat(chart).contains("\"labels\":[\"2031-03-03\",\"2031-03-10\"]").contains("\"data\":[3,1]").contains("\"data\":[4,2]");
        // the week's count opens the tickets handled in it
        Matcher link = Pattern.compile("data-col=\"handled\" data-side=\"0\" data-value=\"3\"><a\\s+href=\"([^\"]+)\"").matcher(week1);
        assertThat(link.find()).isTrue();
        String listed = WebSession.signedIn(port, "lead").get(link.group(1).replace("&amp;", "&")).body();
        assertThat(ticketsListed(listed)).isEqualTo(tickets("T4", "T1", "T2"));
    }

    @Test
    void anAgentOpensOnlyTheirOwnPagesAndDrillDownsAndALeadOrTrainerAny() {
        WebSession agent = WebSession.signedIn(port, "l1b");
        assertThat(agent.get("/agent/quality/measures/agent/" + x + "?" + PERIOD).statusCode()).isEqualTo(403);
        assertThat(agent.get("/agent/quality/measures/agent/" + x + "/trend.csv?" + PERIOD).statusCode()).isEqualTo(403);
        assertThat(agent.get("/agent/quality/measures/agent/" + x + "/tickets?measure=handled&" + PERIOD).statusCode()).isEqualTo(403);
        assertThat(agent.get("/agent/quality/measures/agent/" + x + "/tickets.csv?measure=handled&" + PERIOD).statusCode()).isEqualTo(403);
        assertThat(agent.get("/agent/quality/measures/group/0/tickets?measure=handled&" + PERIOD).statusCode()).isEqualTo(403);
        assertThat(agent.get("/agent/quality/measures?" + PERIOD).statusCode()).isEqualTo(403);
        assertThat(agent.get("/agent/quality/measures.csv?" + PERIOD).statusCode()).isEqualTo(403);
        assertThat(agent.get("/agent/quality/measures/group/0?" + PERIOD).statusCode()).isEqualTo(403);
        assertThat(agent.get("/agent/quality/measures/agent/" + y + "?group=" + delivery + "&" + PERIOD).statusCode()).isEqualTo(403);
        assertThat(agent.get("/agent/quality/me").body()).doesNotContain("nav-quality-measures");

        HttpResponse<String> own = agent.get("/agent/quality/measures/agent/" + y + "?" + PERIOD);
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(cell(own.body(), "agent-table", String.valueOf(y), "handled")).isEqualTo("2");
        HttpResponse<String> ownList = agent.get("/agent/quality/measures/agent/" + y + "/tickets?measure=handled&" + PERIOD);
        assertThat(ownList.statusCode()).isEqualTo(200);
        assertThat(ticketsListed(ownList.body())).isEqualTo(tickets("T3", "T6"));

        assertThat(WebSession.signedIn(port, "trainer").get("/agent/quality/measures/agent/" + x + "?" + PERIOD).statusCode()).isEqualTo(200);
        assertThat(WebSession.signedIn(port, "admin").get("/agent/quality/measures?" + PERIOD).statusCode()).isEqualTo(200);
        assertThat(WebSession.signedIn(port, "lead").get("/agent/quality/me").body()).contains("nav-quality-measures");
    }

    @Test
    void badPeriodAndFilterParametersAreNamedNextToTheirFieldsAndNothingIsComputed() {
        WebSession lead = WebSession.signedIn(port, "lead");
        HttpResponse<String> badDate = lead.get("/agent/quality/measures?from=2031-13-01&to=2031-03-16");
        assertThat(badDate.statusCode()).isEqualTo(400);
        assertThat(badDate.body()).contains("id=\"from-error\"").contains("Дата в формате ГГГГ-ММ-ДД").doesNotContain("id=\"measures-table\"");
        HttpResponse<String> reversed = lead.get("/agent/quality/measures?from=2031-03-16&to=2031-03-03");
        assertThat(reversed.statusCode()).isEqualTo(400);
        assertThat(reversed.body()).contains("id=\"to-error\"").contains("Конец периода не раньше начала");
        HttpResponse<String> days = lead.get("/agent/quality/measures?days=0");
        assertThat(days.statusCode()).isEqualTo(400);
        assertThat(days.body()).contains("id=\"days-error\"").contains("от 1 до 3660");
        HttpResponse<String> tooLong = lead.get("/agent/quality/measures?from=2001-01-01&to=2031-03-16");
        assertThat(tooLong.body()).contains("id=\"to-error\"").contains("не длиннее 3660 дней");
        HttpResponse<String> by = lead.get("/agent/quality/measures?by=planet&" + PERIOD);
        assertThat(by.statusCode()).isEqualTo(400);
        assertThat(by.body()).contains("id=\"by-error\"");
        HttpResponse<String> group = lead.get("/agent/quality/measures?group=abc&" + PERIOD);
        assertThat(group.statusCode()).isEqualTo(400);
        assertThat(group.body()).contains("id=\"group-error\"");
        HttpResponse<String> measure = lead.get("/agent/quality/measures/agent/" + x + "/tickets?measure=speed&" + PERIOD);
        assertThat(measure.statusCode()).isEqualTo(400);
        assertThat(measure.body()).contains("id=\"measure-error\"").contains("Неизвестный показатель");
        assertThat(lead.get("/agent/quality/measures/agent/" + x + "?days=x").body()).contains("id=\"days-error\"");
        HttpResponse<String> en = WebSession.signedIn(port, "lead").get("/agent/quality/measures?from=2031-03-16&to=2031-03-03&lang=en");
        assertThat(en.body()).contains("The end of the period is not before its start.");
        HttpResponse<String> csv = lead.get("/agent/quality/measures.csv?from=nonsense");
        assertThat(csv.statusCode()).isEqualTo(400);
        assertThat(csv.body()).contains("Дата в формате ГГГГ-ММ-ДД");
        // presets keep the filters in the URL; the default is the last 30 days
        String preset = lead.get("/agent/quality/measures?by=group&days=7").body();
        assertThat(preset).contains("href=\"/agent/quality/measures?by=group&amp;days=90\"").contains("id=\"period\"")
                .contains("С 2031-03-14 по 2031-03-20");
        assertThat(lead.get("/agent/quality/measures").body()).contains("С 2031-02-19 по 2031-03-20");
    }

    @Test
    void myQualityShowsTheAgentsOwnMeasuresAndWeeklyTrendNextToTheGroup() {
        WebSession agent = WebSession.signedIn(port, "l1");
        HttpResponse<String> me = agent.get("/agent/quality/me?" + PERIOD);
        assertThat(me.statusCode()).isEqualTo(200);
        String html = me.body();
        assertThat(html).contains("id=\"me-csat-average\"");
        assertThat(cell(html, "me-measures-table", String.valueOf(x), "handled")).isEqualTo("4");
        assertThat(cell(html, "me-measures-table", String.valueOf(x), "csatAverage")).isEqualTo("3,50");
        assertThat(cell(html, "me-measures-table", "0", "handled")).isEqualTo("6");
        // the agent may open their own tickets, not the group's
        assertThat(td(html, "me-measures-table", String.valueOf(x), "handled")).contains("href=");
        assertThat(td(html, "me-measures-table", "0", "handled")).doesNotContain("href=");
        assertThat(html).contains("id=\"trend-handled-chart\"").contains("data-week=\"2031-03-10\"");
        List<CSVRecord> csv;
        try {
            csv = csv(agent.get("/agent/quality/measures/agent/" + x + "/table.csv?" + PERIOD));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        assertThat(csv).hasSize(3);
        assertThat(csv.get(1).get(2)).isEqualTo("4");
        assertThat(csv.get(2).get(2)).isEqualTo("6");
        HttpResponse<String> bad = agent.get("/agent/quality/me?days=abc");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("id=\"days-error\"");
        assertThat(agent.get("/agent/quality/me?lang=en&" + PERIOD).body()).contains("My measures week by week next to my group");
    }

    @Test
    void theApiListsTheTicketsBehindANumberAndNamesABadField() {
        ApiFixtures fx = new ApiFixtures(port, administration, users);
        Map<String, Object> q = new java.util.HashMap<>(Map.of("by", "agent", "id", String.valueOf(x), "measure", "escalated",
                "from", "2031-03-02T21:00:00Z", "to", "2031-03-16T21:00:00Z"));
        JsonNode list = ApiFixtures.expect(fx.as("lead").get("/api/v1/quality/measures/tickets", q), 200);
        assertThat(list.path("total").asLong()).isEqualTo(2);
        assertThat(list.path("truncated").asBoolean()).isFalse();
        List<String> listed = new ArrayList<>();
        list.path("rows").forEach(r -> listed.add(r.path("number").asText()));
        assertThat(listed).containsExactly(numbers.get("T4"), numbers.get("T2"));
        assertThat(list.path("rows").get(0).path("handlingMs").asLong()).isEqualTo(5 * 60_000L);

        q.put("measure", "speed");
        var bad = fx.as("lead").get("/api/v1/quality/measures/tickets", q);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.mediaType()).contains("application/problem+json");
        assertThat(bad.json().path("field").asText()).isEqualTo("measure");
        q.put("measure", "handled");
        assertThat(fx.as("l1b").get("/api/v1/quality/measures/tickets", q).status()).isEqualTo(403);
        q.put("limit", "0");
        assertThat(fx.as("lead").get("/api/v1/quality/measures/tickets", q).json().path("field").asText()).isEqualTo("limit");
    }
}
