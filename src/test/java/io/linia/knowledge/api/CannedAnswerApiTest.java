package io.linia.knowledge.api;

import static io.linia.support.ApiClient.body;
import static io.linia.support.ApiFixtures.expect;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.linia.accounts.UserAdministration;
import io.linia.accounts.UserDirectory;
import io.linia.support.ApiClient;
import io.linia.support.ApiFixtures;
import io.linia.support.ApiResponse;
import io.linia.support.StoreTest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** {@code /api/v1/kb/canned-answers}: the endpoints end to end, who may call them, and bad input that changes nothing. */
@StoreTest
class CannedAnswerApiTest {

    private static final String BASE = "/api/v1/kb/canned-answers";

    @LocalServerPort
    int port;
    @Autowired
    UserAdministration administration;
    @Autowired
    UserDirectory directory;

    ApiFixtures fx;

    @BeforeEach
    void fixtures() {
        fx = new ApiFixtures(port, administration, directory);
    }

    private static String unique(String name) {
        return name + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    private Map<String, Object> command(String name, String text) {
        return body("name", name, "body", text, "groupId", null, "setCategoryId", null, "action", null, "active", true,
                "version", null);
    }

    private JsonNode created(Map<String, Object> command) {
        return expect(fx.as("lead").post(BASE, command), 201);
    }

    private int count() {
        return expect(fx.as("lead").get(BASE + "?includeInactive=true"), 200).size();
    }

    private ApiResponse put(ApiClient caller, long id, Map<String, Object> command) {
        return caller.put(BASE + "/" + id, command);
    }

    @Test
    void createReadUpdateAndRenderForATicket() {
        String name = unique("Ответ с подстановками");
        Map<String, Object> command = command(name, "Здравствуйте, {{customer.name}}! Заявка {{ticket.number}}. {{agent.name}}");
        command.put("action", "ANSWER");
        command.put("setCategoryId", fx.categoryId("mail-not-arriving"));
        ApiResponse response = fx.as("lead").post(BASE, command);
        JsonNode c = expect(response, 201);
        long id = c.path("id").asLong();
        assertThat(response.header("Location")).isEqualTo(BASE + "/" + id);
        assertThat(c.path("name").asText()).isEqualTo(name);
        assertThat(c.path("action").asText()).isEqualTo("ANSWER");
        assertThat(c.path("active").asBoolean()).isTrue();
        assertThat(c.path("groupId").isNull()).isTrue();

        // every agent reads a global canned answer
        assertThat(expect(fx.as("l1").get(BASE + "/" + id), 200).path("body").asText()).contains("{{customer.name}}");
        assertThat(expect(fx.as("l2web").get(BASE), 200).findValuesAsText("name")).contains(name);

        // the editor changes it with the version read
        Map<String, Object> edit = command(name, "Здравствуйте, {{customer.name}}! Ваша заявка {{ticket.number}}.");
        edit.put("version", c.path("version").asLong());
        edit.put("setCategoryId", fx.categoryId("mail-not-arriving"));
        JsonNode updated = expect(put(fx.as("admin"), id, edit), 200);
        assertThat(updated.path("body").asText()).contains("Ваша заявка");

        JsonNode ticket = fx.ticketOf("customer", "Не приходят письма");
        String number = ticket.path("number").asText();
        JsonNode rendered = expect(fx.as("l1").post(BASE + "/" + id + "/render?ticket=" + number, null), 200);
        assertThat(rendered.path("text").asText()).isEqualTo("Здравствуйте, Иван Петров! Ваша заявка " + number + ".");
        assertThat(rendered.path("setCategoryId").asLong()).isEqualTo(fx.categoryId("mail-not-arriving"));
        // rendering changes nothing on the ticket
        assertThat(fx.get("l1", number).path("version").asLong()).isEqualTo(ticket.path("version").asLong());
        fx.finish(number);
    }

    @Test
    void staleUpdateIsAConflictAndChangesNothing() {
        JsonNode c = created(command(unique("Версии"), "Первый"));
        long id = c.path("id").asLong();
        Map<String, Object> first = command(c.path("name").asText(), "Второй");
        first.put("version", c.path("version").asLong());
        expect(put(fx.as("lead"), id, first), 200);

        Map<String, Object> stale = command(c.path("name").asText(), "Третий");
        stale.put("version", c.path("version").asLong());
        ApiResponse refused = put(fx.as("admin"), id, stale);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.mediaType()).isEqualTo("application/problem+json");
        assertThat(refused.json().path("currentVersion").asLong()).isGreaterThan(c.path("version").asLong());
        assertThat(refused.json().path("type").asText()).endsWith("stale");
        assertThat(expect(fx.as("lead").get(BASE + "/" + id), 200).path("body").asText()).isEqualTo("Второй");
    }

    @Test
    void rolesDecideWhoReadsAndWhoWrites() {
        JsonNode global = created(command(unique("Общий"), "Текст"));
        Map<String, Object> recoveryOnly = command(unique("Только восстановление"), "Текст");
        recoveryOnly.put("groupId", fx.groupId("recovery"));
        JsonNode forRecovery = created(recoveryOnly);
        long globalId = global.path("id").asLong();
        long recoveryId = forRecovery.path("id").asLong();

        assertThat(fx.anonymous().get(BASE).status()).isEqualTo(401);
        assertThat(fx.as("customer").get(BASE).status()).isEqualTo(403);
        assertThat(fx.as("customer").get(BASE + "/" + globalId).status()).isEqualTo(403);
        for (String agent : new String[]{"l1", "l2", "trainer"}) {
            ApiResponse refused = fx.as(agent).post(BASE, command(unique("Агент"), "Текст"));
            assertThat(refused.status()).as(agent).isEqualTo(403);
            assertThat(refused.problemType()).isEqualTo("forbidden");
        }
        assertThat(put(fx.as("l2"), globalId, command("Переименовано", "Текст")).status()).isEqualTo(403);
        assertThat(fx.as("customer").post(BASE + "/" + globalId + "/render?ticket=L-000001", null).status()).isEqualTo(403);

        // a group's canned answer is its group's: others do not find it
        assertThat(expect(fx.as("l2").get(BASE + "/" + recoveryId), 200).path("groupId").asLong()).isEqualTo(fx.groupId("recovery"));
        assertThat(fx.as("l1").get(BASE + "/" + recoveryId).status()).isEqualTo(404);
        assertThat(fx.as("l2web").get(BASE + "/" + recoveryId).status()).isEqualTo(404);
        assertThat(expect(fx.as("l1").get(BASE), 200).findValuesAsText("name")).contains(global.path("name").asText())
                .doesNotContain(forRecovery.path("name").asText());
        assertThat(expect(fx.as("lead").get(BASE), 200).findValuesAsText("name")).contains(forRecovery.path("name").asText());

        // rendering for a ticket the caller may not see: not found
        JsonNode ticket = fx.ticketOf("customer", "Чужая группа");
        String number = ticket.path("number").asText();
        fx.escalateToRecovery(number);
        assertThat(fx.as("l2web").post(BASE + "/" + globalId + "/render?ticket=" + number, null).status()).isEqualTo(404);
        assertThat(expect(fx.as("l2").post(BASE + "/" + recoveryId + "/render?ticket=" + number, null), 200)
                .path("text").asText()).isEqualTo("Текст");
        fx.finish(number);
    }

    @Test
    void badInputIsRefusedAtItsFieldAndChangesNothing() {
        int before = count();
        ApiClient lead = fx.as("lead");

        assertField(lead.post(BASE, command("", "Текст")), "name");
        assertField(lead.post(BASE, command("Имя", " ")), "body");
        assertField(lead.post(BASE, command("x".repeat(121), "Текст")), "name");
        assertField(lead.post(BASE, command("Имя\u0000", "Текст")), "name");
        assertField(lead.post(BASE, command("Имя", "я".repeat(40_000))), "body");
        ApiResponse unknown = lead.post(BASE, command(unique("Неизвестная"), "Здравствуйте, {{customer.phone}}"));
        assertField(unknown, "body");
        assertThat(unknown.json().path("detail").asText()).contains("{{customer.phone}}");
        Map<String, Object> badAction = command(unique("Действие"), "Текст");
        badAction.put("action", "DELETE_TICKET");
        assertField(lead.post(BASE, badAction), "action");
        Map<String, Object> badGroup = command(unique("Группа"), "Текст");
        badGroup.put("groupId", 987654);
        assertField(lead.post(BASE, badGroup), "groupId");
        Map<String, Object> badCategory = command(unique("Категория"), "Текст");
        badCategory.put("setCategoryId", 987654);
        assertField(lead.post(BASE, badCategory), "setCategoryId");
        assertThat(lead.postRaw(BASE, "{\"name\": ".getBytes(StandardCharsets.UTF_8), "application/json").status()).isEqualTo(400);
        assertThat(lead.postRaw(BASE, "name=x".getBytes(StandardCharsets.UTF_8), "application/x-www-form-urlencoded").status())
                .isEqualTo(415);

        assertThat(count()).isEqualTo(before);

        long id = created(command(unique("Для проверок"), "Текст")).path("id").asLong();
        assertThat(lead.get(BASE + "/abc").status()).isEqualTo(400);
        assertThat(lead.get(BASE + "/987654321").status()).isEqualTo(404);
        assertThat(put(lead, 987654321L, command("Имя", "Текст")).status()).isEqualTo(404);
        assertThat(lead.post(BASE + "/" + id + "/render", null).status()).isEqualTo(400);
        assertThat(lead.post(BASE + "/" + id + "/render?ticket=L-999999999", null).status()).isEqualTo(404);
        assertThat(lead.post(BASE + "/" + id + "/render?ticket=nonsense", null).status()).isEqualTo(404);
        assertField(put(lead, id, command("Имя", "{{oops}}")), "body");
        assertThat(expect(lead.get(BASE + "/" + id), 200).path("body").asText()).isEqualTo("Текст");
    }

    private static void assertField(ApiResponse response, String field) {
        assertThat(response.status()).as("%s", response).isEqualTo(400);
        assertThat(response.mediaType()).isEqualTo("application/problem+json");
        assertThat(response.json().path("field").asText()).as("%s", response).isEqualTo(field);
    }
}
