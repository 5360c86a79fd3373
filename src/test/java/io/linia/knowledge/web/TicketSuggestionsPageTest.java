package io.linia.knowledge.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.linia.accounts.Actor;
import io.linia.accounts.UserDirectory;
import io.linia.accounts.UserRef;
import io.linia.knowledge.ArticleCommand;
import io.linia.knowledge.ArticleHit;
import io.linia.knowledge.ArticleStatus;
import io.linia.knowledge.ArticleSuggestions;
import io.linia.knowledge.ArticleView;
import io.linia.knowledge.Audience;
import io.linia.knowledge.KnowledgeBase;
import io.linia.routing.RoutingDirectory;
import io.linia.support.StoreTest;
import io.linia.support.WebSession;
import io.linia.tickets.Channel;
import io.linia.tickets.TicketCommands;
import io.linia.tickets.TicketService;
import io.linia.tickets.TicketView;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The suggestions panel of the agent's ticket page, "answer with this article", and what the answer teaches. */
@StoreTest
class TicketSuggestionsPageTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    KnowledgeBase kb;
    @Autowired
    ArticleSuggestions suggestions;
    @Autowired
    TicketService tickets;
    @Autowired
    UserDirectory users;
    @Autowired
    RoutingDirectory routing;

    Actor lead;
    Actor l1;
    Actor customer;
    String word;

    @BeforeEach
    void setUp() {
        lead = actor("lead");
        l1 = actor("l1");
        customer = actor("customer");
        // a word no other test's article has, so that this test's article is the best match
        Random random = new Random();
        StringBuilder w = new StringBuilder("переадресац");
        for (int i = 0; i < 5; i++) {
            w.append((char) ('а' + random.nextInt(32)));
        }
        word = w.toString();
    }

    private Actor actor(String login) {
        return users.userByLogin(login).map(UserRef::toActor).orElseThrow();
    }

    private ArticleView article(String title, String body, ArticleStatus status) {
        return kb.create(lead, new ArticleCommand(title, body, null, Audience.PUBLIC, "ru", "почта", status, null, null));
    }

    private TicketView ticket(String subject, String body) {
        return tickets.create(customer, new TicketCommands.NewTicket(subject, body, null, null, null, null), Channel.WEB);
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    /** The panel's entry for one article: from its list item to the end of it. */
    private static String entry(String panel, long articleId) {
        int start = panel.indexOf("data-article-id=\"" + articleId + "\"");
        assertThat(start).as("article %s in the panel:\n%s", articleId, panel).isNotNegative();
        return panel.substring(start, panel.indexOf("</li>", start));
    }

    @Test
    void panelListsTheArticleMatchingTheTicketWithItsLinkAndButton() {
        ArticleView a = article("Настройка " + word + " писем на другой адрес",
                "Откройте «Настройки» → «Правила» и включите " + word + ".", ArticleStatus.PUBLISHED);
        TicketView t = ticket("Как включить " + word + "?", "Хочу, чтобы письма приходили и на рабочий адрес.");
        WebSession agent = WebSession.signedIn(port, "l1");

        HttpResponse<String> page = agent.get("/agent/tickets/" + t.number());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("hx-get=\"/agent/tickets/" + t.number() + "/suggestions\"")
                .contains("hx-get=\"/agent/tickets/" + t.number() + "/canned\"")
                .contains("id=\"answer-article-id\"").contains("name=\"articleId\"");

        HttpResponse<String> panel = agent.get("/agent/tickets/" + t.number() + "/suggestions");
        assertThat(panel.statusCode()).isEqualTo(200);
        assertThat(panel.body()).doesNotContain("<html");
        String hit = entry(panel.body(), a.id());
        assertThat(hit).contains("href=\"/agent/kb/articles/" + a.id() + "\"").contains("<mark>")
                .contains("Ответить этой статьёй")
                .contains("data-url=\"/agent/kb/articles/" + a.id() + "/reply-text?ticket=" + t.number() + "\"")
                .doesNotContain("kb-evidence");
    }

    @Test
    void panelForATicketWithoutMatchesSaysSo() {
        TicketView t = ticket("Щщщщ", "Ъъъъ");
        HttpResponse<String> panel = WebSession.signedIn(port, "l1").get("/agent/tickets/" + t.number() + "/suggestions");
        assertThat(panel.statusCode()).isEqualTo(200);
        assertThat(panel.body()).contains("id=\"kb-suggestions-empty\"").contains("Подходящих статей не нашлось.");
    }

    @Test
    void ticketTheAgentMayNotSeeIsNotFound() {
        ArticleView a = article("Восстановление " + word, "Текст статьи.", ArticleStatus.PUBLISHED);
        TicketView t = ticket("Нет доступа " + word, "Помогите");
        long category = routing.categoryByCode("password-forgotten").orElseThrow().id();
        long group = routing.groupByCode("recovery").orElseThrow().id();
        tickets.escalate(l1, t.number(), new TicketCommands.Escalate(category, group, null, t.version()));
        WebSession firstLine = WebSession.signedIn(port, "l1");

        assertThat(firstLine.get("/agent/tickets/" + t.number() + "/suggestions").statusCode()).isEqualTo(404);
        assertThat(firstLine.get("/agent/kb/articles/" + a.id() + "/reply-text?ticket=" + t.number()).statusCode()).isEqualTo(404);
        assertThat(firstLine.get("/agent/tickets/" + t.number() + "/canned").statusCode()).isEqualTo(404);
        assertThat(firstLine.get("/agent/tickets/L-999999999/suggestions").statusCode()).isEqualTo(404);
        // the customer does not reach the agent's panel at all
        assertThat(WebSession.signedIn(port, "customer").get("/agent/tickets/" + t.number() + "/suggestions").statusCode())
                .isEqualTo(403);
    }

    @Test
    void replyTextIsTheArticleGreetingTheCustomerByName() throws Exception {
        ArticleView a = article("Письма " + word, "1. Откройте настройки.\n2. Включите **" + word + "**.", ArticleStatus.PUBLISHED);
        TicketView t = ticket("Вопрос про " + word, "Как это сделать?");
        WebSession agent = WebSession.signedIn(port, "l1");

        HttpResponse<String> response = agent.get("/agent/kb/articles/" + a.id() + "/reply-text?ticket=" + t.number());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode reply = json(response);
        assertThat(reply.path("articleId").asLong()).isEqualTo(a.id());
        assertThat(reply.path("form").asText()).isEqualTo("answer");
        assertThat(reply.path("title").asText()).isEqualTo(a.title());
        assertThat(reply.path("url").asText()).endsWith("/help/articles/" + a.id());
        assertThat(reply.path("text").asText()).isEqualTo("Здравствуйте, Иван Петров!\n\n1. Откройте настройки.\n2. Включите **"
                + word + "**.\n\nПодробнее — в статье базы знаний: " + reply.path("url").asText());

        // a draft cannot answer a customer; a missing ticket is bad input
        ArticleView draft = article("Черновик " + word, "Текст", ArticleStatus.DRAFT);
        assertThat(agent.get("/agent/kb/articles/" + draft.id() + "/reply-text?ticket=" + t.number()).statusCode()).isEqualTo(404);
        assertThat(agent.get("/agent/kb/articles/" + a.id() + "/reply-text").statusCode()).isEqualTo(400);
        assertThat(agent.get("/agent/kb/articles/abc/reply-text?ticket=" + t.number()).statusCode()).isEqualTo(400);
    }

    @Test
    void answeringWithTheArticleRecordsItAndTeachesTheSuggestions() throws Exception {
        // two articles the words alone rank close; the desk's answer must tip the balance to b
        ArticleView a = article("Настройка " + word + " писем", "Как настроить " + word + " писем.", ArticleStatus.PUBLISHED);
        ArticleView b = article("Почему не работает " + word, "Проверьте " + word + " в настройках ящика.", ArticleStatus.PUBLISHED);
        String question = "Перестала работать " + word + " писем на рабочий ящик, что делать?";
        TicketView t = ticket("Не работает " + word, question);
        WebSession agent = WebSession.signedIn(port, "l1");
        agent.get("/agent/tickets/" + t.number());
        String text = json(agent.get("/agent/kb/articles/" + b.id() + "/reply-text?ticket=" + t.number())).path("text").asText();

        HttpResponse<String> sent = agent.post("/agent/tickets/" + t.number() + "/answer", Map.of(
                "body", text + "\n\nЕсли не поможет — напишите нам.", "version", String.valueOf(t.version()),
                "articleId", String.valueOf(b.id()), "articleTitle", "", "articleUrl", ""));

        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
        TicketView answered = tickets.get(l1, t.number());
        assertThat(answered.messages()).anySatisfy(m -> {
            assertThat(m.articleId()).isEqualTo(b.id());
            assertThat(m.articleTitle()).isEqualTo(b.title());
            assertThat(m.body()).startsWith("Здравствуйте, Иван Петров!").endsWith("напишите нам.");
        });
        // the ticket page shows which article the answer used
        assertThat(agent.get("/agent/tickets/" + t.number()).body()).contains(b.title()).contains("/help/articles/" + b.id());

        // a similar new ticket now gets b with the evidence badge
        TicketView similar = ticket("Снова не работает " + word, question);
        ArticleHit hit = suggestions.forTicket(l1, similar.number()).stream().filter(h -> h.id() == b.id()).findFirst().orElseThrow();
        assertThat(hit.evidence()).isPositive();
        String panel = agent.get("/agent/tickets/" + similar.number() + "/suggestions").body();
        assertThat(entry(panel, b.id())).contains("kb-evidence");
        assertThat(entry(panel, a.id())).doesNotContain("kb-evidence");
    }

    @Test
    void answeringWithAnUnknownArticleIsRefusedAtTheFieldAndChangesNothing() {
        TicketView t = ticket("Вопрос " + word, "Текст");
        WebSession agent = WebSession.signedIn(port, "l1");
        agent.get("/agent/tickets/" + t.number());

        HttpResponse<String> refused = agent.post("/agent/tickets/" + t.number() + "/answer", Map.of(
                "body", "Ответ", "version", String.valueOf(t.version()), "articleId", "987654321"));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"answer-article-id\"").contains("value=\"987654321\"");
        assertThat(tickets.get(l1, t.number()).state()).isEqualTo(t.state());
    }
}
