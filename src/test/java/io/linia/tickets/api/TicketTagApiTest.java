package io.linia.tickets.api;

import static io.linia.support.ApiClient.body;
import static io.linia.support.ApiFixtures.expect;
import static io.linia.support.ApiFixtures.path;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.linia.accounts.UserAdministration;
import io.linia.accounts.UserDirectory;
import io.linia.support.ApiClient;
import io.linia.support.ApiFixtures;
import io.linia.support.ApiResponse;
import io.linia.support.StoreTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Tags over the API: on tickets (staff who work the ticket), in lists (staff see them, may filter by
 * them; customers neither), and on customers. Tags are stored as {@code io.linia.shared.Tags} says:
 * lower case, ё as е, one word of letters, digits and - _ . up to 40.
 */
@StoreTest
class TicketTagApiTest {

    @LocalServerPort
    int port;

    @Autowired
    UserAdministration administration;

    @Autowired
    UserDirectory directory;

    ApiFixtures fx;
    final List<String> created = new ArrayList<>();

    @BeforeEach
    void setUp() {
        fx = new ApiFixtures(port, administration, directory);
    }

    @AfterEach
    void takeOwnTicketsOutOfTheQueues() {
        created.forEach(fx::finish);
    }

    private String newTicket(String customer, String subject) {
        String number = fx.ticketOf(customer, subject).path("number").asText();
        created.add(number);
        return number;
    }

    private static String tags(String number) {
        return path(number, "tags");
    }

    private static String tag(String number, String tag) {
        return tags(number) + "/" + URLEncoder.encode(tag, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static List<String> tagsOf(JsonNode node) {
        return StreamSupport.stream(node.path("tags").spliterator(), false).map(JsonNode::asText).toList();
    }

    private static List<String> historyOf(JsonNode ticket, String action) {
        return StreamSupport.stream(ticket.path("history").spliterator(), false)
                .filter(h -> action.equals(h.path("action").asText())).map(h -> h.path("detail").asText()).toList();
    }

    private long idOf(String number) {
        return fx.get("lead", number).path("id").asLong();
    }

    /** A tag no other test (or earlier run on the same database) uses. */
    private static String uniqueTag(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static JsonNode assertInvalidTag(ApiResponse response) {
        assertThat(response.status()).as("%s", response).isEqualTo(400);
        assertThat(response.mediaType()).isEqualTo("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.path("type").asText()).endsWith("/invalid-input");
        assertThat(problem.path("field").asText()).as("%s", response).isEqualTo("tag");
        assertThat(problem.path("errors")).extracting(e -> e.path("field").asText()).containsExactly("tag");
        assertThat(problem.path("detail").asText()).contains("40");
        return problem;
    }

    // ------------------------------------------------------------------ ticket tags

    @Test
    void agentPutsTagsOnInLowerCaseAndTakesThemOffEachRecordedInTheHistory() {
        String number = newTicket(fx.newCustomer(), "tags on and off");
        ApiClient l1 = fx.as("l1");

        JsonNode first = expect(l1.post(tags(number), body("tag", "  VIP ")), 200);
        assertThat(tagsOf(first)).containsExactly("vip");
        assertThat(first.path("mayTag").asBoolean()).isTrue();
        JsonNode second = expect(l1.post(tags(number), body("tag", "Ёлка-2026")), 200);
        assertThat(tagsOf(second)).as("alphabetical; ё folded to е").containsExactly("vip", "елка-2026");
        assertThat(second.path("version").asLong()).isGreaterThan(first.path("version").asLong());
        assertThat(historyOf(second, "TAGGED")).containsExactly("vip", "елка-2026");

        JsonNode afterRemoval = expect(l1.delete(tag(number, "VIP")), 200);
        assertThat(tagsOf(afterRemoval)).containsExactly("елка-2026");
        assertThat(historyOf(afterRemoval, "UNTAGGED")).containsExactly("vip");
        JsonNode allGone = expect(l1.delete(tag(number, "ёлка-2026")), 200);
        assertThat(tagsOf(allGone)).isEmpty();
        assertThat(historyOf(allGone, "UNTAGGED")).containsExactly("vip", "елка-2026");
        assertThat(tagsOf(fx.get("lead", number))).isEmpty();
    }

    @Test
    void aTagTheTicketHasAlreadyOrOneItLacksChangesNothing() {
        String number = newTicket(fx.newCustomer(), "duplicates");
        ApiClient l1 = fx.as("l1");
        JsonNode tagged = expect(l1.post(tags(number), body("tag", "outage.0412")), 200);

        JsonNode again = expect(l1.post(tags(number), body("tag", "OUTAGE.0412")), 200);
        JsonNode absent = expect(l1.delete(tag(number, "never-there")), 200);

        for (JsonNode after : List.of(again, absent)) {
            assertThat(tagsOf(after)).containsExactly("outage.0412");
            assertThat(after.path("version").asLong()).isEqualTo(tagged.path("version").asLong());
            assertThat(after.path("history")).isEqualTo(tagged.path("history"));
        }
        assertThat(historyOf(again, "TAGGED")).containsExactly("outage.0412");
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", "   ", "two words", "a/b", "-leading-dash", "<b>x</b>", "vip!",
            "x12345678901234567890123456789012345678901"})
    void aBadTagIsRefusedNamingTheFieldAndChangesNothing(String bad) {
        String number = newTicket("customer", "bad tag");
        JsonNode before = fx.get("lead", number);

        assertInvalidTag(fx.as("l1").post(tags(number), body("tag", bad)));
        if (!bad.isBlank() && !bad.contains("/")) { // an encoded slash in a path is refused by the server itself
            assertInvalidTag(fx.as("l1").delete(tag(number, bad)));
        }

        JsonNode after = fx.get("lead", number);
        assertThat(tagsOf(after)).isEmpty();
        assertThat(after.path("version").asLong()).isEqualTo(before.path("version").asLong());
        assertThat(after.path("history")).isEqualTo(before.path("history"));
    }

    @Test
    void aMissingTagOrBodyIsRefusedNamingTheField() {
        String number = newTicket("customer", "no tag");
        assertInvalidTag(fx.as("l1").post(tags(number), body("tag", null)));
        assertInvalidTag(fx.as("l1").post(tags(number), body()));
        ApiResponse noBody = fx.as("l1").post(tags(number), null);
        assertThat(noBody.status()).isEqualTo(400);
        assertThat(noBody.json().path("field").asText()).isEqualTo("body");
        ApiResponse longest = fx.as("l1").post(tags(number), body("tag", "x".repeat(40)));
        assertThat(tagsOf(expect(longest, 200))).containsExactly("x".repeat(40));
    }

    @Test
    void theCustomerMayNotTagTheirTicketAndNeverSeesItsTags() {
        String customer = fx.newCustomer();
        String number = newTicket(customer, "customer and tags");
        expect(fx.as("l1").post(tags(number), body("tag", "difficult")), 200);

        ApiResponse refused = fx.as(customer).post(tags(number), body("tag", "mine"));
        assertThat(refused.status()).as("%s", refused).isEqualTo(403);
        assertThat(refused.problemType()).isEqualTo("forbidden");
        assertThat(fx.as(customer).delete(tag(number, "difficult")).status()).isEqualTo(403);

        JsonNode seen = expect(fx.as(customer).get("/api/v1/tickets/" + number), 200);
        assertThat(tagsOf(seen)).isEmpty();
        assertThat(seen.path("mayTag").asBoolean()).isFalse();
        assertThat(seen.toString()).doesNotContain("difficult");
        JsonNode list = expect(fx.as(customer).get("/api/v1/tickets?size=50"), 200);
        assertThat(list.path("items")).extracting(i -> i.path("subject").asText()).containsExactly("customer and tags");
        assertThat(list.toString()).doesNotContain("difficult");
        ApiResponse probe = fx.as(customer).get("/api/v1/tickets?tag=difficult");
        assertThat(probe.status()).as("a customer may not probe for tags").isEqualTo(403);
        assertThat(probe.mediaType()).isEqualTo("application/problem+json");
        assertThat(tagsOf(fx.get("lead", number))).containsExactly("difficult");
    }

    @Test
    void staffWhoMayReadButNotWorkTheTicketAreRefusedAndOthersDoNotFindIt() {
        String number = newTicket("customer", "read but not work");
        JsonNode asAdmin = expect(fx.as("admin").get("/api/v1/tickets/" + number), 200);
        assertThat(asAdmin.path("mayTag").asBoolean()).isFalse();

        ApiResponse admin = fx.as("admin").post(tags(number), body("tag", "audit"));
        assertThat(admin.status()).isEqualTo(403);
        assertThat(admin.json().path("detail").asText()).isNotBlank();
        assertThat(fx.as("l2").post(tags(number), body("tag", "audit")).status())
                .as("a second-line agent does not see a first-line ticket").isEqualTo(404);
        assertThat(fx.as("olga").post(tags(number), body("tag", "audit")).status()).isEqualTo(404);
        assertThat(fx.as("l1").post(tags("L-987654321"), body("tag", "audit")).status()).isEqualTo(404);
        assertThat(tagsOf(fx.get("lead", number))).isEmpty();
    }

    @Test
    void aClosedTicketKeepsItsTags() {
        String number = newTicket("customer", "closed with a tag");
        expect(fx.as("l1").post(tags(number), body("tag", "kept")), 200);
        expect(fx.as("l1").post(path(number, "close"), body("reason", "DUPLICATE")), 200);

        ApiResponse refused = fx.as("l1").post(tags(number), body("tag", "late"));
        assertThat(refused.status()).as("%s", refused).isEqualTo(409);
        assertThat(fx.as("l1").delete(tag(number, "kept")).status()).isEqualTo(409);
        JsonNode closed = fx.get("l1", number);
        assertThat(tagsOf(closed)).containsExactly("kept");
        assertThat(closed.path("mayTag").asBoolean()).isFalse();
    }

    // ------------------------------------------------------------------ lists

    @Test
    void theListFiltersByTagInAnyCaseAndPagesThroughTheTaggedTicketsOnly() {
        String tag = uniqueTag("batch");
        String customer = fx.newCustomer();
        String a = newTicket(customer, "tagged a");
        String untagged = newTicket(customer, "not tagged");
        String b = newTicket(customer, "tagged b");
        String c = newTicket(customer, "tagged c");
        for (String number : List.of(a, b, c)) {
            expect(fx.as("l1").post(tags(number), body("tag", tag)), 200);
        }
        expect(fx.as("l1").post(tags(b), body("tag", "second-" + tag)), 200);
        expect(fx.as("l1").post(tags(untagged), body("tag", "other-" + tag)), 200);

        List<JsonNode> found = fx.listAll(fx.as("l1"), Map.of("tag", tag.toUpperCase()), 2);

        assertThat(found).extracting(i -> i.path("id").asLong()).as("creation order, over two pages")
                .containsExactly(idOf(a), idOf(b), idOf(c));
        assertThat(found.get(1).path("tags")).extracting(JsonNode::asText).containsExactly(tag, "second-" + tag);
        assertThat(fx.listAll(fx.as("lead"), Map.of("tag", tag, "state", "NEW"), 50)).hasSize(3);
        assertThat(fx.listAll(fx.as("l2"), Map.of("tag", tag), 50))
                .as("the filter keeps to what the caller may see: first-line tickets are not a second-line agent's").isEmpty();
        assertThat(fx.listAll(fx.as("lead"), Map.of("tag", uniqueTag("nobody")), 50)).isEmpty();
        assertInvalidTag(fx.as("l1").get("/api/v1/tickets", Map.of("tag", "not a tag")));
        assertThat(fx.listAll(fx.as("lead"), Map.of("tag", " ", "customer", fx.userId(customer)), 50))
                .as("a blank tag is no filter").hasSize(4);
    }

    @Test
    void queueRowsCarryTheirTagsForStaff() {
        String tag = uniqueTag("queue");
        String number = newTicket("customer", "queued with a tag");
        expect(fx.as("l1").post(tags(number), body("tag", tag)), 200);

        long id = idOf(number);
        JsonNode queue = expect(fx.as("l1").get("/api/v1/tickets/queue/first-line?limit=500"), 200);

        JsonNode row = StreamSupport.stream(queue.spliterator(), false)
                .filter(r -> r.path("id").asLong() == id).findFirst().orElseThrow();
        assertThat(row.path("tags")).extracting(JsonNode::asText).containsExactly(tag);
        assertThat(StreamSupport.stream(queue.spliterator(), false).filter(r -> r.path("id").asLong() != id))
                .allSatisfy(r -> assertThat(r.path("tags").isArray()).isTrue());
    }

    // ------------------------------------------------------------------ customer tags

    private static String customerTags(long userId) {
        return "/api/v1/customers/" + userId + "/tags";
    }

    @Test
    void staffPutTagsOnCustomersInLowerCaseAndTakeThemOff() {
        long customer = fx.userId(fx.newCustomer());
        ApiClient l2 = fx.as("l2");

        assertThat(expect(l2.get(customerTags(customer)), 200).path("tags")).isEmpty();
        JsonNode added = expect(l2.post(customerTags(customer), body("tag", "Юрлицо")), 200);
        assertThat(added.path("userId").asLong()).isEqualTo(customer);
        assertThat(tagsOf(added)).containsExactly("юрлицо");
        expect(fx.as("admin").post(customerTags(customer), body("tag", "VIP")), 200);
        JsonNode duplicate = expect(l2.post(customerTags(customer), body("tag", "vip")), 200);
        assertThat(tagsOf(duplicate)).containsExactly("vip", "юрлицо");
        assertThat(tagsOf(expect(fx.as("lead").get(customerTags(customer)), 200))).containsExactly("vip", "юрлицо");

        assertThat(tagsOf(expect(l2.delete(customerTags(customer) + "/VIP"), 200))).containsExactly("юрлицо");
        assertThat(tagsOf(expect(l2.delete(customerTags(customer) + "/absent"), 200))).containsExactly("юрлицо");
    }

    @Test
    void theOpenApiDocumentDescribesTheTagEndpoints() {
        JsonNode paths = expect(fx.anonymous().get("/v3/api-docs"), 200).path("paths");

        assertThat(paths.path("/api/v1/tickets/{number}/tags").has("post")).isTrue();
        assertThat(paths.path("/api/v1/tickets/{number}/tags/{tag}").has("delete")).isTrue();
        assertThat(paths.path("/api/v1/customers/{userId}/tags").has("get")).isTrue();
        assertThat(paths.path("/api/v1/customers/{userId}/tags").has("post")).isTrue();
        assertThat(paths.path("/api/v1/customers/{userId}/tags/{tag}").has("delete")).isTrue();
        assertThat(paths.path("/api/v1/tickets").path("get").path("parameters"))
                .extracting(p -> p.path("name").asText()).contains("tag");
        assertThat(paths.path("/api/v1/customers/{userId}/tags").path("post").path("tags"))
                .extracting(JsonNode::asText).containsExactly("Customers");
    }

    @Test
    void customerTagsAreForStaffOnlyAndBadInputIsRefused() {
        String login = fx.newCustomer();
        long customer = fx.userId(login);
        expect(fx.as("l1").post(customerTags(customer), body("tag", "watch")), 200);

        for (ApiResponse refused : List.of(fx.as(login).get(customerTags(customer)),
                fx.as(login).post(customerTags(customer), body("tag", "me")),
                fx.as(login).delete(customerTags(customer) + "/watch"),
                fx.as("olga").get(customerTags(customer)))) {
            assertThat(refused.status()).as("%s", refused).isEqualTo(403);
            assertThat(refused.mediaType()).isEqualTo("application/problem+json");
        }
        assertThat(fx.anonymous().get(customerTags(customer)).status()).isEqualTo(401);
        assertInvalidTag(fx.as("l1").post(customerTags(customer), body("tag", "two words")));
        assertInvalidTag(fx.as("l1").delete(customerTags(customer) + "/two%20words"));
        for (ApiResponse missing : List.of(fx.as("l1").get(customerTags(987_654_321L)),
                fx.as("l1").post(customerTags(987_654_321L), body("tag", "vip")))) {
            assertThat(missing.status()).as("%s", missing).isEqualTo(404);
            assertThat(missing.problemType()).isEqualTo("not-found");
        }
        ApiResponse typo = fx.as("l1").get("/api/v1/customers/abc/tags");
        assertThat(typo.status()).isEqualTo(400);
        assertThat(typo.json().path("field").asText()).isEqualTo("userId");
        assertThat(tagsOf(expect(fx.as("l1").get(customerTags(customer)), 200))).containsExactly("watch");
    }
}
