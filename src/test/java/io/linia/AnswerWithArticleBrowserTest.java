package io.linia;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import io.linia.accounts.Actor;
import io.linia.accounts.UserDirectory;
import io.linia.knowledge.ArticleCommand;
import io.linia.knowledge.ArticleStatus;
import io.linia.knowledge.ArticleView;
import io.linia.knowledge.Audience;
import io.linia.knowledge.KnowledgeBase;
import io.linia.routing.RoutingDirectory;
import io.linia.tickets.Channel;
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
 * "Answer with this article" in a real browser: a first-line agent opens a ticket, sees the
 * suggested article, puts it into the answer with one click, edits it and sends it; the customer
 * reads the answer with the article's link. And a canned answer from the picker fills the form.
 * Screenshots go to {@code target/browser-screenshots/<test>/}.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "linia.demo.tickets=false")
@ActiveProfiles("test")
@ExtendWith(AnswerWithArticleBrowserTest.ScreenshotOnFailure.class)
class AnswerWithArticleBrowserTest {

    private static final String PASSWORD = "linia2026";
    private static final Path SHOTS = Paths.get("target", "browser-screenshots");

    private static Playwright playwright;
    private static Browser browser;

    @LocalServerPort
    int port;
    @Autowired
    TicketService tickets;
    @Autowired
    KnowledgeBase kb;
    @Autowired
    UserDirectory users;
    @Autowired
    RoutingDirectory routing;

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

    private Actor actor(String login) {
        return users.userByLogin(login).orElseThrow().toActor();
    }

    // ------------------------------------------------------------------ the scenarios

    @Test
    void firstLineAnswersWithTheSuggestedArticleAndTheCustomerGetsItsLink() {
        ArticleView article = kb.create(actor("lead"), new ArticleCommand("Не приходят письма: что проверить",
                "1. Загляните в папку «Спам».\n2. Проверьте фильтры в настройках ящика.\n3. Освободите место, если ящик переполнен.",
                null, Audience.PUBLIC, "ru", "доставка, спам", ArticleStatus.PUBLISHED, null, null));
        TicketView ticket = tickets.create(actor("customer"), new TicketCommands.NewTicket("Не приходят письма от банка",
                "Уже неделю не приходят письма от банка, в спаме тоже пусто.", null, null, null, null), Channel.WEB);
        String number = ticket.number();
        String addition = "Если письма так и не появятся, ответьте нам — проверим доставку по нашим журналам.";

        Page l1 = signIn("l1", "l1");
        Locator suggestion = l1.locator("#kb-suggestions-body li[data-article-id='" + article.id() + "']");
        step(l1, "sees-suggestion", () -> {
            l1.navigate(url("/agent/tickets/" + number));
            assertThat(l1.locator("#ticket-number")).hasText(number);
            assertThat(suggestion).isVisible();
            assertThat(suggestion.locator("a.kb-suggestion-title")).hasText(article.title());
            assertThat(suggestion.locator("a.kb-suggestion-title mark").first()).isVisible();
            assertThat(suggestion.locator("a.kb-suggestion-title")).hasAttribute("href", "/agent/kb/articles/" + article.id());
            assertThat(l1.locator("#form-answer")).not().hasAttribute("open", "");
        });
        step(l1, "answers-with-article", () -> {
            suggestion.getByText("Ответить этой статьёй").click();
            assertThat(l1.locator("#form-answer")).hasAttribute("open", "");
            Locator body = l1.locator("#answer-body");
            assertThat(body).isVisible();
            assertThat(body).hasValue(Pattern.compile("^Здравствуйте, Иван Петров!\\n\\n1\\. Загляните в папку «Спам»\\.[\\s\\S]*"
                    + "Подробнее — в статье базы знаний: http\\S+/help/articles/" + article.id() + "$"));
            assertThat(l1.locator("#answer-article-id")).hasValue(String.valueOf(article.id()));
            assertThat(l1.locator("#answer-article-title")).hasValue(article.title());
            assertThat(l1.locator("#answer-article-url")).hasValue(Pattern.compile("/help/articles/" + article.id() + "$"));
            assertThat(l1.locator("#kb-suggestions-body [data-kb-message]")).hasText("Текст вставлен в форму ответа — проверьте и отправьте.");
        });
        step(l1, "edits-and-sends", () -> {
            Locator body = l1.locator("#answer-body");
            body.fill(body.inputValue() + "\n\n" + addition);
            l1.locator("#do-answer").click();
            assertThat(l1.locator("#flash-success")).isVisible();
            Locator reply = l1.locator("article.message[data-kind=PUBLIC_REPLY]");
            assertThat(reply).containsText("Здравствуйте, Иван Петров!");
            assertThat(reply).containsText(addition);
            assertThat(reply.locator("a[href$='/help/articles/" + article.id() + "']")).hasText(article.title());
        });

        Page customer = signIn("customer", "customer");
        step(customer, "reads-answer-with-link", () -> {
            customer.navigate(url("/portal/tickets/" + number));
            Locator answer = customer.locator("article.message[data-kind=PUBLIC_REPLY]");
            assertThat(answer).hasCount(1);
            assertThat(answer).containsText("Загляните в папку «Спам»");
            assertThat(answer).containsText(addition);
            assertThat(answer.locator("a[href$='/help/articles/" + article.id() + "']")).hasText(article.title());
        });
    }

    @Test
    void cannedAnswerFromThePickerFillsTheFormAndProposesItsCategory() {
        TicketView ticket = tickets.create(actor("olga"), new TicketCommands.NewTicket("Пропали входящие",
                "Со вчерашнего дня не приходят письма.", null, null, null, null), Channel.WEB);
        long category = routing.categoryByCode("mail-not-arriving").orElseThrow().id();

        Page l1 = signIn("l1", "l1");
        step(l1, "opens-picker", () -> {
            l1.navigate(url("/agent/tickets/" + ticket.number()));
            l1.locator("#canned-picker > summary").click();
            assertThat(l1.locator("#canned-filter")).isVisible();
            l1.locator("#canned-filter").fill("не приход");
            assertThat(l1.locator("#canned-picker-body [data-canned]:visible")).hasCount(1);
            assertThat(l1.locator("#canned-picker-body [data-canned]:visible")).containsText("Письма не приходят: первичная проверка");
        });
        step(l1, "chooses-canned-answer", () -> {
            l1.locator("#canned-picker-body [data-canned]:visible").click();
            assertThat(l1.locator("#form-ask")).hasAttribute("open", "");
            assertThat(l1.locator("#ask-body")).hasValue(Pattern.compile("^Здравствуйте, Ольга Смирнова![\\s\\S]*Анна Кузнецова, Служба поддержки$"));
            assertThat(l1.locator("#escalate-category")).hasValue(String.valueOf(category));
            // nothing has been sent: the ticket is as it was
            assertThat(l1.locator("#ticket-state .badge")).hasText("Новая");
        });
        tickets.close(actor("l1"), ticket.number(), new TicketCommands.Close(io.linia.tickets.CloseReason.OTHER, null, null));
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
            context.getTestInstance().filter(AnswerWithArticleBrowserTest.class::isInstance)
                    .map(AnswerWithArticleBrowserTest.class::cast)
                    .filter(test -> !test.failureCaptured)
                    .ifPresent(test -> test.screenshotAll("FAILED-outside-a-step"));
            throw throwable;
        }
    }
}
