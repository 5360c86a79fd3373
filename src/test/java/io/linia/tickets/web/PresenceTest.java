package io.linia.tickets.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.linia.accounts.UserDirectory;
import io.linia.support.StoreTest;
import io.linia.support.WebSession;
import io.linia.tickets.Channel;
import io.linia.tickets.TicketCommands;
import io.linia.tickets.TicketService;
import io.linia.tickets.TicketView;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The collision notice: two agents on the same ticket see each other, and who is typing, from the 2-second reports. */
@StoreTest
class PresenceTest {

    @LocalServerPort
    int port;
    @Autowired
    TicketService tickets;
    @Autowired
    UserDirectory users;

    @Test
    void twoAgentsOnOneTicketSeeEachOtherAndWhoIsTyping() {
        TicketView t = tickets.create(users.userByLogin("olga").orElseThrow().toActor(),
                new TicketCommands.NewTicket("Кто смотрит", "Проверка присутствия", null, null, null, null), Channel.WEB);
        String path = "/agent/tickets/" + t.number() + "/presence";
        WebSession anna = WebSession.signedIn(port, "l1");
        WebSession dmitry = WebSession.signedIn(port, "l1b");
        anna.get("/agent/tickets/" + t.number()); // the page carries the form's CSRF token, as in the browser
        dmitry.get("/agent/tickets/" + t.number());

        HttpResponse<String> alone = anna.post(path, Map.of("typing", "false"));
        assertThat(alone.statusCode()).as(alone.body()).isEqualTo(200);
        assertThat(alone.body()).doesNotContain("presence-others");

        HttpResponse<String> second = dmitry.post(path, Map.of("typing", "true"));
        assertThat(second.body()).contains("Анна Кузнецова").contains("смотрит эту заявку");

        HttpResponse<String> first = anna.post(path, Map.of("typing", "false"));
        assertThat(first.body()).contains("Дмитрий Орлов").contains("печатает");
        assertThat(first.body()).doesNotContain("Анна Кузнецова");

        HttpResponse<String> stopped = dmitry.post(path, Map.of("typing", "false"));
        assertThat(stopped.body()).contains("Анна Кузнецова");
        assertThat(anna.post(path, Map.of("typing", "false")).body()).doesNotContain("печатает");
    }

    @Test
    void theTicketPageReportsEveryTwoSecondsAndCustomersHaveNoPresence() {
        TicketView t = tickets.create(users.userByLogin("olga").orElseThrow().toActor(),
                new TicketCommands.NewTicket("Страница", "Проверка формы присутствия", null, null, null, null), Channel.WEB);

        String page = WebSession.signedIn(port, "l1").get("/agent/tickets/" + t.number()).body();
        assertThat(page).contains("id=\"presence-form\"").contains("every 2s")
                .contains("hx-post=\"/agent/tickets/" + t.number() + "/presence\"");
        WebSession olga = WebSession.signedIn(port, "olga");
        olga.get("/portal");
        HttpResponse<String> customer = olga.post("/agent/tickets/" + t.number() + "/presence",
                Map.of("typing", "true"));
        assertThat(customer.statusCode()).isIn(403, 404);
    }
}
