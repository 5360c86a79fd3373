package io.linia;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.linia.accounts.CustomerTags;
import io.linia.accounts.UserDirectory;
import io.linia.support.BrowserSession;
import io.linia.tickets.Channel;
import io.linia.tickets.TicketCommands;
import io.linia.tickets.TicketService;
import io.linia.tickets.TicketView;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * An agent tags a ticket and its customer on the ticket page in a real browser: each tag appears at
 * once, without the page reloading; a bad tag gets its message at the input; a tag is removed with its
 * ×; the history names the tags; the queue shows them and a click on one lists the tickets with it.
 * The customer sees none of it on the portal.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"linia.demo.tickets=false",
        "linia.sla.evaluate=false", "linia.test.context=ticket-tags"})
@ActiveProfiles("test")
class TicketTagsBrowserTest {

    @RegisterExtension
    static final BrowserSession browser = new BrowserSession();

    @Autowired
    TicketService tickets;
    @Autowired
    UserDirectory users;
    @Autowired
    CustomerTags customerTags;

    /** A mark on the window: it survives htmx swaps and is gone after a reload or a navigation. */
    private static void markWindow(Page page) {
        page.evaluate("() => { window.__sameDocument = 'tags'; }");
    }

    private static void assertNotReloaded(Page page) {
        assertThat(page.evaluate("() => window.__sameDocument")).as("the page was not reloaded").isEqualTo("tags");
    }

    @Test
    void anAgentTagsTheTicketAndItsCustomerWithoutTheTicketPageReloading() {
        TicketView ticket = tickets.create(users.userByLogin("customer").orElseThrow().toActor(),
                new TicketCommands.NewTicket("Не проходит оплата картой", "Списали дважды, заказ не оформлен",
                        null, null, null, null), Channel.WEB);

        Page page = browser.signIn("l1", "l1");
        Locator block = page.locator("#ticket-tags");
        browser.step(page, "opens-ticket", () -> {
            page.navigate(browser.url("/agent/tickets/" + ticket.number()));
            assertThat(block.locator(".tag-none")).isVisible();
            markWindow(page);
        });

        browser.step(page, "adds-tag", () -> {
            page.locator("#tag-input").fill("Двойное-Списание");
            page.locator("#tag-input").press("Enter");
            assertThat(block.locator(".tag[data-tag='двойное-списание']")).isVisible();
            assertThat(block.locator(".tag-none")).hasCount(0);
            assertThat(page.locator("#tag-input")).hasValue("");
            assertThat(page.locator("#tag-input")).isFocused();
            assertThat(page.locator("#history tr[data-action='TAGGED'] .tag[data-tag='двойное-списание']")).isVisible();
            assertNotReloaded(page);
        });

        browser.step(page, "bad-tag-message", () -> {
            page.locator("#tag-input").fill("две метки");
            page.locator("#tag-add").click();
            assertThat(page.locator("#tag-error")).isVisible();
            assertThat(page.locator("#tag-error")).containsText("одно слово");
            assertThat(page.locator("#tag-input")).hasClass(Pattern.compile(".*is-invalid.*"));
            assertThat(page.locator("#tag-input")).hasValue("две метки");
            assertThat(block.locator(".tag")).hasCount(1);
            assertNotReloaded(page);
        });

        browser.step(page, "second-tag", () -> {
            page.locator("#tag-input").fill("payments");
            page.locator("#tag-input").press("Enter");
            assertThat(block.locator(".tag")).hasCount(2);
            assertThat(page.locator("#tag-error")).hasCount(0);
            assertThat(block.locator(".tag").first()).hasAttribute("data-tag", "payments");
            assertNotReloaded(page);
        });

        browser.step(page, "removes-tag", () -> {
            block.locator(".tag[data-tag='двойное-списание'] .tag-remove").click();
            assertThat(block.locator(".tag[data-tag='двойное-списание']")).hasCount(0);
            assertThat(block.locator(".tag[data-tag='payments']")).isVisible();
            assertThat(page.locator("#history tr[data-action='UNTAGGED'] .tag[data-tag='двойное-списание']")).isVisible();
            assertNotReloaded(page);
        });

        browser.step(page, "tags-customer", () -> {
            page.locator("#customer-tag-input").fill("VIP");
            page.locator("#customer-tag-input").press("Enter");
            assertThat(page.locator("#customer-tags .tag[data-tag='vip']")).isVisible();
            assertNotReloaded(page);
        });
        assertThat(tickets.get(users.userByLogin("lead").orElseThrow().toActor(), ticket.number()).tags())
                .containsExactly("payments");
        assertThat(customerTags.tags(ticket.customerId())).containsExactly("vip");

        browser.step(page, "history-after-reload", () -> {
            page.reload();
            assertThat(page.locator("#history tr[data-action='TAGGED'] .tag[data-tag='двойное-списание']")).isVisible();
            assertThat(page.locator("#history tr[data-action='UNTAGGED'] .tag[data-tag='двойное-списание']")).isVisible();
            assertThat(page.locator("#history tr[data-action='TAGGED'] .tag[data-tag='payments']")).isVisible();
            assertThat(page.locator("#customer-tags .tag[data-tag='vip']")).isVisible();
        });

        browser.step(page, "queue-shows-tags", () -> {
            page.navigate(browser.url("/agent/queue/first"));
            Locator row = page.locator("tr[data-number='" + ticket.number() + "']");
            assertThat(row.locator(".tag[data-tag='payments']")).isVisible();
            row.locator(".tag[data-tag='payments']").click();
            assertThat(page).hasURL(Pattern.compile(".*/agent/tickets\\?tag=payments"));
            assertThat(page.locator("#list-tag-filter")).containsText("payments");
            assertThat(page.locator("table.queue-table tbody tr")).hasCount(1);
            assertThat(page.locator("table.queue-table tbody")).containsText(ticket.number());
        });

        Page customer = browser.signIn("customer", "customer");
        browser.step(customer, "portal-without-tags", () -> {
            customer.navigate(browser.url("/portal/tickets/" + ticket.number()));
            assertThat(customer.locator("body")).containsText("Не проходит оплата картой");
            assertThat(customer.locator("body")).not().containsText("payments");
            assertThat(customer.locator(".tag")).hasCount(0);
        });
    }
}
