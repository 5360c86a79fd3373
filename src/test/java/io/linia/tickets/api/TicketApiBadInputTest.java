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
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Bad input answers 400 with an RFC 9457 problem detail naming the field, and stores nothing;
 * an unknown ticket 404; an illegal transition or a stale version 409. Never a 500.
 */
@StoreTest
class TicketApiBadInputTest {

    private static final String TICKETS = "/api/v1/tickets";
    private static final long UNKNOWN_ID = 987_654_321L;

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

    private String newTicket() {
        String number = fx.ticketOf("customer", "bad input target").path("number").asText();
        created.add(number);
        return number;
    }

    /** 400, problem+json of type invalid-input, naming {@code field} (first and in {@code errors}). */
    private static JsonNode assertInvalid(ApiResponse response, String field) {
        assertThat(response.status()).as("%s", response).isEqualTo(400);
        assertThat(response.mediaType()).as("%s", response).isEqualTo("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.path("type").asText()).endsWith("/invalid-input");
        assertThat(problem.path("status").asInt()).isEqualTo(400);
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(problem.path("detail").asText()).isNotBlank();
        assertThat(problem.path("field").asText()).as("%s", response).isEqualTo(field);
        assertThat(problem.path("errors")).extracting(e -> e.path("field").asText()).contains(field);
        return problem;
    }

    /** No ticket at all was created since {@code since} (the tests of one server run one after another). */
    private void assertNoTicketCreatedSince(Instant since) {
        assertThat(fx.listAll(fx.as("lead"), Map.of("createdFrom", since.toString()), 500)).as("tickets created since %s", since)
                .isEmpty();
    }

    /** The ticket as the team lead sees it. */
    private JsonNode snapshot(String number) {
        return fx.get("lead", number);
    }

    // ------------------------------------------------------------------ creating

    static Stream<Arguments> badNewTickets() {
        String zh = "ж".repeat(32768) + "a"; // 65 537 bytes in UTF-8
        return Stream.of(
                Arguments.of("empty subject", body("subject", "", "body", "text"), "subject"),
                Arguments.of("missing subject", body("body", "text"), "subject"),
                Arguments.of("whitespace-only subject", body("subject", " \t ", "body", "text"), "subject"),
                Arguments.of("subject of 256 characters", body("subject", "s".repeat(256), "body", "text"), "subject"),
                Arguments.of("subject of 256 Cyrillic characters", body("subject", "ж".repeat(256), "body", "text"), "subject"),
                Arguments.of("NUL in the subject", body("subject", "a\u0000b", "body", "text"), "subject"),
                Arguments.of("empty body", body("subject", "s", "body", ""), "body"),
                Arguments.of("whitespace-only body", body("subject", "s", "body", "  \n\t  \r\n "), "body"),
                Arguments.of("body of 65 537 bytes", body("subject", "s", "body", zh), "body"),
                Arguments.of("body of 1 MiB", body("subject", "s", "body", "x".repeat(1 << 20)), "body"),
                Arguments.of("NUL in the body", body("subject", "s", "body", "before\u0000after"), "body"),
                Arguments.of("control character in the body", body("subject", "s", "body", "bell\u0007"), "body"),
                Arguments.of("replacement character in the body", body("subject", "s", "body", "decoded \ufffd badly"), "body"),
                Arguments.of("unknown category", body("subject", "s", "body", "text", "categoryId", UNKNOWN_ID), "categoryId"),
                Arguments.of("wrong priority", body("subject", "s", "body", "text", "priority", "SUPER"), "priority"),
                Arguments.of("category of the wrong type", body("subject", "s", "body", "text", "categoryId", "web"), "categoryId"),
                Arguments.of("someone else's e-mail from a customer",
                        body("subject", "s", "body", "text", "customerEmail", "olga.smirnova@example.ru"), "customerEmail"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badNewTickets")
    void badNewTicketFromACustomerIsRefusedAndNothingIsStored(String what, Map<String, Object> ticket, String field) {
        String customer = fx.newCustomer();

        assertInvalid(fx.as(customer).post(TICKETS, ticket), field);

        assertThat(fx.listAll(fx.as(customer), Map.of(), 50)).as("the customer has no ticket").isEmpty();
    }

    static Stream<Arguments> badTicketsOnBehalf() {
        return Stream.of(
                Arguments.of("invalid e-mail", "not-an-address", "customerEmail"),
                Arguments.of("e-mail without a domain dot", "someone@localhost", "customerEmail"),
                Arguments.of("e-mail with a space", "some one@example.org", "customerEmail"),
                Arguments.of("e-mail longer than 254", "a".repeat(250) + "@example.org", "customerEmail"),
                Arguments.of("no e-mail", null, "customerEmail"),
                Arguments.of("blank e-mail", "  ", "customerEmail"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badTicketsOnBehalf")
    void badCustomerEmailFromStaffIsRefusedAndNoAccountIsCreated(String what, String email, String field) {
        Instant before = Instant.now().minusMillis(1);

        assertInvalid(fx.as("l1").post(TICKETS, body("subject", "on behalf", "body", "text", "customerEmail", email)), field);

        assertNoTicketCreatedSince(before);
        if (email != null && !email.isBlank()) {
            assertThat(directory.userByLogin(email.strip().toLowerCase())).isEmpty();
        }
    }

    @Test
    void unknownCategoryOnBehalfOfANewAddressCreatesNeitherTicketNorAccount() {
        String email = ApiFixtures.uniqueEmail();
        Instant before = Instant.now().minusMillis(1);

        assertInvalid(fx.as("l1").post(TICKETS, body("subject", "s", "body", "text", "customerEmail", email,
                "categoryId", UNKNOWN_ID)), "categoryId");

        assertNoTicketCreatedSince(before);
        assertThat(directory.userByLogin(email)).as("the customer account was rolled back too").isEmpty();
    }

    @Test
    void longestAllowedSubjectAndBodyAreStoredIntact() {
        String customer = fx.newCustomer();
        String subject = "ж".repeat(255);
        String text = "ж".repeat(32767) + "ok"; // exactly 65 536 bytes
        assertThat(text.getBytes(StandardCharsets.UTF_8)).hasSize(65536);

        JsonNode ticket = expect(fx.as(customer).post(TICKETS, body("subject", subject, "body", text)), 201);
        created.add(ticket.path("number").asText());

        JsonNode stored = fx.get(customer, ticket.path("number").asText());
        assertThat(stored.path("subject").asText()).isEqualTo(subject);
        assertThat(stored.path("messages").get(0).path("body").asText()).isEqualTo(text);
        String emoji = "\uD83D\uDE00".repeat(16384); // 65 536 bytes of four-byte characters
        JsonNode withEmoji = expect(fx.as(customer).post(path(ticket.path("number").asText(), "messages"), body("body", emoji)), 201);
        assertThat(withEmoji.path("messages").get(1).path("body").asText()).isEqualTo(emoji);
    }

    // ------------------------------------------------------------------ malformed requests

    private static byte[] bytes(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object part : parts) {
            if (part instanceof String s) {
                out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
            } else {
                out.writeBytes((byte[]) part);
            }
        }
        return out.toByteArray();
    }

    static Stream<Arguments> malformedBodies() {
        return Stream.of(
                Arguments.of("truncated JSON", bytes("{\"subject\": \"s\", \"body\": "), "body"),
                Arguments.of("not JSON at all", bytes("subject=s&body=b"), "body"),
                Arguments.of("JSON array instead of an object", bytes("[1, 2]"), "body"),
                Arguments.of("empty body", bytes(""), "body"),
                Arguments.of("invalid UTF-8 in the subject", bytes("{\"subject\": \"a", new byte[]{(byte) 0xC3, 0x28},
                        "\", \"body\": \"text\"}"), "subject"),
                Arguments.of("invalid UTF-8 lead byte in the body", bytes("{\"subject\": \"s\", \"body\": \"x",
                        new byte[]{(byte) 0xFF, (byte) 0xFE}, "\"}"), "body"),
                Arguments.of("overlong UTF-8 encoding of '/'", bytes("{\"subject\": \"s\", \"body\": \"x",
                        new byte[]{(byte) 0xC0, (byte) 0xAF}, "\"}"), "body"),
                Arguments.of("UTF-8 encoded surrogate", bytes("{\"subject\": \"s\", \"body\": \"x",
                        new byte[]{(byte) 0xED, (byte) 0xA0, (byte) 0x80}, "\"}"), "body"),
                Arguments.of("code point above U+10FFFF", bytes("{\"subject\": \"s\", \"body\": \"x",
                        new byte[]{(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, "\"}"), "body"),
                Arguments.of("escaped lone high surrogate", bytes("{\"subject\": \"s\", \"body\": \"broken \\ud800 pair\"}"), "body"),
                Arguments.of("escaped lone low surrogate", bytes("{\"subject\": \"s\", \"body\": \"\\udc00\"}"), "body"),
                Arguments.of("escaped NUL", bytes("{\"subject\": \"s\", \"body\": \"a\\u0000b\"}"), "body"),
                Arguments.of("JSON nested 5000 deep", bytes("[".repeat(5000) + "]".repeat(5000)), "body"),
                Arguments.of("priority of the wrong type", bytes("{\"subject\": \"s\", \"body\": \"b\", \"priority\": [1]}"), "priority"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedBodies")
    void malformedNewTicketIsRefusedAndNothingIsStored(String what, byte[] raw, String field) {
        String customer = fx.newCustomer();

        assertInvalid(fx.as(customer).postRaw(TICKETS, raw, "application/json"), field);

        assertThat(fx.listAll(fx.as(customer), Map.of(), 50)).isEmpty();
    }

    @Test
    void invalidUtf8InAnActionChangesNothing() {
        String number = newTicket();
        JsonNode before = snapshot(number);

        assertInvalid(fx.as("l1").postRaw(path(number, "answer"),
                bytes("{\"body\": \"\u041e\u0442\u0432\u0435\u0442 ", new byte[]{(byte) 0xD0}, "\"}"), "application/json"), "body");

        assertThat(snapshot(number)).isEqualTo(before);
    }

    @Test
    void missingBodyOnAnActionIs400() {
        String number = newTicket();
        JsonNode before = snapshot(number);

        assertInvalid(fx.as("l1").post(path(number, "answer"), null), "body");
        assertInvalid(fx.as("l1").postRaw(path(number, "answer"), bytes("{}"), "application/json"), "body");

        assertThat(snapshot(number)).isEqualTo(before);
    }

    @Test
    void unsupportedContentTypeIsAProblemDetail() {
        ApiResponse response = fx.as("customer").postRaw(TICKETS, bytes("subject=s&body=b"), "text/plain");

        assertThat(response.status()).isEqualTo(415);
        assertThat(response.mediaType()).isEqualTo("application/problem+json");
    }

    // ------------------------------------------------------------------ actions with bad fields

    record BadAction(String what, String action, Map<String, Object> body, String field) {
        @Override
        public String toString() {
            return what;
        }
    }

    static Stream<BadAction> badActions() {
        return Stream.of(
                new BadAction("empty answer", "answer", body("body", ""), "body"),
                new BadAction("whitespace-only answer", "answer", body("body", " \n "), "body"),
                new BadAction("answer of 65 537 bytes", "answer", body("body", "ж".repeat(32768) + "a"), "body"),
                new BadAction("NUL in an answer", "answer", body("body", "a\u0000"), "body"),
                new BadAction("article link that is not http", "answer", body("body", "b", "articleUrl", "javascript:alert(1)"), "articleUrl"),
                new BadAction("article title of 256 characters", "answer", body("body", "b", "articleUrl", "https://x.example/a",
                        "articleTitle", "t".repeat(256)), "articleTitle"),
                new BadAction("empty question", "ask", body("body", ""), "body"),
                new BadAction("close without a reason", "close", body("note", "n"), "reason"),
                new BadAction("unknown close reason", "close", body("reason", "BORED"), "reason"),
                new BadAction("close note of 2001 characters", "close", body("reason", "OTHER", "note", "n".repeat(2001)), "note"),
                new BadAction("escalate to an unknown category", "escalate", body("categoryId", UNKNOWN_ID, "groupId", 1), "categoryId"),
                new BadAction("escalate to an unknown group", "escalate", body("categoryId", null, "groupId", UNKNOWN_ID), "groupId"),
                new BadAction("escalate without a category", "escalate", body("groupId", 1), "categoryId"),
                new BadAction("escalate with a NUL in the note", "escalate", body("categoryId", null, "groupId", 1, "note", "\u0000"), "note"),
                new BadAction("unknown category", "category", body("categoryId", UNKNOWN_ID), "categoryId"),
                new BadAction("category of the wrong type", "category", body("categoryId", "spam"), "categoryId"),
                new BadAction("priority SUPER", "priority", body("priority", "SUPER"), "priority"),
                new BadAction("no priority", "priority", body(), "priority"),
                new BadAction("version of the wrong type", "priority", body("priority", "HIGH", "version", "abc"), "version"),
                new BadAction("version as an object", "take", body("version", Map.of("v", 1)), "version"),
                new BadAction("assign to an unknown user", "assign", body("assigneeId", UNKNOWN_ID), "assigneeId"),
                new BadAction("assign without anyone", "assign", body(), "assigneeId"),
                new BadAction("empty note", "notes", body("body", ""), "body"),
                new BadAction("note of 65 537 bytes", "notes", body("body", "x".repeat(65537)), "body"),
                new BadAction("empty customer message", "messages", body("body", " "), "body"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badActions")
    void badActionInputIsRefusedAndChangesNothing(BadAction bad) {
        String number = newTicket();
        JsonNode before = snapshot(number);
        Map<String, Object> request = new java.util.LinkedHashMap<>(bad.body());
        // ids of the demo data are looked up, not assumed
        if (request.containsKey("groupId") && !Long.valueOf(UNKNOWN_ID).equals(request.get("groupId"))) {
            request.put("groupId", fx.groupId("recovery"));
        }
        if (request.containsKey("categoryId") && request.get("categoryId") == null) {
            request.put("categoryId", fx.categoryId("password-forgotten"));
        }
        ApiClient caller = bad.action().equals("messages") ? fx.as("customer")
                : bad.action().equals("assign") ? fx.as("lead") : fx.as("l1");

        assertInvalid(caller.post(path(number, bad.action()), request), bad.field());

        assertThat(snapshot(number)).as("nothing changed").isEqualTo(before);
    }

    // ------------------------------------------------------------------ lists with bad parameters

    static Stream<Arguments> badListParameters() {
        return Stream.of(
                Arguments.of(Map.of("state", "BOGUS"), "state"),
                Arguments.of(Map.of("line", "THIRD"), "line"),
                Arguments.of(Map.of("group", "web"), "group"),
                Arguments.of(Map.of("assignee", "me"), "assignee"),
                Arguments.of(Map.of("customer", "1.5"), "customer"),
                Arguments.of(Map.of("createdFrom", "yesterday"), "createdFrom"),
                Arguments.of(Map.of("createdTo", "2026-13-45"), "createdTo"),
                Arguments.of(Map.of("cursor", "not-a-cursor"), "cursor"),
                Arguments.of(Map.of("cursor", "!!!"), "cursor"),
                Arguments.of(Map.of("size", "0"), "size"),
                Arguments.of(Map.of("size", "501"), "size"),
                Arguments.of(Map.of("size", "-1"), "size"),
                Arguments.of(Map.of("size", "many"), "size"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badListParameters")
    void badListParameterIsRefusedNamingIt(Map<String, Object> query, String field) {
        assertInvalid(fx.as("lead").get(TICKETS, query), field);
    }

    @Test
    void queueOfAnUnknownGroupIs404() {
        ApiResponse response = fx.as("lead").get(TICKETS + "/queue/groups/" + UNKNOWN_ID);

        assertThat(response.status()).as("%s", response).isEqualTo(404);
        assertThat(response.mediaType()).isEqualTo("application/problem+json");
    }

    @Test
    void unknownApiPathAndUnsupportedMethodAreProblemDetailsToo() {
        String number = newTicket();
        ApiResponse unknownPath = fx.as("lead").get("/api/v1/no-such-endpoint");
        ApiResponse wrongMethod = fx.as("lead").get(path(number, "answer"));

        assertThat(unknownPath.status()).isEqualTo(404);
        assertThat(unknownPath.mediaType()).as("%s", unknownPath).isEqualTo("application/problem+json");
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.mediaType()).as("%s", wrongMethod).isEqualTo("application/problem+json");
    }

    @Test
    void badQueueParametersAreRefusedNamingThem() {
        assertInvalid(fx.as("l1").get(TICKETS + "/queue/groups/web"), "groupId");
        assertInvalid(fx.as("l1").get(TICKETS + "/queue/first-line?limit=lots"), "limit");
    }

    // ------------------------------------------------------------------ unknown tickets

    @Test
    void unknownTicketIs404ProblemDetailForEveryEndpoint() {
        for (String number : List.of("L-" + UNKNOWN_ID, String.valueOf(UNKNOWN_ID), "not-a-number", "L-", "L-0",
                "99999999999999999999", "%20")) {
            ApiResponse read = fx.as("lead").get(TICKETS + "/" + number);
            assertThat(read.status()).as("%s", read).isEqualTo(404);
            assertThat(read.mediaType()).isEqualTo("application/problem+json");
            assertThat(read.problemType()).isEqualTo("not-found");
        }
        Map<String, Map<String, Object>> actions = Map.ofEntries(
                Map.entry("answer", body("body", "b")), Map.entry("ask", body("body", "b")),
                Map.entry("close", body("reason", "OTHER")), Map.entry("reply", body("body", "b")),
                Map.entry("solve", body()), Map.entry("return", body("note", "n")), Map.entry("take", body()),
                Map.entry("release", body()), Map.entry("priority", body("priority", "LOW")),
                Map.entry("notes", body("body", "b")), Map.entry("assign", body("assigneeId", fx.userId("l1"))),
                Map.entry("category", body("categoryId", fx.categoryId("other"))),
                Map.entry("escalate", body("categoryId", fx.categoryId("other"), "groupId", fx.groupId("web"))));
        actions.forEach((action, request) -> {
            ApiResponse response = fx.as("lead").post(path("L-" + UNKNOWN_ID, action), request);
            assertThat(response.status()).as("%s", response).isEqualTo(404);
            assertThat(response.mediaType()).isEqualTo("application/problem+json");
            assertThat(response.problemType()).isEqualTo("not-found");
        });
        ApiResponse message = fx.as("customer").post(path("L-" + UNKNOWN_ID, "messages"), body("body", "b"));
        assertThat(message.status()).isEqualTo(404);
        assertThat(message.problemType()).isEqualTo("not-found");
    }

    // ------------------------------------------------------------------ refused transitions and stale versions

    @Test
    void illegalTransitionIs409TransitionRefusedAndChangesNothing() {
        String number = newTicket();
        expect(fx.as("l1").post(path(number, "answer"), body("body", "Готово.")), 200);
        JsonNode solved = snapshot(number);

        List<ApiResponse> refused = List.of(
                fx.as("l1").post(path(number, "answer"), body("body", "Ещё раз.")),
                fx.as("l1").post(path(number, "ask"), body("body", "Вопрос?")),
                fx.as("l1").post(path(number, "escalate"), body("categoryId", fx.categoryId("other"), "groupId", fx.groupId("web"))),
                fx.as("lead").post(path(number, "reply"), body("body", "Second-line reply on the first line")),
                fx.as("lead").post(path(number, "return"), body("note", "not on the second line")),
                fx.as("l1").post(path(number, "release"), null));
        for (ApiResponse response : refused) {
            assertThat(response.status()).as("%s", response).isEqualTo(409);
            assertThat(response.mediaType()).isEqualTo("application/problem+json");
            assertThat(response.json().path("type").asText()).endsWith("transition-refused");
            assertThat(response.json().path("detail").asText()).isNotBlank();
        }
        assertThat(snapshot(number)).isEqualTo(solved);

        expect(fx.as("l1").post(path(number, "close"), body("reason", "OTHER")), 409);
        String closed = newTicket();
        expect(fx.as("l1").post(path(closed, "close"), body("reason", "SPAM")), 200);
        JsonNode closedBefore = snapshot(closed);
        for (String action : List.of("priority", "category", "take", "close")) {
            Map<String, Object> request = switch (action) {
                case "priority" -> body("priority", "HIGH");
                case "category" -> body("categoryId", fx.categoryId("other"));
                case "close" -> body("reason", "OTHER");
                default -> body();
            };
            ApiResponse response = fx.as("l1").post(path(closed, action), request);
            assertThat(response.status()).as("%s", response).isEqualTo(409);
            assertThat(response.json().path("type").asText()).endsWith("transition-refused");
        }
        assertThat(snapshot(closed)).isEqualTo(closedBefore);
    }

    @Test
    void staleVersionIs409StaleWithTheCurrentVersionAndState() {
        String number = newTicket();
        long seen = snapshot(number).path("version").asLong();
        JsonNode taken = expect(fx.as("l1").post(path(number, "take"), body("version", seen)), 200);
        JsonNode current = snapshot(number);

        for (ApiResponse response : List.of(
                fx.as("l1b").post(path(number, "answer"), body("body", "Поздний ответ", "version", seen)),
                fx.as("l1b").post(path(number, "priority"), body("priority", "HIGH", "version", seen)),
                fx.as("l1b").post(path(number, "take"), body("version", seen)),
                fx.as("lead").post(path(number, "assign"), body("assigneeId", fx.userId("l1b"), "version", seen + 100)))) {
            assertThat(response.status()).as("%s", response).isEqualTo(409);
            assertThat(response.mediaType()).isEqualTo("application/problem+json");
            assertThat(response.json().path("type").asText()).endsWith("stale");
            assertThat(response.json().path("currentVersion").asLong()).isEqualTo(taken.path("version").asLong());
            assertThat(response.json().path("currentState").asText()).isEqualTo("OPEN");
        }
        assertThat(snapshot(number)).isEqualTo(current);
    }
}
