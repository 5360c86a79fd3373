package io.linia.tickets.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.linia.accounts.Actor;
import io.linia.accounts.CustomerTags;
import io.linia.accounts.UserDirectory;
import io.linia.support.StoreTest;
import io.linia.support.WebSession;
import io.linia.tickets.Channel;
import io.linia.tickets.TicketCommands;
import io.linia.tickets.TicketService;
import io.linia.tickets.TicketView;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The tag blocks of the agent's ticket page over real HTTP, as htmx posts them (GET the page first for
 * the CSRF token): the block comes back alone with the change, a bad tag with its message at the
 * input and nothing changed, a refusal with its reason; lists show and filter by tags; the portal
 * never shows them.
 */
@StoreTest
class TicketTagPagesTest {

    @LocalServerPort
    int port;

    @Autowired
    TicketService tickets;

    @Autowired
    UserDirectory users;

    @Autowired
    CustomerTags customerTags;

    private Actor actor(String login) {
        return users.userByLogin(login).orElseThrow().toActor();
    }

    private TicketView newTicket(String subject) {
        return tickets.create(actor("customer"), new TicketCommands.NewTicket(subject, "Текст обращения", null, null, null, null),
                Channel.WEB);
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String page(TicketView t) {
        return "/agent/tickets/" + t.number();
    }

    /** The ticket's tag block of a change's answer, without the history that comes along out of band. */
    private static String block(HttpResponse<String> response) {
        String body = response.body();
        int history = body.indexOf("<table");
        return history < 0 ? body : body.substring(0, history);
    }

    /** The tag badge of {@code tag} inside the block with this id. */
    private static Pattern badgeIn(String blockId, String tag) {
        return Pattern.compile("id=\"" + blockId + "\".*data-tag=\"" + Pattern.quote(tag) + "\"", Pattern.DOTALL);
    }

    @Test
    void anAgentAddsATagAndGetsTheBlockBackAloneWithItThenRemovesIt() {
        TicketView t = newTicket("Метки на заявке");
        WebSession l1 = WebSession.signedIn(port, "l1");
        HttpResponse<String> ticketPage = l1.get(page(t));
        assertThat(ticketPage.statusCode()).isEqualTo(200);
        assertThat(ticketPage.body()).contains("id=\"ticket-tags\"").contains("id=\"tag-input\"")
                .contains("hx-post=\"/agent/tickets/" + t.number() + "/tags\"").contains("tag-none");

        HttpResponse<String> added = l1.htmxPost(page(t) + "/tags", Map.of("tag", "  VIP "));

        assertThat(added.statusCode()).isEqualTo(200);
        assertThat(added.body().strip()).as("only the block, for htmx to swap").startsWith("<div").doesNotContain("<html");
        assertThat(block(added)).contains("id=\"ticket-tags\"").contains("data-tag=\"vip\"").contains("autofocus")
                .contains("name=\"_csrf\"").contains("Снять метку «vip»");
        assertThat(added.body()).as("the history comes along, swapped by its id")
                .containsPattern("<table[^>]*id=\"history\"[^>]*hx-swap-oob=\"true\"|<table[^>]*hx-swap-oob=\"true\"[^>]*id=\"history\"")
                .containsPattern(Pattern.compile("data-action=\"TAGGED\".*?data-tag=\"vip\"", Pattern.DOTALL));
        assertThat(tickets.get(actor("lead"), t.number()).tags()).containsExactly("vip");

        HttpResponse<String> second = l1.htmxPost(page(t) + "/tags", Map.of("tag", "Ёлка"));
        assertThat(block(second)).containsPattern(Pattern.compile("data-tag=\"vip\".*data-tag=\"елка\"", Pattern.DOTALL));

        HttpResponse<String> removed = l1.htmxPost(page(t) + "/tags/remove", Map.of("tag", "vip"));
        assertThat(removed.statusCode()).isEqualTo(200);
        assertThat(block(removed)).doesNotContain("data-tag=\"vip\"").contains("data-tag=\"елка\"");
        assertThat(removed.body()).containsPattern(Pattern.compile("data-action=\"UNTAGGED\".*?data-tag=\"vip\"", Pattern.DOTALL));
        assertThat(tickets.get(actor("lead"), t.number()).tags()).containsExactly("елка");

        String history = l1.get(page(t)).body();
        assertThat(history).as("the history names each tag")
                .containsPattern(Pattern.compile("data-action=\"TAGGED\".*?Метка добавлена.*?data-tag=\"vip\"", Pattern.DOTALL))
                .containsPattern(Pattern.compile("data-action=\"UNTAGGED\".*?Метка снята.*?text-decoration-line-through[^>]*data-tag=\"vip\"", Pattern.DOTALL));
    }

    @Test
    void theBlocksSpeakEnglishWhenThePersonChoseIt() {
        TicketView t = newTicket("English tags");
        WebSession l1 = WebSession.signedIn(port, "l1");
        assertThat(l1.get(page(t) + "?lang=en").body()).contains(">Tags<").contains(">Customer tags<")
                .contains("placeholder=\"tag…\"").contains("aria-label=\"New ticket tag\"");

        HttpResponse<String> refused = l1.htmxPost(page(t) + "/tags", Map.of("tag", "two words"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(block(refused)).contains("A tag is one word of letters, digits and - _ . (at most 40 characters)");
        assertThat(block(l1.htmxPost(page(t) + "/tags", Map.of("tag", "en")))).contains("Remove tag &quot;en&quot;");
    }

    @Test
    void aBadTagShowsItsMessageAtTheInputKeepsTheTextAndChangesNothing() {
        TicketView t = newTicket("Плохая метка");
        WebSession l1 = WebSession.signedIn(port, "l1");
        l1.get(page(t));

        HttpResponse<String> refused = l1.htmxPost(page(t) + "/tags", Map.of("tag", "две метки"));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).containsPattern("<input[^>]*id=\"tag-input\"[^>]*is-invalid")
                .containsPattern("id=\"tag-error\"[^>]*>Метка — одно слово из букв, цифр и знаков - _ \\. \\(не длиннее 40 символов\\)")
                .contains("value=\"две метки\"").contains("aria-invalid=\"true\"");
        TicketView after = tickets.get(actor("lead"), t.number());
        assertThat(after.tags()).isEmpty();
        assertThat(after.version()).isEqualTo(t.version());
    }

    @Test
    void staffWhoMayNotWorkTheTicketSeeItsTagsReadOnlyAndTheirPostIsRefusedWithTheReason() {
        TicketView t = newTicket("Только чтение");
        tickets.tag(actor("l1"), t.number(), "read-only");
        WebSession admin = WebSession.signedIn(port, "admin");

        String shown = admin.get(page(t)).body();
        assertThat(shown).containsPattern(badgeIn("ticket-tags", "read-only"))
                .contains("Метки меняют сотрудники, которые работают с этой заявкой")
                .doesNotContain("id=\"tag-input\"").doesNotContain("/tags/remove");

        HttpResponse<String> refused = admin.htmxPost(page(t) + "/tags", Map.of("tag", "admin-was-here"));

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("id=\"tag-problem\"").contains("role=\"alert\"")
                .contains("Эта заявка не в вашей очереди").contains("data-tag=\"read-only\"");
        assertThat(tickets.get(actor("lead"), t.number()).tags()).containsExactly("read-only");
    }

    @Test
    void aClosedTicketShowsItsTagsReadOnly() {
        TicketView t = newTicket("Закрытая с меткой");
        tickets.tag(actor("l1"), t.number(), "closed-one");
        tickets.close(actor("l1"), t.number(), new TicketCommands.Close(io.linia.tickets.CloseReason.DUPLICATE, null, null));
        WebSession l1 = WebSession.signedIn(port, "l1");

        assertThat(l1.get(page(t)).body()).contains("Заявка закрыта: её метки больше не меняются")
                .doesNotContain("id=\"tag-input\"");
        HttpResponse<String> refused = l1.htmxPost(page(t) + "/tags/remove", Map.of("tag", "closed-one"));
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("id=\"tag-problem\"");
        assertThat(tickets.get(actor("lead"), t.number()).tags()).containsExactly("closed-one");
    }

    @Test
    void aPostWithoutTheCsrfTokenIsRefusedAndChangesNothing() {
        TicketView t = newTicket("Без CSRF");
        WebSession l1 = WebSession.signedIn(port, "l1");

        HttpResponse<String> refused = l1.postRaw(page(t) + "/tags", Map.of("tag", "forged"));

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(tickets.get(actor("lead"), t.number()).tags()).isEmpty();
    }

    @Test
    void withoutScriptTheFormPostsAndThePageComesBackWithTheOutcome() {
        TicketView t = newTicket("Без скриптов");
        WebSession l1 = WebSession.signedIn(port, "l1");
        l1.get(page(t));

        HttpResponse<String> posted = l1.post(page(t) + "/tags", Map.of("tag", "Plain"));

        assertThat(posted.statusCode()).isEqualTo(302);
        assertThat(posted.headers().firstValue("Location").orElseThrow()).endsWith(page(t));
        assertThat(l1.get(page(t)).body()).contains("Метка «plain» добавлена").containsPattern(badgeIn("ticket-tags", "plain"));
        HttpResponse<String> bad = l1.post(page(t) + "/tags", Map.of("tag", "a b"));
        assertThat(bad.statusCode()).isEqualTo(302);
        assertThat(l1.get(page(t)).body()).contains("Метка — одно слово");
        assertThat(tickets.get(actor("lead"), t.number()).tags()).containsExactly("plain");
    }

    @Test
    void theCustomersTagsAreShownBesideTheirNameAndChangedTheSameWay() {
        TicketView t = newTicket("Метки клиента");
        long customer = t.customerId();
        String tag = unique("юрлицо");
        WebSession l2 = WebSession.signedIn(port, "l1");
        assertThat(l2.get(page(t)).body()).contains("id=\"customer-tags\"").contains("id=\"customer-tag-input\"");

        HttpResponse<String> added = l2.htmxPost(page(t) + "/customer-tags", Map.of("tag", tag.toUpperCase()));

        assertThat(added.statusCode()).isEqualTo(200);
        assertThat(added.body()).startsWith("<div").contains("id=\"customer-tags\"").contains("data-tag=\"" + tag + "\"");
        assertThat(customerTags.tags(customer)).contains(tag);
        assertThat(l2.get(page(t)).body()).containsPattern(badgeIn("customer-tags", tag));

        HttpResponse<String> bad = l2.htmxPost(page(t) + "/customer-tags", Map.of("tag", "не метка!"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).containsPattern("<input[^>]*id=\"customer-tag-input\"[^>]*is-invalid")
                .contains("id=\"customer-tag-error\"").contains("value=\"не метка!\"");

        HttpResponse<String> removed = l2.htmxPost(page(t) + "/customer-tags/remove", Map.of("tag", tag));
        assertThat(removed.statusCode()).isEqualTo(200);
        assertThat(removed.body()).doesNotContain("data-tag=\"" + tag + "\"");
        assertThat(customerTags.tags(customer)).doesNotContain(tag);
    }

    @Test
    void aTicketOutOfSightAnswersNotFoundAndTagsNobody() {
        TicketView t = newTicket("Не моя заявка");
        WebSession l2 = WebSession.signedIn(port, "l2");
        l2.get("/agent/mine");

        HttpResponse<String> refused = l2.htmxPost(page(t) + "/customer-tags", Map.of("tag", "sneaky"));

        assertThat(refused.statusCode()).isEqualTo(404);
        assertThat(refused.body()).contains("не найдена").doesNotContain("Не моя заявка");
        assertThat(customerTags.tags(t.customerId())).doesNotContain("sneaky");
    }

    @Test
    void queuesAndListsShowTagsAndTheListFiltersByTag() {
        String tag = unique("list");
        TicketView tagged = newTicket("С меткой для списка");
        TicketView other = newTicket("Без метки для списка");
        tickets.tag(actor("l1"), tagged.number(), tag);
        WebSession l1 = WebSession.signedIn(port, "l1");

        assertThat(l1.get("/agent/queue/first").body())
                .containsPattern(Pattern.compile("data-number=\"" + tagged.number() + "\".*?data-tag=\"" + tag + "\"", Pattern.DOTALL));

        HttpResponse<String> filtered = l1.get("/agent/tickets?tag=" + URLEncoder.encode(tag.toUpperCase(), StandardCharsets.UTF_8));
        assertThat(filtered.statusCode()).isEqualTo(200);
        assertThat(filtered.body()).contains(tagged.number()).doesNotContain(other.number())
                .contains("id=\"list-tag-filter\"").contains("value=\"" + tag + "\"");

        HttpResponse<String> bad = l1.get("/agent/tickets?tag=" + URLEncoder.encode("две метки", StandardCharsets.UTF_8));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).containsPattern("<input[^>]*id=\"f-tag\"[^>]*is-invalid|<input[^>]*is-invalid[^>]*id=\"f-tag\"")
                .contains("id=\"f-tag-error\"").doesNotContain(tagged.number());
    }

    @Test
    void theCustomerNeverSeesTagsOnThePortal() {
        String tag = unique("secret");
        TicketView t = newTicket("Портал без меток");
        tickets.tag(actor("l1"), t.number(), tag);
        customerTags.add(actor("l1"), t.customerId(), tag);
        WebSession customer = WebSession.signedIn(port, "customer");

        assertThat(customer.get("/portal/tickets/" + t.number()).body()).contains("Портал без меток").doesNotContain(tag);
        assertThat(customer.get("/portal").body()).doesNotContain(tag);
        assertThat(customer.get(page(t)).statusCode()).as("the agent's page is closed to customers").isIn(302, 403);
        customerTags.remove(actor("l1"), t.customerId(), tag);
    }
}
