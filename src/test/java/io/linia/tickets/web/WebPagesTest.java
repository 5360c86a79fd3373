package io.linia.tickets.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.linia.accounts.Actor;
import io.linia.accounts.UserDirectory;
import io.linia.routing.RoutingDirectory;
import io.linia.support.StoreTest;
import io.linia.support.WebSession;
import io.linia.tickets.Channel;
import io.linia.tickets.TicketCommands;
import io.linia.tickets.TicketService;
import io.linia.tickets.TicketState;
import io.linia.tickets.TicketView;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The pages as a person uses them over HTTP: validation next to fields, CSRF, escaping, roles, language. */
@StoreTest
class WebPagesTest {

    @LocalServerPort
    int port;

    @Autowired
    TicketService tickets;

    @Autowired
    UserDirectory users;

    @Autowired
    RoutingDirectory routing;

    /** An input, select or textarea with this id marked invalid. */
    private static String invalid(String id) {
        return "<(input|select|textarea)[^>]*(is-invalid[^>]*id=\"" + id + "\"|id=\"" + id + "\"[^>]*is-invalid)";
    }

    private Actor actor(String login) {
        return users.userByLogin(login).orElseThrow().toActor();
    }

    private TicketView ticketOf(String login, String subject, String body) {
        return tickets.create(actor(login), new TicketCommands.NewTicket(subject, body, null, null, null, null), Channel.WEB);
    }

    @Test
    void emptyPortalFormShowsRussianErrorsNextToTheFieldsAndStoresNothing() {
        WebSession customer = WebSession.signedIn(port, "customer");
        int before = tickets.ownTickets(actor("customer"), 1000).size();
        customer.get("/portal/new");

        HttpResponse<String> response = customer.post("/portal/new", Map.of("subject", "", "body", "  "));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).containsPattern(invalid("subject"))
                .containsPattern(invalid("body"))
                .contains("Заполните это поле");
        assertThat(tickets.ownTickets(actor("customer"), 1000)).hasSize(before);
    }

    @Test
    void oversizedBodyIsRefusedWithTheLimitAndTypedSubjectIsKept() {
        WebSession customer = WebSession.signedIn(port, "customer");
        int before = tickets.ownTickets(actor("customer"), 1000).size();
        customer.get("/portal/new");

        HttpResponse<String> response = customer.post("/portal/new",
                Map.of("subject", "Очень длинное письмо", "body", "ж".repeat(40_000)));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("65536").contains("value=\"Очень длинное письмо\"");
        assertThat(tickets.ownTickets(actor("customer"), 1000)).hasSize(before);
    }

    @Test
    void bytesThatAreNotUtf8AreRefusedAtTheFieldsAndStoreNothing() {
        WebSession customer = WebSession.signedIn(port, "customer");
        int before = tickets.ownTickets(actor("customer"), 1000).size();
        customer.get("/portal/new");

        HttpResponse<String> response = customer.postEncoded("/portal/new", "subject=Bad%C3%28bytes&body=text%FF%FEmore");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).containsPattern(invalid("subject")).containsPattern(invalid("body"))
                .contains("недопустимые символы");
        assertThat(tickets.ownTickets(actor("customer"), 1000)).hasSize(before);
    }

    @Test
    void validRequestFromThePortalOpensItsPageWithTheNewNumber() {
        WebSession customer = WebSession.signedIn(port, "customer");
        customer.get("/portal/new");

        HttpResponse<String> response = customer.post("/portal/new",
                Map.of("subject", "Не приходят письма с кодом", "body", "Жду код от банка уже час.", "categoryId", ""));

        assertThat(response.statusCode()).isEqualTo(302);
        String location = response.headers().firstValue("Location").orElseThrow();
        assertThat(location).matches(".*/portal/tickets/L-\\d{6}");
        HttpResponse<String> page = customer.get(location.substring(location.indexOf("/portal")));
        assertThat(page.body()).contains("Не приходят письма с кодом").contains("Жду код от банка уже час.")
                .contains("Новая").contains("создано");
    }

    @Test
    void formWithoutCsrfTokenIsRefusedAndStoresNothing() {
        WebSession customer = WebSession.signedIn(port, "customer");
        int before = tickets.ownTickets(actor("customer"), 1000).size();

        HttpResponse<String> response = customer.postRaw("/portal/new", Map.of("subject", "CSRF", "body", "Подделка"));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(tickets.ownTickets(actor("customer"), 1000)).hasSize(before);
    }

    @Test
    void userTextIsEscapedOnAgentAndCustomerPages() {
        TicketView t = ticketOf("customer", "<script>alert('subject')</script>", "<img src=x onerror=alert(1)> текст");

        String agentPage = WebSession.signedIn(port, "l1").get("/agent/tickets/" + t.number()).body();
        String customerPage = WebSession.signedIn(port, "customer").get("/portal/tickets/" + t.number()).body();
        String queue = WebSession.signedIn(port, "l1").get("/agent/queue/first").body();

        for (String page : new String[]{agentPage, customerPage, queue}) {
            assertThat(page).doesNotContain("<script>alert").doesNotContain("<img src=x")
                    .contains("&lt;script&gt;alert(&#39;subject&#39;)&lt;/script&gt;");
        }
        assertThat(agentPage).contains("&lt;img src=x onerror=alert(1)&gt; текст");
    }

    @Test
    void everyonesPagesAreClosedToOthers() {
        TicketView olgas = ticketOf("olga", "Личное", "Только моё");

        assertThat(WebSession.signedIn(port, "customer").get("/portal/tickets/" + olgas.number()).statusCode()).isEqualTo(404);
        assertThat(WebSession.signedIn(port, "customer").get("/agent/queue/first").statusCode()).isEqualTo(403);
        assertThat(WebSession.signedIn(port, "l1").get("/admin/users").statusCode()).isEqualTo(403);
        assertThat(WebSession.signedIn(port, "l2").get("/agent/tickets/" + olgas.number()).statusCode()).isEqualTo(404);
        HttpResponse<String> anonymous = WebSession.anonymous(port).get("/agent/queue/first");
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    }

    @Test
    void russianByDefaultEnglishOnRequestAndTheChoiceIsRemembered() {
        WebSession visitor = WebSession.anonymous(port);

        assertThat(visitor.get("/login").body()).contains("<h1 class=\"h4 mb-3\">Вход</h1>").contains("lang=\"ru\"");
        assertThat(visitor.get("/login?lang=en").body()).contains("<h1 class=\"h4 mb-3\">Sign in</h1>");
        assertThat(visitor.get("/login").body()).contains("<h1 class=\"h4 mb-3\">Sign in</h1>").contains("lang=\"en\"");
        assertThat(visitor.get("/login?lang=ru").body()).contains("Вход");
    }

    @Test
    void agentActionWithMissingFieldsShowsErrorsKeepsTheTextAndChangesNothing() {
        TicketView t = ticketOf("customer", "Нужна помощь", "Описание");
        WebSession l1 = WebSession.signedIn(port, "l1");
        l1.get("/agent/tickets/" + t.number());

        HttpResponse<String> response = l1.post("/agent/tickets/" + t.number() + "/escalate",
                Map.of("categoryId", "", "groupId", "", "note", "Заметка, которую жалко потерять", "version", String.valueOf(t.version())));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).containsPattern(invalid("escalate-category"))
                .containsPattern(invalid("escalate-group"))
                .contains("Заметка, которую жалко потерять");
        TicketView after = tickets.get(actor("lead"), t.number());
        assertThat(after.version()).isEqualTo(t.version());
        assertThat(after.state()).isEqualTo(TicketState.NEW);
    }

    @Test
    void staleAgentPageIsRefusedWithTheFreshStateAndTheTypedAnswerKept() {
        TicketView t = ticketOf("customer", "Как настроить сборщик", "Хочу собирать почту с другого ящика");
        WebSession first = WebSession.signedIn(port, "l1");
        WebSession second = WebSession.signedIn(port, "lead");
        first.get("/agent/tickets/" + t.number());
        second.get("/agent/tickets/" + t.number());
        long group = routing.groupByCode("web").orElseThrow().id();
        long category = routing.categoryByCode("mail-collector").orElseThrow().id();

        HttpResponse<String> escalated = first.post("/agent/tickets/" + t.number() + "/escalate", Map.of(
                "categoryId", String.valueOf(category), "groupId", String.valueOf(group), "note", "",
                "version", String.valueOf(t.version())));
        HttpResponse<String> stale = second.post("/agent/tickets/" + t.number() + "/answer", Map.of(
                "body", "Мой подробный ответ про сборщик", "version", String.valueOf(t.version())));

        assertThat(escalated.statusCode()).isEqualTo(302);
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body()).contains("только что изменил кто-то другой").contains("Вторая линия");
        TicketView after = tickets.get(actor("lead"), t.number());
        assertThat(after.state()).isEqualTo(TicketState.OPEN);
        assertThat(after.messages()).noneMatch(m -> m.body().contains("Мой подробный ответ"));
    }
}
