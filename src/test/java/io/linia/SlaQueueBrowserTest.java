package io.linia;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.linia.accounts.Actor;
import io.linia.accounts.UserDirectory;
import io.linia.routing.CategoryRef;
import io.linia.routing.RoutingDirectory;
import io.linia.sla.ServiceLevels;
import io.linia.sla.SlaPolicyCommand;
import io.linia.support.BrowserSession;
import io.linia.tickets.Channel;
import io.linia.tickets.Line;
import io.linia.tickets.Priority;
import io.linia.tickets.TicketCommands;
import io.linia.tickets.TicketService;
import io.linia.tickets.TicketView;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.ActiveProfiles;

/**
 * A breached ticket in the first-line queue, in a real browser: its row is highlighted, its due time
 * shows how late it is, "sort by due" puts it first, and the ticket page's SLA panel says breached.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"linia.demo.tickets=false",
        "linia.sla.evaluate=false", "linia.test.context=sla-queue"})
@ActiveProfiles("test")
@Import(SlaQueueBrowserTest.MovableClock.class)
class SlaQueueBrowserTest {

    @TestConfiguration(proxyBeanMethods = false)
    static class MovableClock {
        @Bean
        @Primary
        Moving movingClock() {
            return new Moving();
        }
    }

    static final class Moving extends Clock {
        private volatile Instant now = Instant.now();

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @RegisterExtension
    static final BrowserSession browser = new BrowserSession();

    @Autowired
    Moving clock;
    @Autowired
    TicketService tickets;
    @Autowired
    ServiceLevels levels;
    @Autowired
    UserDirectory users;
    @Autowired
    RoutingDirectory routing;

    @Test
    void aBreachedTicketIsHighlightedInTheQueueAndComesFirstByDueTime() {
        Actor admin = users.userByLogin("admin").orElseThrow().toActor();
        Actor customer = users.userByLogin("customer").orElseThrow().toActor();
        CategoryRef urgent = routing.activeCategories().get(0);
        levels.create(admin, new SlaPolicyCommand("Пять минут", Line.FIRST, null, null, urgent.id(), 5, null, null, null,
                false, null, false, null, true, null));
        TicketView calm = tickets.create(customer, new TicketCommands.NewTicket("Спокойный вопрос", "Когда будет время",
                null, null, null, Priority.LOW), Channel.WEB);
        clock.advance(Duration.ofSeconds(1));
        TicketView late = tickets.create(customer, new TicketCommands.NewTicket("Срочный вопрос", "Ответьте за пять минут",
                null, null, urgent.id(), Priority.NORMAL), Channel.WEB);
        clock.advance(Duration.ofMinutes(7));
        levels.evaluate(admin);

        Page page = browser.signIn("l1", "l1");
        browser.step(page, "queue-highlights-breach", () -> {
            page.navigate(browser.url("/agent/queue/first"));
            Locator row = page.locator("tr[data-number='" + late.number() + "']");
            assertThat(row).hasClass(java.util.regex.Pattern.compile(".*sla-breached.*"));
            assertThat(row.locator("td.sla-due")).containsText("−");
            assertThat(page.locator("tr[data-number='" + calm.number() + "']"))
                    .not().hasClass(java.util.regex.Pattern.compile(".*sla-breached.*"));
        });
        browser.step(page, "sorted-by-due", () -> {
            page.locator("#sort-due").click();
            assertThat(page.locator("#queue-table tbody tr").first()).hasAttribute("data-number", late.number());
        });
        browser.step(page, "ticket-panel", () -> {
            page.navigate(browser.url("/agent/tickets/" + late.number()));
            Locator target = page.locator("#sla-panel .sla-target[data-target='FIRST_RESPONSE']");
            assertThat(target).hasAttribute("data-state", "BREACHED");
            assertThat(target).containsText("просрочено");
        });
    }
}
