package io.linia;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import io.linia.accounts.Actor;
import io.linia.accounts.UserDirectory;
import io.linia.accounts.UserRef;
import io.linia.intake.MailChannel;
import io.linia.support.BrowserSession;
import io.linia.support.MailServers;
import io.linia.support.MailTestSupport;
import io.linia.tickets.Channel;
import io.linia.tickets.Priority;
import io.linia.tickets.TicketCommands;
import io.linia.tickets.TicketService;
import io.linia.tickets.TicketView;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * Issue 10 in a real browser: the customer gets the solved mail over SMTP (GreenMail), follows its rating link without
 * signing in, changes the score to a low one with a comment; the agent who solved the ticket sees that rating on
 * "my quality", and the team lead finds the follow-up the low rating created.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"linia.demo.tickets=false",
        "linia.test.context=rating-browser"})
@ActiveProfiles("test")
class CustomerRatingBrowserTest extends MailTestSupport {

    private static final Pattern LINK = Pattern.compile("https?://\\S+?(/rate/[A-Za-z0-9._-]+)\\?score=(\\d)");

    @RegisterExtension
    static final BrowserSession browser = new BrowserSession();

    @Autowired
    TicketService tickets;
    @Autowired
    UserDirectory users;
    @Autowired
    MailChannel channel;

    @Test
    void aCustomerRatesFromTheMailLinkAndTheAgentSeesItOnMyQuality() throws Exception {
        String email = "rates-" + UUID.randomUUID().toString().substring(0, 8) + "@example.ru";
        Actor l1 = actor("l1");
        TicketView t = tickets.create(l1, new TicketCommands.NewTicket("Не приходят письма от банка",
                "Уже неделю не приходят письма от банка", email, "Ирина", null, Priority.NORMAL), Channel.WEB);
        tickets.answer(l1, t.number(), new TicketCommands.Answer("Письма банка попадали в папку «Рассылки», мы поправили фильтр.",
                null, null, null));

        Map<String, String> links = ratingLinks(email, "поправили фильтр");
        assertThat(links).containsOnlyKeys("1", "2", "3", "4", "5");

        Page customer = browser.open("customer");
        browser.step(customer, "follows-the-link-for-4", () -> {
            customer.navigate(browser.url(links.get("4")));
            assertThat(customer.locator("#current-score")).hasAttribute("data-score", "4");
            assertThat(customer.locator("body")).containsText(t.number());
            assertThat(customer.locator("#user-menu")).hasCount(0); // nobody signed in
        });
        browser.step(customer, "changes-to-2-with-a-comment", () -> {
            customer.locator("label[for=score-2]").click();
            customer.locator("#rate-comment").fill("Письма всё равно приходят с опозданием");
            customer.locator("#rate-send").click();
            assertThat(customer.locator("#rate-saved")).isVisible();
            assertThat(customer.locator("#current-score")).hasAttribute("data-score", "2");
            assertThat(customer.locator("#current-comment")).hasText("Письма всё равно приходят с опозданием");
        });

        Page agent = browser.signIn("agent", "l1");
        browser.step(agent, "sees-the-rating-on-my-quality", () -> {
            agent.navigate(browser.url("/agent/quality/me"));
            var row = agent.locator("#me-ratings tr").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText(t.number()));
            assertThat(row).hasCount(1);
            assertThat(row).containsText("2 — плохо");
            assertThat(row).containsText("Письма всё равно приходят с опозданием");
            assertThat(agent.locator("#me-csat-average")).hasText("2,0 / 5");
            assertThat(agent.locator("#me-csat-count")).containsText("низких: 1");
        });

        Page lead = browser.signIn("lead", "lead");
        browser.step(lead, "finds-the-follow-up", () -> {
            lead.navigate(browser.url("/agent/quality/follow-ups"));
            assertThat(lead.locator("body")).containsText(t.number());
        });
    }

    /** The solved notice's rating links (path and query) by score, waiting for the background sender. */
    private Map<String, String> ratingLinks(String email, String text) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        MimeMessage solved = null;
        while (solved == null && System.nanoTime() < end) {
            channel.sendNow(actor("admin"));
            solved = Arrays.stream(MailServers.INSTANCE.smtp().getReceivedMessages())
                    .filter(m -> recipients(m).contains(email) && body(m).contains(text)).findFirst().orElse(null);
            if (solved == null) {
                Thread.sleep(200);
            }
        }
        assertThat(solved).as("the solved mail to " + email).isNotNull();
        Map<String, String> links = new HashMap<>();
        Matcher m = LINK.matcher(body(solved));
        while (m.find()) {
            links.put(m.group(2), m.group(1) + "?score=" + m.group(2));
        }
        return links;
    }

    private Actor actor(String login) {
        return users.userByLogin(login).map(UserRef::toActor).orElseThrow();
    }

    private static String recipients(MimeMessage m) {
        try {
            return Arrays.toString(m.getAllRecipients());
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String body(MimeMessage m) {
        try {
            return m.getContent().toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
