package io.linia;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.linia.accounts.Actor;
import io.linia.accounts.UserDirectory;
import io.linia.accounts.UserRef;
import io.linia.analytics.api.AnalyticsSeries;
import io.linia.analytics.api.Interval;
import io.linia.analytics.api.SeriesParameters;
import io.linia.routing.CategoryRef;
import io.linia.routing.RoutingDirectory;
import io.linia.support.BrowserSession;
import io.linia.tickets.Channel;
import io.linia.tickets.Priority;
import io.linia.tickets.TicketCommands;
import io.linia.tickets.TicketService;
import io.linia.tickets.TicketView;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The analytics dashboard in a real browser: reached from the menu, its inflow chart is drawn by Chart.js with
 * exactly the numbers of its table (read from the chart's own data), and a click on the day's total opens the
 * ticket list holding that many tickets.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"linia.demo.tickets=false",
        "linia.test.context=analytics-dashboard-browser", "linia.sla.evaluate=false"})
@ActiveProfiles("test")
class AnalyticsDashboardBrowserTest {

    @RegisterExtension
    static final BrowserSession browser = new BrowserSession();

    @Autowired
    TicketService tickets;
    @Autowired
    UserDirectory users;
    @Autowired
    RoutingDirectory routing;
    @Autowired
    AnalyticsSeries series;
    @Autowired
    SeriesParameters parameters;
    @Autowired
    Clock clock;

    @BeforeEach
    void desk() throws InterruptedException {
        LocalDate today = LocalDate.now(clock.withZone(parameters.zone()));
        var q = parameters.query(today.toString(), today.toString(), null, null, null, null, Interval.DAY);
        if (series.inflow(q, Interval.DAY, "channel", Locale.ENGLISH).total() >= 5) {
            return;
        }
        List<CategoryRef> categories = new ArrayList<>(routing.activeCategories());
        categories.sort(java.util.Comparator.comparingLong(CategoryRef::id));
        Actor customer = actor("customer");
        Actor l1 = actor("l1");
        create(customer, "Не приходят письма", categories.get(0), Channel.WEB);
        create(customer, "Письма не доходят", categories.get(0), Channel.WEB);
        TicketView third = create(customer, "Вопрос по тарифу", categories.get(1), Channel.WEB);
        create(customer, "Ошибка при входе", categories.get(1), Channel.EMAIL);
        create(customer, "Как сменить номер", categories.get(0), Channel.API);
        tickets.answer(l1, third.number(), new TicketCommands.Answer("Тариф меняется в профиле", null, null, null));
        long deadline = System.currentTimeMillis() + 20_000;
        while (series.inflow(q, Interval.DAY, "channel", Locale.ENGLISH).total() < 5 && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
    }

    @Test
    void theChartShowsTheNumbersOfItsTableAndANumberOpensItsTickets() {
        Page lead = browser.signIn("lead", "lead");
        browser.step(lead, "opens-the-dashboard", () -> {
            lead.locator("#nav-analytics").click();
            assertThat(lead.locator("h1")).hasText("Аналитика");
            assertThat(lead.locator("#inflow-channel-chart")).hasAttribute("data-drawn", "true");
            assertThat(lead.locator("#solved-chart")).hasAttribute("data-drawn", "true");
            assertThat(lead.locator("#first-line-wait-chart")).hasAttribute("data-drawn", "true");
        });
        // read through JSON: Chart.js watches its arrays (extra properties), which a plain evaluate may not carry over
        String chartData = (String) lead.evaluate("JSON.stringify({labels: Array.from(Chart.getChart(document.getElementById("
                + "'inflow-channel-chart')).data.labels), sets: Chart.getChart(document.getElementById('inflow-channel-chart'))"
                + ".data.datasets.map(d => ({key: d.key, data: Array.from(d.data)}))})");
        Map<String, Object> parsed = json(chartData);
        @SuppressWarnings("unchecked")
        List<String> labels = (List<String>) parsed.get("labels");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> datasets = (List<Map<String, Object>>) parsed.get("sets");
        assertThat(labels).hasSize(14);
        assertThat(datasets).extracting(d -> d.get("key")).contains("WEB", "EMAIL", "API", "usual");
        Locator rows = lead.locator("#inflow-channel-table tbody tr");
        assertThat(rows).hasCount(labels.size());
        long sum = 0;
        for (int i = 0; i < labels.size(); i++) {
            Locator row = lead.locator("#inflow-channel-table tbody tr[data-bucket='" + labels.get(i) + "']");
            long total = 0;
            for (Map<String, Object> set : datasets) {
                if ("usual".equals(set.get("key"))) {
                    // the usual inflow: a line of its own, not stacked into the total; the table's "usual" column
                    Object usual = ((List<?>) set.get("data")).get(i);
                    String cell = row.locator("td[data-key='usual']").innerText().strip();
                    assertThat(cell).as("%s usual", labels.get(i)).isEqualTo(usual == null ? "—"
                            : new java.math.BigDecimal(usual.toString()).stripTrailingZeros().toPlainString());
                    continue;
                }
                long value = ((Number) ((List<?>) set.get("data")).get(i)).longValue();
                String cell = row.locator("td[data-key='" + set.get("key") + "']").innerText().strip();
                assertThat(cell).as("%s %s", labels.get(i), set.get("key")).isEqualTo(String.valueOf(value));
                total += value;
            }
            assertThat(row.locator("td.total").innerText().strip()).isEqualTo(String.valueOf(total));
            sum += total;
        }
        assertThat(sum).isGreaterThanOrEqualTo(5);
        // the solved chart against its table as well
        @SuppressWarnings("unchecked")
        List<Number> solved = (List<Number>) json((String) lead.evaluate(
                "JSON.stringify({d: Array.from(Chart.getChart(document.getElementById('solved-chart')).data.datasets[0].data)})")).get("d");
        for (int i = 0; i < solved.size(); i++) {
            assertThat(lead.locator("#solved-table tbody tr").nth(i).locator("td.solved").innerText().strip())
                    .isEqualTo(String.valueOf(solved.get(i).longValue()));
        }

        String today = labels.get(labels.size() - 1);
        String webToday = lead.locator("#inflow-channel-table tbody tr[data-bucket='" + today + "'] td[data-key='WEB']").innerText().strip();
        assertThat(Long.parseLong(webToday)).isGreaterThanOrEqualTo(3);
        browser.step(lead, "follows-the-web-tickets-of-today", () -> {
            lead.locator("#inflow-channel-table tbody tr[data-bucket='" + today + "'] td[data-key='WEB'] a").click();
            assertThat(lead.locator("#list-count")).hasText(webToday);
        });
        assertThat(lead.locator("table.queue-table tbody tr")).hasCount(Integer.parseInt(webToday));
        assertThat(lead.locator("#list-drill [data-filter='channel']")).containsText("WEB");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(String text) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readValue(text, Map.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private TicketView create(Actor customer, String subject, CategoryRef category, Channel channel) {
        return tickets.create(customer, new TicketCommands.NewTicket(subject, subject + ": подробности", null, null,
                category.id(), Priority.NORMAL), channel);
    }

    private Actor actor(String login) {
        return users.userByLogin(login).map(UserRef::toActor).orElseThrow();
    }
}
