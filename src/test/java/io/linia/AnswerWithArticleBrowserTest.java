package io.linia;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.linia.accounts.Actor;
import io.linia.accounts.UserDirectory;
import io.linia.knowledge.ArticleCommand;
import io.linia.knowledge.ArticleStatus;
import io.linia.knowledge.ArticleView;
import io.linia.knowledge.Audience;
import io.linia.knowledge.KnowledgeBase;
import io.linia.routing.RoutingDirectory;
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
 * "Answer with this article" in a real browser: a first-line agent opens a ticket, sees the
 * suggested article, puts it into the answer with one click, edits it and sends it; the customer
 * reads the answer with the article's link. And a canned answer from the picker fills the form.
 * Screenshots go to {@code target/browser-screenshots/<test>/}.
 */
@Tag("browser")
// its own context (own in-memory store): it creates tickets for the demo customer, whose empty list TwoLineFlowBrowserTest expects
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"linia.demo.tickets=false", "linia.test.context=answer-with-article"})
@ActiveProfiles("test")
class AnswerWithArticleBrowserTest {

    @RegisterExtension
    static final BrowserSession browser = new BrowserSession();

    @Autowired
    TicketService tickets;
    @Autowired
    KnowledgeBase kb;
    @Autowired
    UserDirectory users;
    @Autowired
    RoutingDirectory routing;

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

        Page l1 = browser.signIn("l1", "l1");
        Locator suggestion = l1.locator("#kb-suggestions-body li[data-article-id='" + article.id() + "']");
        browser.step(l1, "sees-suggestion", () -> {
            l1.navigate(browser.url("/agent/tickets/" + number));
            assertThat(l1.locator("#ticket-number")).hasText(number);
            assertThat(suggestion).isVisible();
            assertThat(suggestion.locator("a.kb-suggestion-title")).hasText(article.title());
            assertThat(suggestion.locator("a.kb-suggestion-title mark").first()).isVisible();
            assertThat(suggestion.locator("a.kb-suggestion-title")).hasAttribute("href", "/agent/kb/articles/" + article.id());
            assertThat(l1.locator("#form-answer")).not().hasAttribute("open", "");
        });
        browser.step(l1, "answers-with-article", () -> {
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
        browser.step(l1, "edits-and-sends", () -> {
            Locator body = l1.locator("#answer-body");
            body.fill(body.inputValue() + "\n\n" + addition);
            l1.locator("#do-answer").click();
            assertThat(l1.locator("#flash-success")).isVisible();
            Locator reply = l1.locator("article.message[data-kind=PUBLIC_REPLY]");
            assertThat(reply).containsText("Здравствуйте, Иван Петров!");
            assertThat(reply).containsText(addition);
            assertThat(reply.locator("a[href$='/help/articles/" + article.id() + "']")).hasText(article.title());
        });

        Page customer = browser.signIn("customer", "customer");
        browser.step(customer, "reads-answer-with-link", () -> {
            customer.navigate(browser.url("/portal/tickets/" + number));
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

        Page l1 = browser.signIn("l1", "l1");
        browser.step(l1, "opens-picker", () -> {
            l1.navigate(browser.url("/agent/tickets/" + ticket.number()));
            // the suggestions above the picker load after the page: let the layout settle before clicking below them
            assertThat(l1.locator("#kb-suggestions-list")).isAttached();
            browser.expand(l1, "#canned-picker");
            assertThat(l1.locator("#canned-filter")).isVisible();
            l1.locator("#canned-filter").fill("не приход");
            assertThat(l1.locator("#canned-picker-body [data-canned]:visible")).hasCount(1);
            assertThat(l1.locator("#canned-picker-body [data-canned]:visible")).containsText("Письма не приходят: первичная проверка");
        });
        browser.step(l1, "chooses-canned-answer", () -> {
            l1.locator("#canned-picker-body [data-canned]:visible").click();
            assertThat(l1.locator("#form-ask")).hasAttribute("open", "");
            assertThat(l1.locator("#ask-body")).hasValue(Pattern.compile("^Здравствуйте, Ольга Смирнова![\\s\\S]*Анна Кузнецова, Служба поддержки$"));
            assertThat(l1.locator("#escalate-category")).hasValue(String.valueOf(category));
            // nothing has been sent: the ticket is as it was
            assertThat(l1.locator("#ticket-state .badge")).hasText("Новая");
        });
        tickets.close(actor("l1"), ticket.number(), new TicketCommands.Close(io.linia.tickets.CloseReason.OTHER, null, null));
    }
}
