package io.linia;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.linia.accounts.Actor;
import io.linia.accounts.UserDirectory;
import io.linia.support.BrowserSession;
import io.linia.tickets.Channel;
import io.linia.tickets.TicketCommands;
import io.linia.tickets.TicketService;
import io.linia.tickets.TicketView;
import io.linia.training.ShadowQuestion;
import io.linia.training.Shadowing;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * Shadowing in a real browser with the demo's trainee in the shadowing stage ({@code trainee3}) and their trainer
 * ({@code trainer}): the trainer replies on a ticket, the trainee's open live view shows the reply within a few
 * seconds; the trainee opens the ticket read only, asks a question, and sees the trainer's answer appear live.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "linia.demo.tickets=false")
@ActiveProfiles("test")
class ShadowingBrowserTest {

    @RegisterExtension
    static final BrowserSession browser = new BrowserSession();

    @Autowired
    TicketService tickets;
    @Autowired
    UserDirectory users;
    @Autowired
    Shadowing shadowing;

    private Actor actor(String login) {
        return users.userByLogin(login).orElseThrow().toActor();
    }

    @Test
    void theTraineesOpenLiveViewShowsTheTrainersReplyWithinSecondsAndTheAnswerToTheirQuestion() {
        String subject = "Не приходят письма с сайта магазина " + UUID.randomUUID().toString().substring(0, 6);
        String reply = "Проверьте, пожалуйста, папку «Спам» и правила фильтрации — " + UUID.randomUUID().toString().substring(0, 6);
        Page trainee = browser.signIn("trainee", "trainee3");
        browser.step(trainee, "live-view", () -> {
            trainee.navigate(browser.url("/agent/training"));
            trainee.locator("#tab-shadowing").click();
            assertThat(trainee.locator("#shadow-progress")).isVisible();
            assertThat(trainee.locator("#shadow-steps")).not().containsText(reply);
        });

        Actor trainer = actor("trainer");
        TicketView t = tickets.create(actor("l1"), new TicketCommands.NewTicket(subject, "Письма из интернет-магазина не доходят.",
                "shop-" + UUID.randomUUID().toString().substring(0, 6) + "@example.org", "Мария", null, null), Channel.WEB);
        tickets.askForInformation(trainer, t.number(), new TicketCommands.AskForInformation(reply, t.version()));

        browser.step(trainee, "reply-appears", () -> {
            Locator step = trainee.locator("#shadow-steps .shadow-step").filter(new Locator.FilterOptions().setHasText(reply));
            assertThat(step).isVisible(new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions().setTimeout(6_000));
            assertThat(step).containsText(subject);
        });

        browser.step(trainee, "ticket-read-only", () -> {
            trainee.locator("#shadow-steps a").filter(new Locator.FilterOptions().setHasText(subject)).first().click();
            assertThat(trainee.locator("#shadow-ticket-subject")).containsText(subject);
            assertThat(trainee.locator("#shadow-messages")).containsText(reply);
            assertThat(trainee.locator("form[action*='/agent/tickets/'], [hx-post*='/tickets/']")).hasCount(0);
            trainee.locator("#question").fill("Почему сначала папка «Спам»?");
            trainee.locator("#ask-form button[type=submit]").click();
            assertThat(trainee.locator("#ticket-questions")).containsText("Почему сначала папка «Спам»?");
        });

        List<ShadowQuestion> open = shadowing.openQuestions(trainer);
        ShadowQuestion q = open.stream().filter(x -> x.number().equals(t.number())).findFirst().orElseThrow();
        shadowing.answer(trainer, q.id(), "Так чаще всего: фильтры почтовика помечают рассылки магазинов.");

        browser.step(trainee, "answer-appears", () -> {
            trainee.navigate(browser.url("/agent/training/shadowing"));
            assertThat(trainee.locator("#question-" + q.id() + " .answer"))
                    .containsText("Так чаще всего", new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(6_000));
        });
    }
}
