package io.linia;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.linia.accounts.Actor;
import io.linia.accounts.UserDirectory;
import io.linia.knowledge.ArticleCommand;
import io.linia.knowledge.ArticleFeedback;
import io.linia.knowledge.ArticleStatus;
import io.linia.knowledge.ArticleView;
import io.linia.knowledge.Audience;
import io.linia.knowledge.KnowledgeBase;
import io.linia.support.BrowserSession;
import io.linia.tickets.TicketService;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
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

    @RegisterExtension
    static final BrowserSession browser = new BrowserSession();

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

    private Actor actor(String login) {
        return users.userByLogin(login).orElseThrow().toActor();
    }

    private ArticleView publicArticle(String title, String body) {
        return kb.create(actor("lead"), new ArticleCommand(title, body, null, Audience.PUBLIC, "ru", "почта",
                ArticleStatus.PUBLISHED, null, null));
    }

    @Test
    void typingASubjectShowsAnArticleAndSolvedRecordsADeflectionInsteadOfATicket() {
        ArticleView article = publicArticle("Сборщик писем не забирает почту с другого ящика",
                "Проверьте пароль от внешнего ящика в настройках сборщика и включите доступ по IMAP.");
        ArticleView internal = kb.create(actor("lead"), new ArticleCommand("Сборщик писем: внутренняя инструкция",
                "Только для агентов.", null, Audience.INTERNAL, "ru", "", ArticleStatus.PUBLISHED, null, null));
        Actor customer = actor("customer");
        int ticketsBefore = tickets.ownTickets(customer, 1000).size();
        long allTicketsBefore = jdbc.queryForObject("select count(*) from ticket", Long.class);

        Page page = browser.open();
        page.navigate(browser.url("/login"));
        page.locator("#username").fill("customer");
        page.locator("#password").fill(BrowserSession.PASSWORD);
        page.locator("#login-submit").click();
        assertThat(page).hasURL(browser.url("/portal"));

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Новое обращение")).first().click();
        assertThat(page).hasURL(browser.url("/portal/new"));
        assertThat(page.locator("#self-service-title")).hasText("Может быть, ответ уже есть");
        browser.screenshot(page, "new-request-form");

        page.getByLabel("Тема", new Page.GetByLabelOptions().setExact(true)).pressSequentially("сборщик писем не работает",
                new com.microsoft.playwright.Locator.PressSequentiallyOptions().setDelay(20));
        Locator item = page.locator("#suggest-results .suggest-item[data-id='" + article.id() + "']");
        assertThat(item).isVisible();
        assertThat(item.locator(".suggest-title")).containsText("Сборщик писем не забирает почту");
        assertThat(item.locator(".suggest-title mark").first()).isVisible();
        assertThat(page.locator("#suggest-results .suggest-item[data-id='" + internal.id() + "']")).hasCount(0);
        browser.screenshot(page, "article-suggested");

        // read it in place
        item.locator("summary").click();
        assertThat(item.locator("details")).containsText("включите доступ по IMAP");
        browser.screenshot(page, "article-read-in-place");

        item.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Это решило мою проблему")).click();
        assertThat(page).hasURL(Pattern.compile("/help/thanks\\?article=" + article.id() + "$"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Рады, что помогли!"))).isVisible();
        assertThat(page.locator("#thanks-article")).hasText(article.title());
        browser.screenshot(page, "thank-you");

        assertThat(feedback.counts(article.id()).deflections()).isEqualTo(1);
        assertThat(jdbc.queryForObject("select query from kb_deflection where article_id = ?", String.class, article.id()))
                .isEqualTo("сборщик писем не работает");
        assertThat(tickets.ownTickets(customer, 1000)).hasSize(ticketsBefore);
        assertThat(jdbc.queryForObject("select count(*) from ticket", Long.class)).isEqualTo(allTicketsBefore);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Мои обращения").setExact(true)).first().click();
        assertThat(page).hasURL(browser.url("/portal"));
        assertThat(page.locator("#my-tickets a[data-number]")).hasCount(ticketsBefore);
    }

    @Test
    void visitorsSearchTheHelpPortalWithoutSigningIn() {
        ArticleView article = publicArticle("Как разблокировать ящик после рассылки спама",
                "Смените пароль и заполните форму разблокировки.");

        Page page = browser.open();
        page.navigate(browser.url("/help"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Помощь").setExact(true))).isVisible();
        page.getByLabel("Поиск по статьям помощи").fill("заблокировали ящик");
        page.locator("#help-search-submit").click();
        assertThat(page).hasURL(Pattern.compile("/help\\?q="));
        Locator hit = page.locator("#help-hits .help-hit[data-id='" + article.id() + "']");
        assertThat(hit).isVisible();
        assertThat(hit.locator("mark").first()).isVisible();
        browser.screenshot(page, "search-results");

        hit.getByRole(AriaRole.LINK).first().click();
        assertThat(page).hasURL(browser.url("/help/articles/" + article.id()));
        assertThat(page.locator("#article-title")).hasText(article.title());
        page.locator("#vote-yes").click();
        assertThat(page.locator("#flash-success")).containsText("Спасибо за отзыв");
        assertThat(page.locator("#my-vote")).containsText("помогла");
        browser.screenshot(page, "voted");
        assertThat(feedback.counts(article.id()).helpful()).isEqualTo(1);
    }
}
