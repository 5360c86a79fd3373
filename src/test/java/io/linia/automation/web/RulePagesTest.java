package io.linia.automation.web;

import static io.linia.support.ApiFixtures.expect;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.linia.accounts.Actor;
import io.linia.accounts.UserAdministration;
import io.linia.accounts.UserDirectory;
import io.linia.automation.AutomationRules;
import io.linia.automation.RuleNotices;
import io.linia.automation.RuleView;
import io.linia.routing.GroupRef;
import io.linia.routing.RoutingDirectory;
import io.linia.support.ApiFixtures;
import io.linia.support.ApiResponse;
import io.linia.support.StoreTest;
import io.linia.support.WebSession;
import io.linia.tickets.Channel;
import io.linia.tickets.TicketCommands;
import io.linia.tickets.TicketService;
import io.linia.tickets.TicketView;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Rules through the pages and the API: an admin builds a rule in the form and it acts on the next
 * ticket; its notice reaches the team lead's menu; a bad form shows the problem next to its field and
 * saves nothing; team leads read but do not change; a stale edit is refused. Every rule here matches
 * only this test's own words, and is deleted after it (the context is shared with other tests).
 */
@StoreTest
class RulePagesTest {

    @LocalServerPort int port;
    @Autowired AutomationRules rules;
    @Autowired RuleNotices notices;
    @Autowired TicketService tickets;
    @Autowired UserDirectory users;
    @Autowired UserAdministration administration;
    @Autowired RoutingDirectory routing;

    Actor admin;
    String token;

    @BeforeEach
    void setUp() {
        admin = users.userByLogin("admin").orElseThrow().toActor();
        token = "слово" + UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void deleteOwnRules() {
        rules.list(admin).stream().filter(r -> r.name().contains("(тест страниц)")).forEach(r -> rules.delete(admin, r.id(), null));
    }

    @Test
    void anAdminBuildsARuleInTheFormAndItActsOnTheNextTicket() {
        Actor lead = users.userByLogin("lead").orElseThrow().toActor();
        notices.markAllRead(lead);
        long web = routing.groupByCode("web").map(GroupRef::id).orElseThrow();
        WebSession session = WebSession.signedIn(port, "admin");
        assertThat(session.get("/agent/automation/new").body()).contains("Новое правило").contains("Веб-интерфейс");

        Map<String, String> form = form("Папки (тест страниц)", "CREATED", "");
        form.put("c0.kind", "TEXT");
        form.put("c0.operator", "CONTAINS");
        form.put("c0.word", "пропала папка | " + token);
        form.put("c1.kind", "CHANNEL");
        form.put("c1.operator", "IS");
        form.put("c1.choice", "CHANNEL:WEB");
        form.put("a0.kind", "SET_GROUP");
        form.put("a0.choice", "SET_GROUP:" + web);
        form.put("a1.kind", "NOTIFY");
        form.put("a1.choice", "NOTIFY:TEAM_LEADS");
        form.put("a1.text", "Вопрос о папках ушёл во вторую линию");
        HttpResponse<String> saved = session.post("/agent/automation", form);

        assertThat(saved.statusCode()).isEqualTo(302);
        HttpResponse<String> page = session.get(saved.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", ""));
        assertThat(page.body()).contains("Правило сохранено").contains("пропала папка | " + token);
        assertThat(session.get("/agent/automation").body()).contains("Папки (тест страниц)").contains("Веб-интерфейс")
                .contains("Заявка создана").contains("Вопрос о папках ушёл во вторую линию");

        Actor customer = users.userByLogin("customer").orElseThrow().toActor();
        TicketView t = tickets.create(customer, new TicketCommands.NewTicket("Где " + token + "?", "Помогите", null, null, null, null),
                Channel.WEB);
        assertThat(tickets.get(admin, t.number()).groupId()).isEqualTo(web);

        WebSession leadSession = WebSession.signedIn(port, "lead");
        assertThat(leadSession.get("/agent/notices/count").body()).isEqualTo("1");
        assertThat(leadSession.get("/agent/notices").body()).contains(t.number()).contains("Вопрос о папках ушёл во вторую линию")
                .contains("Папки (тест страниц)");
        leadSession.post("/agent/notices/read", Map.of());
        assertThat(leadSession.get("/agent/notices/count").body()).isEmpty();
    }

    @Test
    void theDemoRulesAreListedAndAct() {
        assertThat(WebSession.signedIn(port, "lead").get("/agent/automation").body()).contains("Похоже на взлом ящика")
                .contains("Не приходят письма: шаблон под рукой").contains("Клиенты с меткой VIP")
                .contains("Сутки без движения на второй линии").contains("Письма не приходят: первичная проверка");
        Actor customer = users.userByLogin("customer").orElseThrow().toActor();
        TicketView hacked = tickets.create(customer, new TicketCommands.NewTicket("Мой ящик ВЗЛОМАЛИ", "С него рассылает спам " + token,
                null, null, null, null), Channel.WEB);
        TicketView t = tickets.get(admin, hacked.number());
        assertThat(t.priority()).isEqualTo(io.linia.tickets.Priority.HIGH);
        assertThat(t.tags()).contains("взлом");
        TicketView delivery = tickets.create(customer, new TicketCommands.NewTicket("Не приходят письма", "Третий день ничего " + token,
                null, null, null, null), Channel.WEB);
        assertThat(tickets.get(admin, delivery.number()).messages()).anySatisfy(m -> {
            assertThat(m.kind()).isEqualTo(io.linia.tickets.MessageKind.INTERNAL_NOTE);
            assertThat(m.authorName()).isEqualTo("Не приходят письма: шаблон под рукой");
        });
    }

    @Test
    void aBadFormShowsTheProblemNextToItsFieldAndSavesNothing() {
        int before = rules.list(admin).size();
        WebSession session = WebSession.signedIn(port, "admin");
        session.get("/agent/automation/new");

        Map<String, String> idleWithoutTime = form("Без времени (тест страниц)", "IDLE", "");
        idleWithoutTime.put("a0.kind", "ADD_TAG");
        idleWithoutTime.put("a0.word", "late");
        HttpResponse<String> refused = session.post("/agent/automation", idleWithoutTime);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Укажите время бездействия: от 5 до 525600 минут")
                .containsPattern("id=\"idleMinutes\"[^>]*is-invalid|is-invalid[^>]*id=\"idleMinutes\"");

        Map<String, String> badTag = form("Метка (тест страниц)", "CREATED", "");
        badTag.put("a0.kind", "ADD_TAG");
        badTag.put("a0.word", "две метки");
        badTag.put("a1.kind", "SET_PRIORITY");
        badTag.put("a1.choice", "SET_GROUP:1"); // a value of another action: nothing chosen for this one
        HttpResponse<String> tag = session.post("/agent/automation", badTag);
        assertThat(tag.statusCode()).isEqualTo(400);
        assertThat(tag.body()).contains("Метка — одно слово").containsPattern("id=\"a0-word\"[^>]*is-invalid|is-invalid[^>]*id=\"a0-word\"");

        assertThat(rules.list(admin)).hasSize(before);
    }

    @Test
    void teamLeadsReadRulesButDoNotChangeThemAndAStaleEditIsRefused() {
        ApiFixtures fx = new ApiFixtures(port, administration, users);
        Map<String, Object> command = new LinkedHashMap<>(Map.of("name", "API (тест страниц)", "trigger", "CREATED", "active", true,
                "conditions", List.of(Map.of("field", "TEXT", "operator", "CONTAINS", "value", token)),
                "actions", List.of(Map.of("type", "ADD_TAG", "value", "api"))));
        ApiResponse forbidden = fx.as("lead").post("/api/v1/automation/rules", command);
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.mediaType()).isEqualTo("application/problem+json");

        Map<String, Object> bad = new LinkedHashMap<>(command);
        bad.put("conditions", List.of(Map.of("field", "GROUP", "operator", "IS", "value", "999999")));
        ApiResponse invalid = fx.as("admin").post("/api/v1/automation/rules", bad);
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().toString()).contains("conditions[0].value");

        JsonNode created = expect(fx.as("admin").post("/api/v1/automation/rules", command), 201);
        long id = created.path("id").asLong();
        assertThat(expect(fx.as("lead").get("/api/v1/automation/rules"), 200).findValuesAsText("name")).contains("API (тест страниц)");
        WebSession lead = WebSession.signedIn(port, "lead");
        assertThat(lead.get("/agent/automation").body()).contains("API (тест страниц)");
        assertThat(lead.get("/agent/automation/new").statusCode()).isEqualTo(403);

        Map<String, Object> edit = new LinkedHashMap<>(command);
        edit.put("name", "API, новое имя (тест страниц)");
        edit.put("version", created.path("version").asLong());
        assertThat(expect(fx.as("admin").put("/api/v1/automation/rules/" + id, edit), 200).path("name").asText())
                .isEqualTo("API, новое имя (тест страниц)");
        ApiResponse stale = fx.as("admin").put("/api/v1/automation/rules/" + id, edit);
        assertThat(stale.status()).isEqualTo(409);
        assertThat(rules.get(admin, id).name()).isEqualTo("API, новое имя (тест страниц)");

        WebSession adminSession = WebSession.signedIn(port, "admin");
        adminSession.get("/agent/automation/" + id);
        assertThat(adminSession.post("/agent/automation/" + id + "/delete", Map.of()).statusCode()).isEqualTo(302);
        assertThat(rules.list(admin)).extracting(RuleView::id).doesNotContain(id);
    }

    private static Map<String, String> form(String name, String trigger, String idle) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("name", name);
        form.put("trigger", trigger);
        form.put("idleMinutes", idle);
        form.put("crows", "4");
        form.put("arows", "4");
        form.put("active", "on");
        form.put("position", "");
        for (int i = 0; i < 4; i++) {
            form.put("c" + i + ".kind", "");
            form.put("a" + i + ".kind", "");
        }
        return form;
    }
}
