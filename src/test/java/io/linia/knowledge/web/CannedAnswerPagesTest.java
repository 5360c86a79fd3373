package io.linia.knowledge.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.linia.accounts.Actor;
import io.linia.accounts.UserDirectory;
import io.linia.accounts.UserRef;
import io.linia.knowledge.CannedAction;
import io.linia.knowledge.CannedAnswerCommand;
import io.linia.knowledge.CannedAnswerView;
import io.linia.knowledge.CannedAnswers;
import io.linia.routing.RoutingDirectory;
import io.linia.support.StoreTest;
import io.linia.support.WebSession;
import io.linia.tickets.Channel;
import io.linia.tickets.TicketCommands;
import io.linia.tickets.TicketService;
import io.linia.tickets.TicketView;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The canned-answer pages (editors write, agents read) and the picker on the ticket page. */
@StoreTest
class CannedAnswerPagesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    CannedAnswers canned;
    @Autowired
    TicketService tickets;
    @Autowired
    UserDirectory users;
    @Autowired
    RoutingDirectory routing;

    Actor lead;

    @BeforeEach
    void setUp() {
        lead = users.userByLogin("lead").map(UserRef::toActor).orElseThrow();
    }

    private static String unique(String name) {
        return name + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Map<String, String> form(String name, String body) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("name", name);
        f.put("body", body);
        f.put("groupId", "");
        f.put("setCategoryId", "");
        f.put("action", "");
        f.put("_active", "on");
        f.put("active", "on");
        f.put("version", "");
        return f;
    }

    @Test
    void editorCreatesEditsAndDeactivatesWithErrorsAtTheFields() {
        WebSession editor = WebSession.signedIn(port, "lead");
        HttpResponse<String> list = editor.get("/agent/kb/canned");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("id=\"new-canned\"").contains("Запрос данных для восстановления доступа");

        editor.get("/agent/kb/canned/new");
        String name = unique("Шаблон со страницы");
        HttpResponse<String> refused = editor.post("/agent/kb/canned", form(name, "Здравствуйте, {{customer.phone}}!"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("is-invalid").contains("Неизвестные подстановки: {{customer.phone}}")
                .contains("Здравствуйте, {{customer.phone}}!");
        assertThat(canned.list(lead, true)).extracting(CannedAnswerView::name).doesNotContain(name);

        HttpResponse<String> blank = editor.post("/agent/kb/canned", form("", "Текст"));
        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(blank.body()).contains("Заполните это поле");

        Map<String, String> ok = form(name, "Здравствуйте, {{customer.name}}!");
        ok.put("action", "ASK_FOR_INFORMATION");
        ok.put("groupId", String.valueOf(routing.groupByCode("web").orElseThrow().id()));
        HttpResponse<String> saved = editor.post("/agent/kb/canned", ok);
        assertThat(saved.statusCode()).isEqualTo(302);
        CannedAnswerView created = canned.list(lead, true).stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
        assertThat(created.action()).isEqualTo(CannedAction.ASK_FOR_INFORMATION);
        assertThat(created.groupId()).isEqualTo(routing.groupByCode("web").orElseThrow().id());

        // a stale edit keeps the editor's text and says why
        editor.get("/agent/kb/canned/" + created.id());
        canned.update(lead, created.id(), new CannedAnswerCommand(name, "Изменено другим", null, null, null, true, created.version()));
        Map<String, String> stale = form(name, "Мой текст");
        stale.put("version", String.valueOf(created.version()));
        HttpResponse<String> conflict = editor.post("/agent/kb/canned/" + created.id(), stale);
        assertThat(conflict.statusCode()).isEqualTo(409);
        assertThat(conflict.body()).contains("уже изменили").contains("Мой текст");

        CannedAnswerView current = canned.get(lead, created.id());
        HttpResponse<String> off = editor.post("/agent/kb/canned/" + created.id() + "/deactivate",
                Map.of("version", String.valueOf(current.version())));
        assertThat(off.statusCode()).isEqualTo(302);
        assertThat(canned.get(lead, created.id()).active()).isFalse();
    }

    @Test
    void agentsReadButDoNotWrite() {
        CannedAnswerView a = canned.create(lead, new CannedAnswerCommand(unique("Для чтения"), "Текст", null, null, null, true, null));
        WebSession agent = WebSession.signedIn(port, "l1");

        HttpResponse<String> list = agent.get("/agent/kb/canned");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains(a.name()).doesNotContain("id=\"new-canned\"").doesNotContain("/deactivate");
        HttpResponse<String> view = agent.get("/agent/kb/canned/" + a.id());
        assertThat(view.statusCode()).isEqualTo(200);
        assertThat(view.body()).contains("<fieldset disabled").doesNotContain("id=\"save-canned\"");

        assertThat(agent.get("/agent/kb/canned/new").statusCode()).isEqualTo(403);
        assertThat(agent.post("/agent/kb/canned", form(unique("Агентский"), "Текст")).statusCode()).isEqualTo(403);
        assertThat(agent.post("/agent/kb/canned/" + a.id(), form("Переименован", "Текст")).statusCode()).isEqualTo(403);
        assertThat(agent.post("/agent/kb/canned/" + a.id() + "/deactivate", Map.of()).statusCode()).isEqualTo(403);
        assertThat(canned.get(lead, a.id())).isEqualTo(a);
        assertThat(WebSession.signedIn(port, "customer").get("/agent/kb/canned").statusCode()).isEqualTo(403);
    }

    @Test
    void pickerOffersTheTicketsCannedAnswersAndFillsTheRightForm() throws Exception {
        long category = routing.categoryByCode("mail-not-arriving").orElseThrow().id();
        CannedAnswerView solve = canned.create(lead, new CannedAnswerCommand(unique("Решено"),
                "{{customer.name}}, заявка {{ticket.number}} решена. {{agent.name}}", null, category, CannedAction.SOLVE, true, null));
        Actor customer = users.userByLogin("customer").map(UserRef::toActor).orElseThrow();
        TicketView t = tickets.create(customer, new TicketCommands.NewTicket("Письма", "Не приходят", null, null, null, null), Channel.WEB);
        WebSession agent = WebSession.signedIn(port, "l1");

        HttpResponse<String> picker = agent.get("/agent/tickets/" + t.number() + "/canned");
        assertThat(picker.statusCode()).isEqualTo(200);
        assertThat(picker.body()).contains(solve.name()).contains("data-url=\"/agent/tickets/" + t.number() + "/canned/" + solve.id() + "\"")
                .contains("Письма не приходят: первичная проверка").doesNotContain("Запрос данных для восстановления доступа");

        HttpResponse<String> response = agent.get("/agent/tickets/" + t.number() + "/canned/" + solve.id());
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode filled = JSON.readTree(response.body());
        // the first line cannot "solve": the macro goes into its answer form, which solves the ticket too
        assertThat(filled.path("form").asText()).isEqualTo("answer");
        assertThat(filled.path("text").asText()).isEqualTo("Иван Петров, заявка " + t.number() + " решена. Анна Кузнецова");
        assertThat(filled.path("categoryId").asLong()).isEqualTo(category);
        assertThat(tickets.get(customer, t.number()).version()).isEqualTo(t.version());

        assertThat(agent.get("/agent/tickets/" + t.number() + "/canned/987654321").statusCode()).isEqualTo(404);
    }
}
