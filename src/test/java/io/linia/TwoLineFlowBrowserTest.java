package io.linia;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import io.linia.accounts.Actor;
import io.linia.accounts.UserDirectory;
import io.linia.routing.RoutingDirectory;
import io.linia.tickets.Channel;
import io.linia.tickets.CloseReason;
import io.linia.tickets.TicketCommands;
import io.linia.tickets.TicketService;
import io.linia.tickets.TicketView;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
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
@ExtendWith(TwoLineFlowBrowserTest.ScreenshotOnFailure.class)
class TwoLineFlowBrowserTest {

    private static final String PASSWORD = "linia2026";
    private static final Path SHOTS = Paths.get("target", "browser-screenshots");
    private static final Pattern TICKET_NUMBER = Pattern.compile("L-\\d+");

    private static Playwright playwright;
    private static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    TicketService tickets;

    @Autowired
    UserDirectory users;

    @Autowired
    RoutingDirectory routing;

    private long recoveryGroupId() {
        return routing.groupByCode("recovery").orElseThrow().id();
    }

    /** Open pages of this test, by person, in the order they were opened. */
    private final Map<String, Page> pages = new LinkedHashMap<>();
    private final List<BrowserContext> contexts = new ArrayList<>();
    private String testName;
    private int stepNo;
    private boolean failureCaptured;

    @BeforeAll
    static void launchBrowser() {
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Paths.get("/usr/bin/chromium"))
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic")));
        PlaywrightAssertions.setDefaultAssertionTimeout(10_000);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @BeforeEach
    void name(TestInfo info) {
        testName = info.getTestMethod().map(m -> m.getName()).orElse("test");
        stepNo = 0;
        failureCaptured = false;
    }

    @AfterEach
    void closeContexts() {
        contexts.forEach(BrowserContext::close);
        contexts.clear();
        pages.clear();
    }

    // ------------------------------------------------------------------ the scenario

    @Test
    void customerRequestPassesThroughFirstLineToSecondLineAndComesBackSolved() {
        String subject = "Не могу войти в почту";
        String body = "Здравствуйте! Забыл пароль от ящика ivan.petrov@example.ru, восстановить по телефону не получается.";
        String note = "Клиент не помнит пароль, телефон не привязан.";
        String reply = "Иван, мы сбросили пароль: ссылка для входа отправлена на резервный адрес.";

        // ---- the customer writes to support; an empty form is refused field by field
        Page customer = signIn("customer", "customer");
        step(customer, "portal", () -> {
            assertThat(customer).hasURL(url("/portal"));
            assertThat(customer.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Мои обращения")))
                    .isVisible();
            assertThat(customer.getByText("Обращений пока нет.")).isVisible();
        });
        step(customer, "empty-form-refused", () -> {
            customer.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Новое обращение")).first().click();
            assertThat(customer).hasURL(url("/portal/new"));
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
            assertThat(customer).hasURL(url("/portal/new"));
        });
        step(customer, "nothing-created", () -> {
            customer.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Мои обращения")).first().click();
            assertThat(customer).hasURL(url("/portal"));
            assertThat(customer.getByText("Обращений пока нет.")).isVisible();
            assertThat(customer.locator("#my-tickets a[data-number]")).hasCount(0);
        });
        String number = step(customer, "submits", () -> {
            customer.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Новое обращение")).first().click();
            assertThat(customer).hasURL(url("/portal/new"));
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
        step(customer, "sees-it-in-list", () -> {
            customer.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Мои обращения")).first().click();
            assertThat(customer.locator("#my-tickets a[data-number]")).hasCount(1);
            Locator row = customer.locator("#my-tickets a[data-number='" + number + "']");
            assertThat(row).containsText(subject);
            assertThat(row).containsText("Новая");
        });

        // ---- the first line finds it first in its queue, categorises it and passes it on
        Page l1 = signIn("l1", "l1");
        step(l1, "queue", () -> {
            assertThat(l1).hasURL(url("/agent/queue/first"));
            assertThat(l1.locator("#queue-title")).containsText("Очередь первой линии");
            assertThat(l1.locator("#queue-table tbody tr")).hasCount(1);
            Locator firstRow = l1.locator("#queue-table tbody tr").first();
            assertThat(firstRow).hasAttribute("data-number", number);
            assertThat(firstRow).containsText(subject);
            assertThat(firstRow).containsText("Иван Петров");
            assertThat(firstRow).containsText("Новая");
        });
        step(l1, "opens-ticket", () -> {
            openFromQueue(l1, l1.locator("#queue-table tbody tr").first(), number);
            assertThat(l1.locator("#ticket-number")).hasText(number);
            assertThat(l1.locator("#ticket-subject")).hasText(subject);
            assertThat(l1.locator("#ticket-line")).hasText("Первая линия");
            assertThat(l1.locator("article.message[data-kind=CUSTOMER]")).containsText(body);
        });
        step(l1, "escalates", () -> {
            l1.locator("#form-escalate > summary").click();
            assertThat(l1.locator("#escalate-category")).isVisible();
            l1.locator("#escalate-category").selectOption(new SelectOption().setLabel("Не помню пароль"));
            // the category suggests its default group
            assertThat(l1.locator("#escalate-group")).hasValue(String.valueOf(recoveryGroupId()));
            l1.locator("#escalate-note").fill(note);
            l1.locator("#do-escalate").click();
            // the ticket has left the first line: the agent is back at the (now empty) first-line queue
            assertThat(l1).hasURL(url("/agent/queue/first"));
            assertThat(l1.locator("#flash-success")).containsText("Заявка " + number + " передана на вторую линию");
            assertThat(l1.locator("#queue-empty")).hasText("Очередь пуста.");
        });

        // ---- the second-line group finds it in its queue, replies and solves
        Page l2 = signIn("l2", "l2");
        step(l2, "group-queue", () -> {
            l2.locator("#nav-group-recovery").click();
            assertThat(l2.locator("#queue-title")).containsText("Очередь группы «Восстановление доступа»");
            Locator row = l2.locator("#queue-table tbody tr[data-number='" + number + "']");
            assertThat(row).containsText(subject);
            assertThat(row).containsText("Не помню пароль");
            assertThat(row).containsText("В работе");
        });
        step(l2, "opens-ticket", () -> {
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
        step(l2, "replies", () -> {
            l2.locator("#form-reply > summary").click();
            l2.locator("#reply-body").fill(reply);
            l2.locator("#do-reply").click();

            assertThat(l2.locator("#flash-success")).hasText("Ответ по заявке " + number + " отправлен.");
            assertThat(l2.locator("article.message[data-kind=PUBLIC_REPLY]")).containsText(reply);
            assertThat(l2.locator("#history tbody tr[data-action=REPLY]")).containsText("Сергей Волков");
        });
        step(l2, "solves", () -> {
            l2.locator("#form-solve > summary").click();
            l2.locator("#do-solve").click();

            assertThat(l2.locator("#flash-success")).hasText("Заявка " + number + " решена.");
            assertThat(stateBadge(l2)).hasText("Решена");
            assertThat(l2.locator("#history tbody tr[data-action=SOLVE]")).containsText("Сергей Волков");
        });

        // ---- the customer comes back and reads the answer
        Page back = signIn("customer-again", "customer");
        step(back, "reads-answer", () -> {
            Locator row = back.locator("#my-tickets a[data-number='" + number + "']");
            assertThat(row).containsText("Решена");
            row.click();
            assertThat(back).hasURL(url("/portal/tickets/" + number));
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
        Page page = open("visitor");
        step(page, "login-in-russian", () -> {
            page.navigate(url("/login"));
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Вход"))).isVisible();
            assertThat(page.locator("html")).hasAttribute("lang", "ru");
        });
        step(page, "login-in-english", () -> {
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("EN").setExact(true)).click();
            assertThat(page).hasURL(Pattern.compile("[?&]lang=en$"));
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Sign in"))).isVisible();
            assertThat(page.locator("html")).hasAttribute("lang", "en");
            assertThat(page.getByLabel("Password")).isVisible();
        });
        step(page, "english-kept-after-sign-in", () -> {
            page.locator("#username").fill("customer");
            page.locator("#password").fill(PASSWORD);
            page.locator("#login-submit").click();
            assertThat(page).hasURL(url("/portal"));
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("My requests"))).isVisible();
        });
        step(page, "back-to-russian", () -> {
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

        Page page = signIn("customer", "customer");
        step(page, "someone-elses-ticket-is-not-found", () -> {
            Response response = page.navigate(url("/portal/tickets/" + theirs.number()));
            assertThat(response.status()).isEqualTo(404);
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("404"))).isVisible();
            assertThat(page.locator("#error-message")).hasText("Заявка " + theirs.number() + " не найдена");
            assertThat(page.getByText(secret)).hasCount(0);
        });
        step(page, "and-not-in-own-list", () -> {
            page.navigate(url("/portal"));
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Мои обращения"))).isVisible();
            assertThat(page.locator("#my-tickets a[data-number='" + theirs.number() + "']")).hasCount(0);
            assertThat(page.getByText(secret)).hasCount(0);
        });
    }

    // ------------------------------------------------------------------ helpers

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** A fresh browser context (own cookies) for one person. */
    private Page open(String who) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
        context.setDefaultTimeout(15_000);
        contexts.add(context);
        Page page = context.newPage();
        // what the browser complains about ends up in the failsafe output, next to the server's log
        page.onConsoleMessage(m -> {
            if (!"log".equals(m.type()) && !"debug".equals(m.type())) {
                System.out.println("[browser " + who + "] console." + m.type() + ": " + m.text());
            }
        });
        page.onPageError(e -> System.out.println("[browser " + who + "] page error: " + e));
        page.onResponse(r -> {
            if (!r.url().contains("/webjars/") && !r.url().contains("/css/")) {
                System.out.println("[browser " + who + "] " + r.status() + " " + r.request().method() + " " + r.url());
            }
        });
        pages.put(who, page);
        return page;
    }

    private Page signIn(String who, String login) {
        Page page = open(who);
        step(page, "signs-in", () -> {
            page.navigate(url("/login"));
            page.locator("#username").fill(login);
            page.locator("#password").fill(PASSWORD);
            page.locator("#login-submit").click();
            assertThat(page).not().hasURL(Pattern.compile("/login"));
            assertThat(page.locator("#user-menu")).isVisible();
        });
        return page;
    }

    /** Opens a ticket by clicking its number in a queue row (a boosted link inside the polling queue). */
    private void openFromQueue(Page page, Locator row, String number) {
        Locator link = row.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(number).setExact(true));
        link.click();
        assertThat(page).hasURL(url("/agent/tickets/" + number));
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

    private void step(Page page, String name, Runnable action) {
        step(page, name, () -> {
            action.run();
            return null;
        });
    }

    /**
     * Runs a step of the person on {@code page}, then saves a screenshot of that page; when the step
     * fails, saves one of every open page (marked FAILED) and rethrows.
     */
    private <T> T step(Page page, String name, Supplier<T> action) {
        String who = pages.entrySet().stream().filter(e -> e.getValue() == page).map(Map.Entry::getKey)
                .findFirst().orElse("page");
        String label = String.format("%02d-%s-%s", ++stepNo, who, name);
        T result;
        try {
            result = action.get();
        } catch (RuntimeException | AssertionError e) {
            screenshotAll("FAILED-" + label);
            failureCaptured = true;
            throw e;
        }
        screenshot(dir(), label, page);
        return result;
    }

    void screenshotAll(String label) {
        Path dir = dir();
        pages.forEach((who, page) -> screenshot(dir, label + "--" + who, page));
    }

    private Path dir() {
        return SHOTS.resolve(testName == null ? "test" : testName);
    }

    private static void screenshot(Path dir, String name, Page page) {
        if (page.isClosed()) {
            return;
        }
        try {
            Files.createDirectories(dir);
            page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(dir.resolve(name + ".png")));
        } catch (IOException | RuntimeException e) {
            System.out.println("Could not save the screenshot " + name + ": " + e.getMessage());
        }
    }

    /** Failures outside a step (set-up through the service, for example) still leave screenshots. */
    static class ScreenshotOnFailure implements TestExecutionExceptionHandler {
        @Override
        public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
            context.getTestInstance().filter(TwoLineFlowBrowserTest.class::isInstance)
                    .map(TwoLineFlowBrowserTest.class::cast)
                    .filter(test -> !test.failureCaptured)
                    .ifPresent(test -> test.screenshotAll("FAILED-outside-a-step"));
            throw throwable;
        }
    }
}
