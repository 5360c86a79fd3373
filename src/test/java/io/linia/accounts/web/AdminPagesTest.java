package io.linia.accounts.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.linia.accounts.Role;
import io.linia.accounts.UserDirectory;
import io.linia.routing.RoutingDirectory;
import io.linia.support.StoreTest;
import io.linia.support.WebSession;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Administrators manage users, groups and categories through the pages; bad input is refused at the field. */
@StoreTest
class AdminPagesTest {

    @LocalServerPort
    int port;

    @Autowired
    UserDirectory users;

    @Autowired
    RoutingDirectory routing;

    @Test
    void adminCreatesASecondLineAgentWhoCanThenSignIn() {
        WebSession admin = WebSession.signedIn(port, "admin");
        admin.get("/admin/users/new");
        String group = String.valueOf(routing.groupByCode("mobile").orElseThrow().id());

        HttpResponse<String> saved = admin.post("/admin/users", Map.of("login", "newagent", "email", "new.agent@linia.local",
                "displayName", "Новый Агент", "password", "linia2026", "roles", "AGENT_L2", "groupIds", group,
                "locale", "ru", "enabled", "on", "_enabled", "on"));

        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(users.userByLogin("newagent")).hasValueSatisfying(u -> {
            assertThat(u.roles()).containsExactly(Role.AGENT_L2);
            assertThat(u.groupIds()).containsExactly(Long.valueOf(group));
        });
        assertThat(WebSession.signedIn(port, "newagent").get("/agent").statusCode()).isEqualTo(302);
    }

    @Test
    void invalidUserFormShowsErrorsAtTheFieldsAndStoresNothing() {
        WebSession admin = WebSession.signedIn(port, "admin");
        admin.get("/admin/users/new");
        int before = users.staff().size();

        HttpResponse<String> refused = admin.post("/admin/users", Map.of("login", "l1", "email", "not-an-address",
                "displayName", "", "password", "short", "locale", "ru", "_enabled", "on"));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Неверный адрес электронной почты").contains("Заполните это поле")
                .contains("Выберите хотя бы одно значение");
        assertThat(users.staff()).hasSize(before);
    }

    @Test
    void takenLoginIsReportedAtTheLoginField() {
        WebSession admin = WebSession.signedIn(port, "admin");
        admin.get("/admin/users/new");

        HttpResponse<String> refused = admin.post("/admin/users", Map.of("login", "l1", "email", "other@linia.local",
                "displayName", "Двойник", "password", "linia2026", "roles", "AGENT_L1", "locale", "ru", "_enabled", "on"));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).containsPattern("is-invalid\"[^>]*id=\"login\"|id=\"login\"[^>]*is-invalid")
                .contains("Этот логин уже занят");
    }

    @Test
    void adminAddsAGroupAndACategoryRoutedToIt() {
        WebSession admin = WebSession.signedIn(port, "admin");
        admin.get("/admin/groups/new");
        assertThat(admin.post("/admin/groups", Map.of("code", "payments", "nameRu", "Платные услуги",
                "nameEn", "Paid services", "description", "", "active", "on", "_active", "on")).statusCode()).isEqualTo(302);
        long group = routing.groupByCode("payments").orElseThrow().id();

        admin.get("/admin/categories/new");
        assertThat(admin.post("/admin/categories", Map.of("code", "refund", "nameRu", "Возврат денег", "nameEn", "Refund",
                "defaultGroupId", String.valueOf(group), "active", "on", "_active", "on")).statusCode()).isEqualTo(302);

        assertThat(routing.categoryByCode("refund")).hasValueSatisfying(c -> assertThat(c.defaultGroupId()).isEqualTo(group));
        assertThat(admin.get("/admin/categories").body()).contains("Возврат денег").contains("Платные услуги");
    }

    @Test
    void badCodesAndUnknownGroupsAreRefusedAtTheirFields() {
        WebSession admin = WebSession.signedIn(port, "admin");
        admin.get("/admin/groups/new");
        HttpResponse<String> badCode = admin.post("/admin/groups", Map.of("code", "Плохой код", "nameRu", "Группа",
                "nameEn", "Group", "_active", "on"));
        admin.get("/admin/categories/new");
        HttpResponse<String> unknownGroup = admin.post("/admin/categories", Map.of("code", "ghost", "nameRu", "Призрак",
                "nameEn", "Ghost", "defaultGroupId", "999999", "_active", "on"));

        assertThat(badCode.statusCode()).isEqualTo(400);
        assertThat(badCode.body()).contains("Только строчные латинские буквы, цифры и дефис");
        assertThat(unknownGroup.statusCode()).isEqualTo(400);
        assertThat(unknownGroup.body()).contains("Группа 999999 не найдена");
        assertThat(routing.categoryByCode("ghost")).isEmpty();
    }

    @Test
    void rightsChangedByTheAdministratorApplyToOpenSessionsAtOnce() {
        WebSession admin = WebSession.signedIn(port, "admin");
        admin.get("/admin/users/new");
        admin.post("/admin/users", Map.of("login", "rotating", "email", "rotating@linia.local", "displayName", "Ротация",
                "password", "linia2026", "roles", "AGENT_L1", "locale", "ru", "enabled", "on", "_enabled", "on"));
        long id = users.userByLogin("rotating").orElseThrow().id();
        WebSession agent = WebSession.signedIn(port, "rotating");
        assertThat(agent.get("/agent/queue/first").statusCode()).isEqualTo(200);

        admin.get("/admin/users/" + id);
        admin.post("/admin/users/" + id, Map.of("login", "rotating", "email", "rotating@linia.local", "displayName", "Ротация",
                "password", "", "roles", "CUSTOMER", "locale", "ru", "enabled", "on", "_enabled", "on"));
        assertThat(agent.get("/agent/queue/first").statusCode()).isEqualTo(403);

        admin.get("/admin/users/" + id);
        admin.post("/admin/users/" + id, Map.of("login", "rotating", "email", "rotating@linia.local", "displayName", "Ротация",
                "password", "", "roles", "AGENT_L1", "locale", "ru", "_enabled", "on"));
        HttpResponse<String> disabled = agent.get("/portal");
        assertThat(disabled.statusCode()).isEqualTo(302);
        assertThat(disabled.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    }

    @Test
    void onlyAdministratorsReachTheAdminPages() {
        for (String login : new String[]{"customer", "l1", "l2", "lead", "trainer"}) {
            assertThat(WebSession.signedIn(port, login).get("/admin/users").statusCode()).as(login).isEqualTo(403);
        }
    }
}
