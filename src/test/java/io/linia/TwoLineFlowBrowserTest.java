package io.linia;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import io.linia.accounts.Actor;
import io.linia.accounts.UserDirectory;
import io.linia.routing.RoutingDirectory;
import io.linia.support.BrowserSession;
import io.linia.tickets.Channel;
import io.linia.tickets.CloseReason;
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
 * The two-line flow through the real UI in a real browser: a customer writes in the portal, the first
 * line categorises and passes the ticket to a second-line group, that group replies and solves, and
 * the customer reads the answer. Every person has their own browser context (own cookies).
 *
 * <p>Screenshots go to {@code target/browser-screenshots/<test>/}: the acting person's page after each
 * step, and every open page, marked {@code FAILED}, when a step fails. The browser's console errors and
 * the pages' responses are printed to the test output (failsafe keeps it with the server's log).
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "linia.demo.tickets=false")
@ActiveProfiles("test")
class TwoLineFlowBrowserTest {

    @RegisterExtension
    static final BrowserSession browser = new BrowserSession();

    private static final Pattern TICKET_NUMBER = Pattern.compile("L-\\d+");

    @Autowired
    TicketService tickets;

    @Autowired
    UserDirectory users;

    @Autowired
    RoutingDirectory routing;

    private long recoveryGroupId() {
        return routing.groupByCode("recovery").orElseThrow().id();
    }

    // ------------------------------------------------------------------ the scenario

    @Test
    void customerRequestPassesThroughFirstLineToSecondLineAndComesBackSolved() {
        String subject = "Не могу войти в почту";
        String body = "Здравствуйте! Забыл пароль от ящика ivan.petrov@example.ru, восстановить по телефону не получается.";
        String note = "Клиент не помнит пароль, телефон не привязан.";
        String reply = "Иван, мы сбросили пароль: ссылка для входа отправлена на резервный адрес.";

        // ---- the customer writes to support; an empty form is refused field by field
        Page customer = browser.signIn("customer", "customer");
        browser.step(customer, "portal", () -> {
            assertThat(customer).hasURL(browser.url("/portal"));
            assertThat(customer.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Мои обращения")))
                    .isVisible();
            assertThat(customer.getByText("Обращений пока нет.")).isVisible();
        });
        browser.step(customer, "empty-form-refused", () -> {
            customer.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Новое обращение")).first().click();
            assertThat(customer).hasURL(browser.url("/portal/new"));
            Response refused = customer.waitForResponse(
                    r -> "POST".equals(r.request().method()) && r.url().endsWith("/portal/new"),
                    () -> customer.locator("#submit-request").click());
            assertThat(refused.status()).isEqualTo(400);

            assertThat(customer.locator("#subject")).hasClass(Pattern.compile("\\bis-invalid\\b"));
            assertThat(fieldBlock(customer, "#subject").locator(".invalid-feedback")).isVisible();
            assertThat(fieldBlock(customer, "#subject").locator(".invalid-feedback")).hasText("Заполните это поле");
            assertThat(customer.locator("#body")).hasClass(Pattern.compile("\\bis-invalid\\b"));
            assertThat(fieldBlock(customer, "#body").locator(".invalid-feedback")).isVisible();
            assertThat(fieldBlock(customer, "#body").locator(".invalid-feedback")).hasText("Заполните это поле");
            // the optional topic is not an error
            assertThat(customer.locator("#categoryId")).not().hasClass(Pattern.compile("\\bis-invalid\\b"));
            assertThat(customer).hasURL(browser.url("/portal/new"));
        });
        browser.step(customer, "nothing-created", () -> {
            customer.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Мои обращения")).first().click();
            assertThat(customer).hasURL(browser.url("/portal"));
            assertThat(customer.getByText("Обращений пока нет.")).isVisible();
            assertThat(customer.locator("#my-tickets a[data-number]")).hasCount(0);
        });
        String number = browser.step(customer, "submits", () -> {
            customer.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Новое обращение")).first().click();
            assertThat(customer).hasURL(browser.url("/portal/new"));
            customer.getByLabel("Тема", new Page.GetByLabelOptions().setExact(true)).fill(subject);
            customer.getByLabel("Описание проблемы").fill(body);
            customer.locator("#submit-request").click();

            assertThat(customer).hasURL(Pattern.compile("/portal/tickets/L-\\d+$"));
            assertThat(customer.locator("#ticket-number")).hasText(TICKET_NUMBER);
            String n = customer.locator("#ticket-number").innerText().strip();
            assertThat(customer.locator("#flash-success")).containsText("Обращение " + n + " создано");
            assertThat(stateBadge(customer)).hasText("Новая");
            assertThat(customer.locator("article.message")).hasCount(1);
            assertThat(customer.locator("article.message[data-kind=CUSTOMER]")).containsText(body);
            return n;
        });
        browser.step(customer, "sees-it-in-list", () -> {
            customer.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Мои обращения")).first().click();
            assertThat(customer.locator("#my-tickets a[data-number]")).hasCount(1);
            Locator row = customer.locator("#my-tickets a[data-number='" + number + "']");
            assertThat(row).containsText(subject);
            assertThat(row).containsText("Новая");
        });

        // ---- the first line finds it first in its queue, categorises it and passes it on
        Page l1 = browser.signIn("l1", "l1");
        browser.step(l1, "queue", () -> {
            assertThat(l1).hasURL(browser.url("/agent/queue/first"));
            assertThat(l1.locator("#queue-title")).containsText("Очередь первой линии");
            assertThat(l1.locator("#queue-table tbody tr")).hasCount(1);
            Locator firstRow = l1.locator("#queue-table tbody tr").first();
            assertThat(firstRow).hasAttribute("data-number", number);
            assertThat(firstRow).containsText(subject);
            assertThat(firstRow).containsText("Иван Петров");
            assertThat(firstRow).containsText("Новая");
        });
        browser.step(l1, "opens-ticket", () -> {
            openFromQueue(l1, l1.locator("#queue-table tbody tr").first(), number);
            assertThat(l1.locator("#ticket-number")).hasText(number);
            assertThat(l1.locator("#ticket-subject")).hasText(subject);
            assertThat(l1.locator("#ticket-line")).hasText("Первая линия");
            assertThat(l1.locator("article.message[data-kind=CUSTOMER]")).containsText(body);
        });
        browser.step(l1, "escalates", () -> {
            browser.expand(l1, "#form-escalate");
            assertThat(l1.locator("#escalate-category")).isVisible();
            l1.locator("#escalate-category").selectOption(new SelectOption().setLabel("Не помню пароль"));
            // the category suggests its default group
            assertThat(l1.locator("#escalate-group")).hasValue(String.valueOf(recoveryGroupId()));
            l1.locator("#escalate-note").fill(note);
            l1.locator("#do-escalate").click();
            // the ticket has left the first line: the agent is back at the (now empty) first-line queue
            assertThat(l1).hasURL(browser.url("/agent/queue/first"));
            assertThat(l1.locator("#flash-success")).containsText("Заявка " + number + " передана на вторую линию");
            assertThat(l1.locator("#queue-empty")).hasText("Очередь пуста.");
        });

        // ---- the second-line group finds it in its queue, replies and solves
        Page l2 = browser.signIn("l2", "l2");
        browser.step(l2, "group-queue", () -> {
            l2.locator("#nav-group-recovery").click();
            assertThat(l2.locator("#queue-title")).containsText("Очередь группы «Восстановление доступа»");
            Locator row = l2.locator("#queue-table tbody tr[data-number='" + number + "']");
            assertThat(row).containsText(subject);
            assertThat(row).containsText("Не помню пароль");
            assertThat(row).containsText("В работе");
        });
        browser.step(l2, "opens-ticket", () -> {
            openFromQueue(l2, l2.locator("#queue-table tbody tr[data-number='" + number + "']"), number);
            assertThat(l2.locator("#ticket-line")).hasText("Вторая линия");
            assertThat(l2.locator("#ticket-group")).hasText("Восстановление доступа");
            assertThat(l2.locator("#ticket-category")).hasText("Не помню пароль");
            assertThat(stateBadge(l2)).hasText("В работе");
            assertThat(l2.locator("article.message[data-kind=INTERNAL_NOTE]")).containsText(note);
            Locator entry = l2.locator("#history tbody tr[data-action=ESCALATE]");
            assertThat(entry).hasCount(1);
            assertThat(entry).containsText("Анна Кузнецова");
            assertThat(entry).containsText("Передать на вторую линию");
            assertThat(entry).containsText("Первая линия → Вторая линия");
            assertThat(entry).containsText("→ Восстановление доступа");
        });
        browser.step(l2, "replies", () -> {
            browser.expand(l2, "#form-reply");
            l2.locator("#reply-body").fill(reply);
            l2.locator("#do-reply").click();

            assertThat(l2.locator("#flash-success")).hasText("Ответ по заявке " + number + " отправлен.");
            assertThat(l2.locator("article.message[data-kind=PUBLIC_REPLY]")).containsText(reply);
            assertThat(l2.locator("#history tbody tr[data-action=REPLY]")).containsText("Сергей Волков");
        });
        browser.step(l2, "solves", () -> {
            browser.expand(l2, "#form-solve");
            l2.locator("#do-solve").click();

            assertThat(l2.locator("#flash-success")).hasText("Заявка " + number + " решена.");
            assertThat(stateBadge(l2)).hasText("Решена");
            assertThat(l2.locator("#history tbody tr[data-action=SOLVE]")).containsText("Сергей Волков");
        });

        // ---- the customer comes back and reads the answer
        Page back = browser.signIn("customer-again", "customer");
        browser.step(back, "reads-answer", () -> {
            Locator row = back.locator("#my-tickets a[data-number='" + number + "']");
            assertThat(row).containsText("Решена");
            row.click();
            assertThat(back).hasURL(browser.url("/portal/tickets/" + number));
            assertThat(stateBadge(back)).hasText("Решена");
            Locator answer = back.locator("article.message[data-kind=PUBLIC_REPLY]");
            assertThat(answer).hasCount(1);
            assertThat(answer).containsText(reply);
            assertThat(answer).containsText("Поддержка (Сергей Волков)");
            // internal notes stay inside the desk
            assertThat(back.locator("article.message[data-kind=INTERNAL_NOTE]")).hasCount(0);
            assertThat(back.getByText(note)).hasCount(0);
        });
    }

    // ------------------------------------------------------------------ small checks

    @Test
    void enLinkSwitchesTheUiToEnglishAndRuSwitchesBack() {
        Page page = browser.open("visitor");
        browser.step(page, "login-in-russian", () -> {
            page.navigate(browser.url("/login"));
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Вход"))).isVisible();
            assertThat(page.locator("html")).hasAttribute("lang", "ru");
        });
        browser.step(page, "login-in-english", () -> {
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("EN").setExact(true)).click();
            assertThat(page).hasURL(Pattern.compile("[?&]lang=en$"));
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Sign in"))).isVisible();
            assertThat(page.locator("html")).hasAttribute("lang", "en");
            assertThat(page.getByLabel("Password")).isVisible();
        });
        browser.step(page, "english-kept-after-sign-in", () -> {
            page.locator("#username").fill("customer");
            page.locator("#password").fill(BrowserSession.PASSWORD);
            page.locator("#login-submit").click();
            assertThat(page).hasURL(browser.url("/portal"));
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("My requests"))).isVisible();
        });
        browser.step(page, "back-to-russian", () -> {
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("RU").setExact(true)).click();
            assertThat(page).hasURL(Pattern.compile("[?&]lang=ru$"));
            page.reload(); // the same workaround as for EN
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Мои обращения"))).isVisible();
            assertThat(page.locator("html")).hasAttribute("lang", "ru");
        });
    }

    @Test
    void customerCannotOpenAnotherCustomersTicketByUrl() {
        Actor olga = users.userByLogin("olga").orElseThrow().toActor();
        String secret = "Личное обращение Ольги";
        TicketView theirs = tickets.create(olga, new TicketCommands.NewTicket(secret,
                "Это видит только Ольга и поддержка.", null, null, null, null), Channel.WEB);
        // closed at once, so that it never stands in the first-line queue of the other tests
        tickets.close(users.userByLogin("l1").orElseThrow().toActor(), theirs.number(),
                new TicketCommands.Close(CloseReason.OTHER, null, null));

        Page page = browser.signIn("customer", "customer");
        browser.step(page, "someone-elses-ticket-is-not-found", () -> {
            Response response = page.navigate(browser.url("/portal/tickets/" + theirs.number()));
            assertThat(response.status()).isEqualTo(404);
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("404"))).isVisible();
            assertThat(page.locator("#error-message")).hasText("Заявка " + theirs.number() + " не найдена");
            assertThat(page.getByText(secret)).hasCount(0);
        });
        browser.step(page, "and-not-in-own-list", () -> {
            page.navigate(browser.url("/portal"));
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Мои обращения"))).isVisible();
            assertThat(page.locator("#my-tickets a[data-number='" + theirs.number() + "']")).hasCount(0);
            assertThat(page.getByText(secret)).hasCount(0);
        });
    }

    // ------------------------------------------------------------------ helpers

    /** Opens a ticket by clicking its number in a queue row (a boosted link inside the polling queue). */
    private void openFromQueue(Page page, Locator row, String number) {
        Locator link = row.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(number).setExact(true));
        link.click();
        assertThat(page).hasURL(browser.url("/agent/tickets/" + number));
        assertThat(page.locator("#ticket-number")).hasText(number);
    }

    /** The state badge next to the ticket's heading. */
    private static Locator stateBadge(Page page) {
        return page.locator("#ticket-state .badge");
    }

    /** The form group (label, field, error) that holds the field. */
    private static Locator fieldBlock(Page page, String field) {
        return page.locator("form div.mb-3").filter(new Locator.FilterOptions().setHas(page.locator(field)));
    }
}
