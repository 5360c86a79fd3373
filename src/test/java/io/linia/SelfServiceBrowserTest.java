package io.linia;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import io.linia.accounts.Actor;
import io.linia.accounts.UserDirectory;
import io.linia.knowledge.ArticleCommand;
import io.linia.knowledge.ArticleFeedback;
import io.linia.knowledge.ArticleStatus;
import io.linia.knowledge.ArticleView;
import io.linia.knowledge.Audience;
import io.linia.knowledge.KnowledgeBase;
import io.linia.tickets.TicketService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Self-service in a real browser: while a customer types a new request, a matching public article
 * appears beside the form; "this solved my problem" thanks them, credits the article with a
 * deflection and creates no ticket. Visitors search the help portal without signing in.
 * Screenshots go to {@code target/browser-screenshots/<test>/}.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "linia.demo.tickets=false")
@ActiveProfiles("test")
class SelfServiceBrowserTest {

    private static final String PASSWORD = "linia2026";
    private static final Path SHOTS = Paths.get("target", "browser-screenshots");

    private static Playwright playwright;
    private static Browser browser;

    @LocalServerPort
    int port;
    @Autowired
    KnowledgeBase kb;
    @Autowired
    ArticleFeedback feedback;
    @Autowired
    TicketService tickets;
    @Autowired
    UserDirectory users;
    @Autowired
    JdbcTemplate jdbc;

    private final List<BrowserContext> contexts = new ArrayList<>();
    private String testName;
    private int shot;

    @BeforeAll
    static void launchBrowser() {
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Paths.get("/usr/bin/chromium")).setHeadless(true)
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

    @AfterEach
    void closeContexts() {
        contexts.forEach(BrowserContext::close);
        contexts.clear();
    }

    private Actor actor(String login) {
        return users.userByLogin(login).orElseThrow().toActor();
    }

    private ArticleView publicArticle(String title, String body) {
        return kb.create(actor("lead"), new ArticleCommand(title, body, null, Audience.PUBLIC, "ru", "почта",
                ArticleStatus.PUBLISHED, null, null));
    }

    @Test
    void typingASubjectShowsAnArticleAndSolvedRecordsADeflectionInsteadOfATicket(TestInfo info) {
        testName = info.getTestMethod().orElseThrow().getName();
        ArticleView article = publicArticle("Сборщик писем не забирает почту с другого ящика",
                "Проверьте пароль от внешнего ящика в настройках сборщика и включите доступ по IMAP.");
        ArticleView internal = kb.create(actor("lead"), new ArticleCommand("Сборщик писем: внутренняя инструкция",
                "Только для агентов.", null, Audience.INTERNAL, "ru", "", ArticleStatus.PUBLISHED, null, null));
        Actor customer = actor("customer");
        int ticketsBefore = tickets.ownTickets(customer, 1000).size();
        long allTicketsBefore = jdbc.queryForObject("select count(*) from ticket", Long.class);

        Page page = open();
        page.navigate(url("/login"));
        page.locator("#username").fill("customer");
        page.locator("#password").fill(PASSWORD);
        page.locator("#login-submit").click();
        assertThat(page).hasURL(url("/portal"));

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Новое обращение")).first().click();
        assertThat(page).hasURL(url("/portal/new"));
        assertThat(page.locator("#self-service-title")).hasText("Может быть, ответ уже есть");
        screenshot(page, "new-request-form");

        page.getByLabel("Тема", new Page.GetByLabelOptions().setExact(true)).pressSequentially("сборщик писем не работает",
                new com.microsoft.playwright.Locator.PressSequentiallyOptions().setDelay(20));
        Locator item = page.locator("#suggest-results .suggest-item[data-id='" + article.id() + "']");
        assertThat(item).isVisible();
        assertThat(item.locator(".suggest-title")).containsText("Сборщик писем не забирает почту");
        assertThat(item.locator(".suggest-title mark").first()).isVisible();
        assertThat(page.locator("#suggest-results .suggest-item[data-id='" + internal.id() + "']")).hasCount(0);
        screenshot(page, "article-suggested");

        // read it in place
        item.locator("summary").click();
        assertThat(item.locator("details")).containsText("включите доступ по IMAP");
        screenshot(page, "article-read-in-place");

        item.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Это решило мою проблему")).click();
        assertThat(page).hasURL(Pattern.compile("/help/thanks\\?article=" + article.id() + "$"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Рады, что помогли!"))).isVisible();
        assertThat(page.locator("#thanks-article")).hasText(article.title());
        screenshot(page, "thank-you");

        assertThat(feedback.counts(article.id()).deflections()).isEqualTo(1);
        assertThat(jdbc.queryForObject("select query from kb_deflection where article_id = ?", String.class, article.id()))
                .isEqualTo("сборщик писем не работает");
        assertThat(tickets.ownTickets(customer, 1000)).hasSize(ticketsBefore);
        assertThat(jdbc.queryForObject("select count(*) from ticket", Long.class)).isEqualTo(allTicketsBefore);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Мои обращения").setExact(true)).first().click();
        assertThat(page).hasURL(url("/portal"));
        assertThat(page.locator("#my-tickets a[data-number]")).hasCount(ticketsBefore);
    }

    @Test
    void visitorsSearchTheHelpPortalWithoutSigningIn(TestInfo info) {
        testName = info.getTestMethod().orElseThrow().getName();
        ArticleView article = publicArticle("Как разблокировать ящик после рассылки спама",
                "Смените пароль и заполните форму разблокировки.");

        Page page = open();
        page.navigate(url("/help"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Помощь").setExact(true))).isVisible();
        page.getByLabel("Поиск по статьям помощи").fill("заблокировали ящик");
        page.locator("#help-search-submit").click();
        assertThat(page).hasURL(Pattern.compile("/help\\?q="));
        Locator hit = page.locator("#help-hits .help-hit[data-id='" + article.id() + "']");
        assertThat(hit).isVisible();
        assertThat(hit.locator("mark").first()).isVisible();
        screenshot(page, "search-results");

        hit.getByRole(AriaRole.LINK).first().click();
        assertThat(page).hasURL(url("/help/articles/" + article.id()));
        assertThat(page.locator("#article-title")).hasText(article.title());
        page.locator("#vote-yes").click();
        assertThat(page.locator("#flash-success")).containsText("Спасибо за отзыв");
        assertThat(page.locator("#my-vote")).containsText("помогла");
        screenshot(page, "voted");
        assertThat(feedback.counts(article.id()).helpful()).isEqualTo(1);
    }

    // ------------------------------------------------------------------ helpers

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private Page open() {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
        context.setDefaultTimeout(15_000);
        contexts.add(context);
        Page page = context.newPage();
        page.onConsoleMessage(m -> {
            if (!"log".equals(m.type()) && !"debug".equals(m.type())) {
                System.out.println("[browser] console." + m.type() + ": " + m.text());
            }
        });
        page.onPageError(e -> System.out.println("[browser] page error: " + e));
        page.onResponse(r -> {
            if (!r.url().contains("/webjars/") && !r.url().contains("/css/")) {
                System.out.println("[browser] " + r.status() + " " + r.request().method() + " " + r.url());
            }
        });
        return page;
    }

    private void screenshot(Page page, String name) {
        try {
            Path dir = SHOTS.resolve(testName);
            Files.createDirectories(dir);
            page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                    .setPath(dir.resolve(String.format("%02d-%s.png", ++shot, name))));
        } catch (IOException | RuntimeException e) {
            System.out.println("Could not save the screenshot " + name + ": " + e.getMessage());
        }
    }
}
