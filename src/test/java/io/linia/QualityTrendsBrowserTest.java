package io.linia;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.linia.accounts.Actor;
import io.linia.accounts.UserDirectory;
import io.linia.accounts.UserRef;
import io.linia.quality.MeasureScope;
import io.linia.quality.Measures;
import io.linia.quality.QualityMeasures;
import io.linia.quality.internal.MeasureUpkeep;
import io.linia.routing.RoutingDirectory;
import io.linia.support.BrowserSession;
import io.linia.tickets.Channel;
import io.linia.tickets.Priority;
import io.linia.tickets.TicketCommands;
import io.linia.tickets.TicketService;
import io.linia.tickets.TicketView;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The quality measures in a real browser: a team lead goes from the quality tabs to the table by agent, opens an
 * agent's page, whose weekly charts (drawn by Chart.js) hold exactly the numbers of the trend table next to them,
 * and a count of the agent's table opens the list of exactly that many tickets.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"linia.demo.tickets=false",
        "linia.test.context=quality-trends-browser", "linia.sla.evaluate=false"})
@ActiveProfiles("test")
class QualityTrendsBrowserTest {

    @RegisterExtension
    static final BrowserSession browser = new BrowserSession();

    @Autowired
    TicketService tickets;
    @Autowired
    UserDirectory users;
    @Autowired
    RoutingDirectory routing;
    @Autowired
    QualityMeasures measures;
    @Autowired
    MeasureUpkeep upkeep;
    @Autowired
    Clock clock;

    Actor l1;

    @BeforeEach
    void handled() {
        l1 = actor("l1");
        Actor lead = actor("lead");
        java.time.Instant now = clock.instant();
        if (measures.of(lead, MeasureScope.AGENT, String.valueOf(l1.id()), now.minus(Duration.ofDays(1)), now.plusSeconds(60)).handled() < 3) {
            long category = routing.categoryByCode("mail-not-arriving").orElseThrow().id();
            long delivery = routing.groupByCode("delivery").orElseThrow().id();
            Actor customer = actor("customer");
            TicketView a = create(customer, "Не приходят письма", category);
            TicketView b = create(customer, "Письма не доходят", category);
            TicketView c = create(customer, "Письма пропадают", category);
            tickets.answer(l1, a.number(), new TicketCommands.Answer("Проверьте фильтры", null, null, null));
            tickets.answer(l1, b.number(), new TicketCommands.Answer("Проверьте адрес", null, null, null));
            tickets.escalate(l1, c.number(), new TicketCommands.Escalate(category, delivery, null, null));
        }
        assertThat(upkeep.awaitIdle(Duration.ofSeconds(60))).isTrue();
    }

    @Test
    void theAgentsTrendChartHoldsTheNumbersOfItsTableAndACountOpensItsTickets() {
        java.time.Instant now = clock.instant();
        Measures today = measures.of(actor("lead"), MeasureScope.AGENT, String.valueOf(l1.id()), now.minus(Duration.ofDays(1)),
                now.plusSeconds(60));
        assertThat(today.handled()).isGreaterThanOrEqualTo(3);
        Page lead = browser.signIn("lead", "lead");
        browser.step(lead, "opens-the-measures-by-agent", () -> {
            lead.locator("#nav-quality").click();
            lead.locator("#nav-quality-measures").click();
            assertThat(lead.locator("h1")).hasText("Показатели качества");
            assertThat(lead.locator("#measures-table tr[data-key='" + l1.id() + "']")).isVisible();
        });
        String handled = lead.locator("#measures-table tr[data-key='" + l1.id() + "'] td[data-col='handled']").innerText().strip();
        browser.step(lead, "opens-the-agents-page", () -> {
            lead.locator("#measures-table tr[data-key='" + l1.id() + "'] th a").click();
            assertThat(lead.locator("#agent-name")).hasText(l1.name());
            assertThat(lead.locator("#trend-handled-chart")).hasAttribute("data-drawn", "true");
            assertThat(lead.locator("#trend-escalationPercent-chart")).hasAttribute("data-drawn", "true");
        });
        assertThat(lead.locator("#agent-table tr[data-key='" + l1.id() + "'] td[data-col='handled']").innerText().strip()).isEqualTo(handled);

        for (String metric : List.of("handled", "escalationPercent", "handlingMedian")) {
            Map<String, Object> chart = json((String) lead.evaluate("JSON.stringify({labels: Array.from(Chart.getChart("
                    + "document.getElementById('trend-" + metric + "-chart')).data.labels), sets: Chart.getChart(document.getElementById("
                    + "'trend-" + metric + "-chart')).data.datasets.map(d => ({label: d.label, data: Array.from(d.data)}))})"));
            @SuppressWarnings("unchecked")
            List<String> weeks = (List<String>) chart.get("labels");
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> sets = (List<Map<String, Object>>) chart.get("sets");
            assertThat(sets).hasSize(2);
            assertThat(sets.get(0).get("label")).isEqualTo(l1.name());
            assertThat(lead.locator("#trend-table tbody tr")).hasCount(weeks.size());
            for (int w = 0; w < weeks.size(); w++) {
                Locator row = lead.locator("#trend-table tbody tr[data-week='" + weeks.get(w) + "']");
                for (int side = 0; side < 2; side++) {
                    Object value = ((List<?>) sets.get(side).get("data")).get(w);
                    Locator cell = row.locator("td[data-col='" + metric + "'][data-side='" + side + "']");
                    String attr = cell.getAttribute("data-value");
                    if (value == null) {
                        assertThat(attr).as("%s %s %d", metric, weeks.get(w), side).isNull();
                        assertThat(cell.innerText().strip()).isEqualTo("—");
                    } else {
                        assertThat(Double.parseDouble(attr)).as("%s %s %d", metric, weeks.get(w), side)
                                .isEqualTo(((Number) value).doubleValue());
                        if ("handled".equals(metric)) {
                            assertThat(cell.innerText().strip()).isEqualTo(String.valueOf(((Number) value).longValue()));
                        }
                        if ("escalationPercent".equals(metric)) {
                            assertThat(cell.innerText().strip()).isEqualTo(String.format(java.util.Locale.ROOT, "%.2f %%",
                                    ((Number) value).doubleValue()).replace('.', ','));
                        }
                    }
                }
            }
            if ("handled".equals(metric)) {
                long sum = ((List<?>) sets.get(0).get("data")).stream().mapToLong(v -> v == null ? 0 : ((Number) v).longValue()).sum();
                assertThat(sum).isEqualTo(Long.parseLong(handled));
            }
        }

        browser.step(lead, "follows-the-handled-count", () -> {
            lead.locator("#agent-table tr[data-key='" + l1.id() + "'] td[data-col='handled'] a").click();
            assertThat(lead.locator("#tickets-total")).hasText(handled);
        });
        assertThat(lead.locator("#tickets-table tbody tr")).hasCount(Integer.parseInt(handled));
        assertThat(lead.locator("#tickets-table")).containsText("Письма не доходят");
        String first = lead.locator("#tickets-table tbody tr").first().getAttribute("data-ticket");
        browser.step(lead, "opens-a-listed-ticket", () -> {
            lead.locator("#tickets-table tbody tr").first().locator("td a").first().click();
            assertThat(lead).hasURL(java.util.regex.Pattern.compile(".*/agent/tickets/" + first + "$"));
        });
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(String text) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readValue(text, Map.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private TicketView create(Actor customer, String subject, long category) {
        return tickets.create(customer, new TicketCommands.NewTicket(subject, subject + ": подробности", null, null, category,
                Priority.NORMAL), Channel.WEB);
    }

    private Actor actor(String login) {
        return users.userByLogin(login).map(UserRef::toActor).orElseThrow();
    }
}
