package io.linia;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import io.linia.accounts.Actor;
import io.linia.accounts.Role;
import io.linia.accounts.UserAdministration;
import io.linia.accounts.UserCommand;
import io.linia.accounts.UserDirectory;
import io.linia.automation.AutomationRules;
import io.linia.automation.RuleNotices;
import io.linia.support.BrowserSession;
import io.linia.tickets.Channel;
import io.linia.tickets.Line;
import io.linia.tickets.TicketCommands;
import io.linia.tickets.TicketService;
import io.linia.tickets.TicketView;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * An admin builds an automation rule in a real browser: each row offers only the values of the field
 * chosen in it (a text box for words, a list for groups), the idle time shows only for idle rules, the
 * notice's text only for "notify"; the saved rule acts on the next ticket and its notice lights the team
 * lead's bell. (Shares its context with the other browser tests of the same configuration; the rule
 * matches only this test's own word and is deleted at the end.)
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "linia.demo.tickets=false")
@ActiveProfiles("test")
class RuleFormBrowserTest {

    @RegisterExtension
    static final BrowserSession browser = new BrowserSession();

    @Autowired TicketService tickets;
    @Autowired UserDirectory users;
    @Autowired AutomationRules rules;
    @Autowired RuleNotices notices;
    @Autowired UserAdministration administration;

    @Test
    void anAdminBuildsARuleRowByRowAndItNotifiesTheTeamLead() {
        Actor admin = users.userByLogin("admin").orElseThrow().toActor();
        Actor lead = users.userByLogin("lead").orElseThrow().toActor();
        notices.markAllRead(lead);
        String word = "пароль" + UUID.randomUUID().toString().substring(0, 6);
        String[] number = new String[1];
        try {
            Page page = browser.signIn("admin", "admin");
            browser.step(page, "form-adapts-to-each-row", () -> {
                page.navigate(browser.url("/agent/automation/new"));
                assertThat(page.locator("#idle-box")).isHidden();
                page.selectOption("#trigger", "IDLE");
                assertThat(page.locator("#idle-box")).isVisible();
                page.selectOption("#trigger", "CREATED");
                assertThat(page.locator("#idle-box")).isHidden();

                page.selectOption("#c0-kind", "TEXT");
                assertThat(page.locator("#c0-word")).isVisible();
                assertThat(page.locator("#c0-choice")).isHidden();
                assertThat(page.locator("#c0-operator")).hasValue("CONTAINS");
                page.fill("#c0-word", "не могу войти | " + word);

                page.selectOption("#c1-kind", "GROUP");
                assertThat(page.locator("#c1-word")).isHidden();
                assertThat(page.locator("#c1-choice")).isVisible();
                assertThat(page.locator("#c1-choice option[value='CHANNEL:WEB']")).isHidden();
                page.selectOption("#c1-choice", "GROUP:none");

                page.selectOption("#a0-kind", "NOTIFY");
                assertThat(page.locator("#a0-text")).isVisible();
                page.selectOption("#a0-choice", "NOTIFY:TEAM_LEADS");
                page.fill("#a0-text", "Клиент не может войти");
                page.selectOption("#a1-kind", "ADD_TAG");
                assertThat(page.locator("#a1-text")).isHidden();
                page.fill("#a1-word", "вход");
                page.fill("#name", "Не может войти (браузер)");
            });
            browser.step(page, "saved", () -> {
                page.locator("#save-rule").click();
                assertThat(page.locator("#flash-success")).containsText("Правило сохранено");
                page.navigate(browser.url("/agent/automation"));
                assertThat(page.locator("#rules")).containsText("Не может войти (браузер)");
                assertThat(page.locator("#rules")).containsText("Клиент не может войти");
            });

            // a customer of this test's own: the other browser tests of this context expect theirs to have no requests
            String login = "rule-" + UUID.randomUUID().toString().substring(0, 8);
            Actor customer = administration.createUser(new UserCommand(login, login + "@example.org", "Клиент " + login,
                    BrowserSession.PASSWORD, Set.of(Role.CUSTOMER), Set.of(), "ru", true)).toActor();
            TicketView created = tickets.create(customer, new TicketCommands.NewTicket("Вход", "Не подходит " + word, null, null,
                    null, null), Channel.WEB);
            number[0] = created.number();
            TicketView t = tickets.get(admin, created.number());
            org.assertj.core.api.Assertions.assertThat(t.tags()).contains("вход");
            org.assertj.core.api.Assertions.assertThat(t.line()).isEqualTo(Line.FIRST);
            org.assertj.core.api.Assertions.assertThat(created.tags()).as("customers never see tags").isEmpty();

            Page leadPage = browser.signIn("lead", "lead");
            browser.step(leadPage, "bell", () -> {
                assertThat(leadPage.locator("#notices-unread")).hasText("1");
                leadPage.locator("#nav-notices").click();
                assertThat(leadPage.locator("#rule-notices")).containsText(t.number());
                assertThat(leadPage.locator("#rule-notices")).containsText("Клиент не может войти");
            });
        } finally {
            if (number[0] != null) {
                // out of the first-line queue: the other browser tests of this context count its rows
                tickets.close(users.userByLogin("l1").orElseThrow().toActor(), number[0],
                        new TicketCommands.Close(io.linia.tickets.CloseReason.DUPLICATE, null, null));
            }
            rules.list(admin).stream().filter(r -> r.name().equals("Не может войти (браузер)"))
                    .forEach(r -> rules.delete(admin, r.id(), null));
        }
    }
}
