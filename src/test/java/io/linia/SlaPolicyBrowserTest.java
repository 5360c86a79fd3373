package io.linia;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.SelectOption;
import io.linia.accounts.UserDirectory;
import io.linia.routing.GroupRef;
import io.linia.routing.RoutingDirectory;
import io.linia.sla.ServiceLevels;
import io.linia.sla.SlaPolicyView;
import io.linia.support.BrowserSession;
import io.linia.tickets.Priority;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * An admin creates an SLA policy in a real browser: a refused form shows each message under its field
 * and keeps what was typed; the saved policy is in the list, in the coverage table under its queue
 * and priority, and opens again in the units it was entered in.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"linia.demo.tickets=false",
        "linia.sla.evaluate=false", "linia.test.context=sla-policy-browser"})
@ActiveProfiles("test")
class SlaPolicyBrowserTest {

    @RegisterExtension
    static final BrowserSession browser = new BrowserSession();

    @Autowired
    ServiceLevels levels;
    @Autowired
    RoutingDirectory routing;
    @Autowired
    UserDirectory users;

    @Test
    void anAdminCreatesAPolicyThroughTheFormAndSeesItCoverTheQueue() {
        GroupRef web = routing.groupByCode("web").orElseThrow();
        Page page = browser.signIn("admin", "admin");

        browser.step(page, "opens-the-form", () -> {
            page.navigate(browser.url("/agent/sla/policies"));
            page.locator("#new-policy").click();
            assertThat(page).hasURL(Pattern.compile("/agent/sla/policies/new$"));
            assertThat(page.locator("h1")).hasText("Новая политика SLA");
        });
        browser.step(page, "refused-at-the-fields", () -> {
            page.locator("#queue").selectOption(new SelectOption().setValue("group:" + web.id()));
            page.locator("#priority").selectOption("URGENT");
            page.locator("#firstResponse").fill("два");
            page.locator("#policy-form button[type=submit]").click();
            assertThat(page.locator("#name")).hasClass(Pattern.compile(".*is-invalid.*"));
            assertThat(page.locator("#name-error")).isVisible();
            assertThat(page.locator("#firstResponse-error")).hasText("«два» — не число");
            assertThat(page.locator("#firstResponse-error")).isVisible();
            assertThat(page.locator("#firstResponse")).hasValue("два");
            assertThat(page.locator("#queue")).hasValue("group:" + web.id());
        });
        browser.step(page, "saved", () -> {
            page.locator("#name").fill("Браузер: срочные веб");
            page.locator("#firstResponse").fill("2");
            page.locator("#firstResponseUnit").selectOption("HOURS");
            page.locator("#resolution").fill("3");
            page.locator("#resolutionUnit").selectOption("DAYS");
            page.locator("#raisePriority").check();
            page.locator("#notifyAssignee").check();
            page.locator("#policy-form button[type=submit]").click();
            assertThat(page.locator("#flash-success")).containsText("Политика «Браузер: срочные веб» сохранена");
        });
        SlaPolicyView saved = levels.policies(users.userByLogin("admin").orElseThrow().toActor()).stream()
                .filter(p -> p.name().equals("Браузер: срочные веб")).findFirst().orElseThrow();
        browser.step(page, "listed-and-covering-its-queue", () -> {
            Locator row = page.locator("#policy-" + saved.id());
            assertThat(row).containsText("2 ч");
            assertThat(row).containsText("3 раб. дн.");
            assertThat(row).containsText("Веб-интерфейс · Срочный");
            Locator queue = page.locator("#coverage tr", new Page.LocatorOptions().setHasText("Веб-интерфейс"));
            assertThat(queue.locator("a[href='#policy-" + saved.id() + "']")).hasCount(1);
        });
        browser.step(page, "opens-in-its-units", () -> {
            page.locator("#edit-" + saved.id()).click();
            assertThat(page.locator("#firstResponse")).hasValue("2");
            assertThat(page.locator("#firstResponseUnit")).hasValue("HOURS");
            assertThat(page.locator("#resolutionUnit")).hasValue("DAYS");
            assertThat(page.locator("#raisePriority")).isChecked();
        });
        org.assertj.core.api.Assertions.assertThat(saved.priority()).isEqualTo(Priority.URGENT);
        org.assertj.core.api.Assertions.assertThat(saved.firstResponseMinutes()).isEqualTo(120);
        org.assertj.core.api.Assertions.assertThat(saved.resolutionDays()).isEqualTo(3);
    }
}
