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
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Every endpoint of /api/v1/tickets end to end, through HTTP against the running server. */
@StoreTest
class TicketApiTest {

    private static final String TICKETS = "/api/v1/tickets";

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

    private JsonNode track(JsonNode ticket) {
        created.add(ticket.path("number").asText());
        return ticket;
    }

    private JsonNode newTicket(String subject) {
        return track(fx.ticketOf("customer", subject));
    }

    private JsonNode newTicketFor(String email, String subject) {
        return track(fx.ticketFor(email, subject));
    }

    private static List<String> numbers(JsonNode summaries) {
        return StreamSupport.stream(summaries.spliterator(), false)
                .map(s -> s.has("number") ? s.path("number").asText() : String.format("L-%06d", s.path("id").asLong()))
                .toList();
    }

    private static List<String> kinds(JsonNode ticket) {
        return StreamSupport.stream(ticket.path("messages").spliterator(), false).map(m -> m.path("kind").asText()).toList();
    }

    private static List<String> actions(JsonNode ticket) {
        return StreamSupport.stream(ticket.path("history").spliterator(), false).map(h -> h.path("action").asText()).toList();
    }

    private static JsonNode last(JsonNode array) {
        return array.get(array.size() - 1);
    }

    // ------------------------------------------------------------------ create and read

    @Test
    void customerCreatesTicketForThemselvesOnTheFirstLineWithHttpBasic() {
        ApiResponse response = fx.basic("customer").post(TICKETS, body("subject", "  Не открывается вложение  ",
                "body", "Третий день не открываются вложения из писем банка.", "priority", "HIGH"));

        JsonNode ticket = track(expect(response, 201));
        assertThat(response.mediaType()).isEqualTo("application/json");
        assertThat(ticket.path("number").asText()).matches("L-\\d{6}");
        assertThat(response.header("Location")).isEqualTo(TICKETS + "/" + ticket.path("number").asText());
        assertThat(ticket.path("subject").asText()).isEqualTo("Не открывается вложение");
        assertThat(ticket.path("customerId").asLong()).isEqualTo(fx.userId("customer"));
        assertThat(ticket.path("customerEmail").asText()).isEqualTo("ivan.petrov@example.ru");
        assertThat(ticket.path("channel").asText()).isEqualTo("API");
        assertThat(ticket.path("line").asText()).isEqualTo("FIRST");
        assertThat(ticket.path("state").asText()).isEqualTo("NEW");
        assertThat(ticket.path("priority").asText()).isEqualTo("HIGH");
        assertThat(ticket.path("version").asLong()).isZero();
        assertThat(kinds(ticket)).containsExactly("CUSTOMER");
        assertThat(ticket.path("messages").get(0).path("body").asText()).isEqualTo("Третий день не открываются вложения из писем банка.");
        assertThat(ticket.path("history")).as("customers see no history").isEmpty();
        assertThat(ticket.path("availableActions")).as("customers get no agent actions").isEmpty();

        JsonNode asAgent = fx.get("l1", ticket.path("number").asText());
        assertThat(actions(asAgent)).containsExactly("CREATED");
        assertThat(asAgent.path("availableActions")).extracting(JsonNode::asText)
                .contains("ANSWER", "ASK_FOR_INFORMATION", "CLOSE", "ESCALATE", "TAKE", "ADD_NOTE");
    }

    @Test
    void staffCreatesTicketOnBehalfOfACustomerEmailWithCategoryAndPriority() {
        String email = ApiFixtures.uniqueEmail();
        long category = fx.categoryId("mail-not-arriving");

        JsonNode ticket = track(expect(fx.as("l1").post(TICKETS, body("subject", "Звонок: не приходят письма",
                "body", "Клиент позвонил по телефону.", "customerEmail", email.toUpperCase(), "customerName", "Пётр Иванов",
                "categoryId", category, "priority", "URGENT")), 201));

        assertThat(ticket.path("customerEmail").asText()).isEqualTo(email);
        assertThat(ticket.path("customerName").asText()).isEqualTo("Пётр Иванов");
        assertThat(ticket.path("categoryId").asLong()).isEqualTo(category);
        assertThat(ticket.path("priority").asText()).isEqualTo("URGENT");
        assertThat(ticket.path("line").asText()).isEqualTo("FIRST");
        assertThat(ticket.path("history")).as("the creating agent sees the history").isNotEmpty();
        assertThat(directory.userByLogin(email)).as("a customer account for the address").isPresent()
                .hasValueSatisfying(u -> assertThat(u.id()).isEqualTo(ticket.path("customerId").asLong()));

        JsonNode second = newTicketFor(email, "Второе обращение");
        assertThat(second.path("customerId").asLong()).as("the same customer for the same address")
                .isEqualTo(ticket.path("customerId").asLong());
    }

    @Test
    void ticketIsFoundByItsNumberInEveryUsualSpelling() {
        JsonNode ticket = newTicket("Номер в разных написаниях");
        long id = ticket.path("id").asLong();

        for (String spelling : List.of(ticket.path("number").asText(), String.valueOf(id), "l-" + id, "L" + id)) {
            JsonNode found = expect(fx.as("l1").get(TICKETS + "/" + spelling), 200);
            assertThat(found.path("number").asText()).as(spelling).isEqualTo(ticket.path("number").asText());
        }
    }

    @Test
    void creationAnswerShowsTheTicketAsItIsStored() {
        JsonNode createdTicket = newTicket("Метки времени");
        JsonNode stored = fx.get("customer", createdTicket.path("number").asText());

        assertThat(createdTicket.path("createdAt").asText())
                .as("createdAt in the creation answer and in a later read (clients use it for createdFrom/createdTo)")
                .isEqualTo(stored.path("createdAt").asText());
        assertThat(createdTicket.path("messages").get(0).path("createdAt").asText())
                .isEqualTo(stored.path("messages").get(0).path("createdAt").asText());
    }

    // ------------------------------------------------------------------ list and filters

    @Test
    void listFiltersByCustomerAndReturnsOnlyThatCustomersTickets() {
        String email = ApiFixtures.uniqueEmail();
        JsonNode a = newTicketFor(email, "A");
        JsonNode b = newTicketFor(email, "B");
        newTicket("Чужой тикет");

        List<JsonNode> items = fx.listAll(fx.as("lead"), Map.of("customer", a.path("customerId").asLong()), 50);

        assertThat(items).extracting(i -> i.path("id").asLong()).containsExactly(a.path("id").asLong(), b.path("id").asLong());
        assertThat(items).allSatisfy(i -> assertThat(i.path("customerEmail").asText()).isEqualTo(email));
    }

    @Test
    void listFiltersByState() {
        String email = ApiFixtures.uniqueEmail();
        JsonNode fresh = newTicketFor(email, "new");
        JsonNode answered = newTicketFor(email, "solved");
        JsonNode closed = newTicketFor(email, "closed");
        JsonNode waiting = newTicketFor(email, "waiting");
        expect(fx.as("l1").post(path(answered.path("number").asText(), "answer"), body("body", "Ответ")), 200);
        expect(fx.as("l1").post(path(closed.path("number").asText(), "close"), body("reason", "DUPLICATE")), 200);
        expect(fx.as("l1").post(path(waiting.path("number").asText(), "ask"), body("body", "Уточните")), 200);
        long customer = fresh.path("customerId").asLong();

        Map<String, JsonNode> expected = Map.of("NEW", fresh, "SOLVED", answered, "CLOSED", closed,
                "WAITING_FOR_CUSTOMER", waiting);
        expected.forEach((state, ticket) -> {
            List<JsonNode> items = fx.listAll(fx.as("lead"), Map.of("customer", customer, "state", state), 50);
            assertThat(items).as(state).extracting(i -> i.path("id").asLong()).containsExactly(ticket.path("id").asLong());
            assertThat(items).allSatisfy(i -> assertThat(i.path("state").asText()).isEqualTo(state));
        });
        assertThat(fx.listAll(fx.as("lead"), Map.of("customer", customer, "state", "OPEN"), 50)).isEmpty();
    }

    @Test
    void listFiltersByLineAndGroup() {
        String email = ApiFixtures.uniqueEmail();
        JsonNode first = newTicketFor(email, "first line");
        JsonNode recovery = newTicketFor(email, "recovery");
        JsonNode web = newTicketFor(email, "web");
        fx.escalateToRecovery(recovery.path("number").asText());
        expect(fx.as("l1").post(path(web.path("number").asText(), "escalate"), body("categoryId", fx.categoryId("folders-filters"),
                "groupId", fx.groupId("web"))), 200);
        long customer = first.path("customerId").asLong();

        assertThat(fx.listAll(fx.as("lead"), Map.of("customer", customer, "line", "FIRST"), 50))
                .extracting(i -> i.path("id").asLong()).containsExactly(first.path("id").asLong());
        assertThat(fx.listAll(fx.as("lead"), Map.of("customer", customer, "line", "SECOND"), 50))
                .extracting(i -> i.path("id").asLong()).containsExactly(recovery.path("id").asLong(), web.path("id").asLong());
        assertThat(fx.listAll(fx.as("lead"), Map.of("customer", customer, "group", fx.groupId("recovery")), 50))
                .extracting(i -> i.path("id").asLong()).containsExactly(recovery.path("id").asLong());
        assertThat(fx.listAll(fx.as("lead"), Map.of("customer", customer, "group", fx.groupId("web"), "line", "SECOND"), 50))
                .extracting(i -> i.path("id").asLong()).containsExactly(web.path("id").asLong());
        // the same filter for an agent of the web group: only what they may see
        assertThat(fx.listAll(fx.as("l2web"), Map.of("customer", customer), 50))
                .extracting(i -> i.path("id").asLong()).containsExactly(web.path("id").asLong());
    }

    @Test
    void listFiltersByAssignee() {
        String email = ApiFixtures.uniqueEmail();
        JsonNode taken = newTicketFor(email, "taken");
        newTicketFor(email, "not taken");
        expect(fx.as("l1b").post(path(taken.path("number").asText(), "take"), null), 200);

        List<JsonNode> items = fx.listAll(fx.as("lead"),
                Map.of("customer", taken.path("customerId").asLong(), "assignee", fx.userId("l1b")), 50);

        assertThat(items).extracting(i -> i.path("id").asLong()).containsExactly(taken.path("id").asLong());
        assertThat(items.get(0).path("assigneeId").asLong()).isEqualTo(fx.userId("l1b"));
    }

    @Test
    void listFiltersByCreatedRangeFromInclusiveToExclusive() throws InterruptedException {
        String email = ApiFixtures.uniqueEmail();
        newTicketFor(email, "a");
        Thread.sleep(20);
        newTicketFor(email, "b");
        Thread.sleep(20);
        newTicketFor(email, "c");
        long customer = directory.userByLogin(email).orElseThrow().id();
        List<JsonNode> all = fx.listAll(fx.as("lead"), Map.of("customer", customer), 50);
        assertThat(all).extracting(i -> i.path("subject").asText()).containsExactly("a", "b", "c");
        String a = all.get(0).path("createdAt").asText();
        String b = all.get(1).path("createdAt").asText();
        String c = all.get(2).path("createdAt").asText();

        assertThat(fx.listAll(fx.as("lead"), Map.of("customer", customer, "createdFrom", b, "createdTo", c), 50))
                .extracting(i -> i.path("subject").asText()).containsExactly("b");
        assertThat(fx.listAll(fx.as("lead"), Map.of("customer", customer, "createdFrom", b), 50))
                .extracting(i -> i.path("subject").asText()).containsExactly("b", "c");
        assertThat(fx.listAll(fx.as("lead"), Map.of("customer", customer, "createdTo", b), 50))
                .extracting(i -> i.path("subject").asText()).containsExactly("a");
        assertThat(fx.listAll(fx.as("lead"), Map.of("customer", customer, "createdFrom", a, "createdTo", a), 50)).isEmpty();
        String later = Instant.parse(c).plusSeconds(3600).toString();
        assertThat(fx.listAll(fx.as("lead"), Map.of("customer", customer, "createdFrom", later), 50)).isEmpty();
    }

    @Test
    void listPagesByCursorAcrossSeveralPagesWithoutDuplicatesOrGaps() {
        String email = ApiFixtures.uniqueEmail();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            ids.add(newTicketFor(email, "page " + i).path("id").asLong());
        }
        long customer = directory.userByLogin(email).orElseThrow().id();
        Map<String, Object> query = new LinkedHashMap<>(Map.of("customer", customer, "size", 3));

        JsonNode page1 = expect(fx.as("lead").get(TICKETS, query), 200);
        query.put("cursor", page1.path("nextCursor").asText());
        JsonNode page2 = expect(fx.as("lead").get(TICKETS, query), 200);
        query.put("cursor", page2.path("nextCursor").asText());
        JsonNode page3 = expect(fx.as("lead").get(TICKETS, query), 200);

        assertThat(page1.path("items")).hasSize(3);
        assertThat(page2.path("items")).hasSize(3);
        assertThat(page3.path("items")).hasSize(1);
        assertThat(page1.path("nextCursor").isTextual()).isTrue();
        assertThat(page3.path("nextCursor").isNull()).as("no cursor after the last page").isTrue();
        List<Long> seen = new ArrayList<>();
        for (JsonNode page : List.of(page1, page2, page3)) {
            page.path("items").forEach(i -> seen.add(i.path("id").asLong()));
        }
        assertThat(seen).containsExactlyElementsOf(ids);
    }

    @Test
    void wholeListPagedSmallIsTheSameAsInOnePageInCreationOrder() {
        newTicket("paging 1");
        newTicket("paging 2");

        List<JsonNode> small = fx.listAll(fx.as("lead"), Map.of(), 7);
        List<JsonNode> large = fx.listAll(fx.as("lead"), Map.of(), 500);

        List<Long> smallIds = small.stream().map(i -> i.path("id").asLong()).toList();
        assertThat(smallIds).doesNotHaveDuplicates()
                .containsExactlyElementsOf(large.stream().map(i -> i.path("id").asLong()).toList());
        for (int i = 1; i < small.size(); i++) {
            Instant before = Instant.parse(small.get(i - 1).path("createdAt").asText());
            Instant after = Instant.parse(small.get(i).path("createdAt").asText());
            assertThat(before.isAfter(after)).as("creation order at %d", i).isFalse();
        }
    }

    // ------------------------------------------------------------------ queues

    @Test
    void firstLineQueueIsOldestFirstAndEscalatedTicketsLeaveIt() {
        JsonNode a = newTicket("queue a");
        JsonNode b = newTicket("queue b");
        JsonNode c = newTicket("queue c");

        List<String> queue = numbers(expect(fx.as("l1").get(TICKETS + "/queue/first-line?limit=500"), 200));
        List<String> mine = queue.stream().filter(n -> Set.of(a, b, c).stream()
                .anyMatch(t -> t.path("number").asText().equals(n))).toList();
        assertThat(mine).containsExactly(a.path("number").asText(), b.path("number").asText(), c.path("number").asText());

        fx.escalateToRecovery(a.path("number").asText());
        assertThat(numbers(expect(fx.as("l1").get(TICKETS + "/queue/first-line?limit=500"), 200)))
                .doesNotContain(a.path("number").asText()).contains(b.path("number").asText());
    }

    @Test
    void firstLineQueueIsOrderedByTimeOfEntering() {
        newTicket("order check");
        JsonNode queue = expect(fx.as("l1").get(TICKETS + "/queue/first-line?limit=500"), 200);
        Instant previous = Instant.MIN;
        for (JsonNode item : queue) {
            assertThat(item.path("line").asText()).isEqualTo("FIRST");
            assertThat(item.path("state").asText()).isIn("NEW", "OPEN");
            Instant queuedAt = Instant.parse(item.path("queuedAt").asText());
            assertThat(queuedAt).isAfterOrEqualTo(previous);
            previous = queuedAt;
        }
    }

    @Test
    void groupQueueHoldsTicketsEscalatedToThatGroupOldestFirst() {
        JsonNode a = newTicket("group a");
        JsonNode b = newTicket("group b");
        fx.escalateToRecovery(a.path("number").asText());
        fx.escalateToRecovery(b.path("number").asText());

        List<String> recovery = numbers(expect(fx.as("l2").get(TICKETS + "/queue/groups/" + fx.groupId("recovery") + "?limit=500"), 200));
        assertThat(recovery.stream().filter(n -> n.equals(a.path("number").asText()) || n.equals(b.path("number").asText())))
                .containsExactly(a.path("number").asText(), b.path("number").asText());
        assertThat(numbers(expect(fx.as("lead").get(TICKETS + "/queue/groups/" + fx.groupId("web") + "?limit=500"), 200)))
                .doesNotContain(a.path("number").asText(), b.path("number").asText());
        JsonNode queue = expect(fx.as("l2").get(TICKETS + "/queue/groups/" + fx.groupId("recovery") + "?limit=500"), 200);
        assertThat(queue).allSatisfy(i -> {
            assertThat(i.path("groupId").asLong()).isEqualTo(fx.groupId("recovery"));
            assertThat(i.path("line").asText()).isEqualTo("SECOND");
        });
    }

    @Test
    void mineListsUnfinishedTicketsTakenByTheCaller() {
        JsonNode ticket = newTicket("mine");
        String number = ticket.path("number").asText();

        JsonNode taken = expect(fx.as("l1b").post(path(number, "take"), null), 200);
        assertThat(taken.path("assigneeId").asLong()).isEqualTo(fx.userId("l1b"));
        assertThat(taken.path("state").asText()).as("taking a new ticket opens it").isEqualTo("OPEN");
        assertThat(numbers(expect(fx.as("l1b").get(TICKETS + "/mine"), 200))).contains(number);
        assertThat(numbers(expect(fx.as("l1").get(TICKETS + "/mine"), 200))).doesNotContain(number);

        expect(fx.as("l1b").post(path(number, "ask"), body("body", "Какой у вас браузер?")), 200);
        assertThat(numbers(expect(fx.as("l1b").get(TICKETS + "/mine"), 200))).as("waiting is unfinished").contains(number);

        JsonNode released = expect(fx.as("l1b").post(path(number, "release"), null), 200);
        assertThat(released.path("assigneeId").isNull()).isTrue();
        assertThat(numbers(expect(fx.as("l1b").get(TICKETS + "/mine"), 200))).doesNotContain(number);
    }

    // ------------------------------------------------------------------ first-line actions

    @Test
    void answerSolvesTheTicketWithAPublicReplyAndArticle() {
        String number = newTicket("answer").path("number").asText();

        JsonNode answered = expect(fx.as("l1").post(path(number, "answer"), body("body", "Вот инструкция.",
                "articleUrl", "https://help.example.ru/a/1", "articleTitle", "Как сменить пароль")), 200);

        assertThat(answered.path("state").asText()).isEqualTo("SOLVED");
        assertThat(answered.path("solvedAt").isTextual()).isTrue();
        assertThat(answered.path("firstResponseAt").isTextual()).isTrue();
        assertThat(answered.path("version").asLong()).isPositive();
        JsonNode reply = last(answered.path("messages"));
        assertThat(reply.path("kind").asText()).isEqualTo("PUBLIC_REPLY");
        assertThat(reply.path("body").asText()).isEqualTo("Вот инструкция.");
        assertThat(reply.path("articleUrl").asText()).isEqualTo("https://help.example.ru/a/1");
        assertThat(reply.path("articleTitle").asText()).isEqualTo("Как сменить пароль");
        JsonNode entry = last(answered.path("history"));
        assertThat(entry.path("action").asText()).isEqualTo("ANSWER");
        assertThat(entry.path("fromState").asText()).isEqualTo("NEW");
        assertThat(entry.path("toState").asText()).isEqualTo("SOLVED");
        assertThat(entry.path("actorId").asLong()).isEqualTo(fx.userId("l1"));

        JsonNode asCustomer = fx.get("customer", number);
        assertThat(asCustomer.path("state").asText()).isEqualTo("SOLVED");
        assertThat(last(asCustomer.path("messages")).path("body").asText()).isEqualTo("Вот инструкция.");
    }

    @Test
    void askPutsTheTicketWaitingAndTheCustomersAnswerBringsItBackOpen() {
        String number = newTicket("ask").path("number").asText();

        JsonNode asked = expect(fx.as("l1").post(path(number, "ask"), body("body", "Уточните текст ошибки.")), 200);
        assertThat(asked.path("state").asText()).isEqualTo("WAITING_FOR_CUSTOMER");
        assertThat(last(asked.path("messages")).path("kind").asText()).isEqualTo("PUBLIC_REPLY");
        assertThat(numbers(expect(fx.as("l1").get(TICKETS + "/queue/first-line?limit=500"), 200)))
                .as("waiting tickets are not in the queue").doesNotContain(number);

        ApiResponse reply = fx.as("customer").post(path(number, "messages"), body("body", "Ошибка 550."));
        JsonNode answered = expect(reply, 201);
        assertThat(answered.path("number").asText()).isEqualTo(number);
        assertThat(reply.header("Location")).isEqualTo(TICKETS + "/" + number);
        assertThat(answered.path("state").asText()).isEqualTo("OPEN");
        assertThat(answered.path("line").asText()).isEqualTo("FIRST");
        assertThat(kinds(answered)).containsExactly("CUSTOMER", "PUBLIC_REPLY", "CUSTOMER");
        assertThat(actions(fx.get("l1", number))).containsExactly("CREATED", "ASK_FOR_INFORMATION", "CUSTOMER_REPLIED");
        assertThat(numbers(expect(fx.as("l1").get(TICKETS + "/queue/first-line?limit=500"), 200))).contains(number);
    }

    @Test
    void closeWithAReasonClosesTheTicketAndKeepsTheNoteInternal() {
        String number = newTicket("close").path("number").asText();

        JsonNode closed = expect(fx.as("l1").post(path(number, "close"),
                body("reason", "SOLVED_BY_CUSTOMER", "note", "Клиент написал, что всё работает.")), 200);

        assertThat(closed.path("state").asText()).isEqualTo("CLOSED");
        assertThat(closed.path("closeReason").asText()).isEqualTo("SOLVED_BY_CUSTOMER");
        assertThat(closed.path("closedAt").isTextual()).isTrue();
        assertThat(kinds(closed)).containsExactly("CUSTOMER", "INTERNAL_NOTE");
        assertThat(last(closed.path("history")).path("detail").asText()).isEqualTo("SOLVED_BY_CUSTOMER");
        JsonNode asCustomer = fx.get("customer", number);
        assertThat(asCustomer.path("state").asText()).isEqualTo("CLOSED");
        assertThat(kinds(asCustomer)).containsExactly("CUSTOMER");
    }

    @Test
    void escalateCategorisesAndPassesTheTicketToTheGroupQueue() {
        String number = newTicket("escalate").path("number").asText();
        expect(fx.as("l1").post(path(number, "take"), null), 200);

        JsonNode escalated = expect(fx.as("l1").post(path(number, "escalate"), body("categoryId", fx.categoryId("account-hacked"),
                "groupId", fx.groupId("recovery"), "note", "Похоже на взлом.")), 200);

        assertThat(escalated.path("line").asText()).isEqualTo("SECOND");
        assertThat(escalated.path("state").asText()).isEqualTo("OPEN");
        assertThat(escalated.path("groupId").asLong()).isEqualTo(fx.groupId("recovery"));
        assertThat(escalated.path("categoryId").asLong()).isEqualTo(fx.categoryId("account-hacked"));
        assertThat(escalated.path("assigneeId").isNull()).as("the first-line agent lets go").isTrue();
        // the escalating agent no longer works the ticket: the answer shows it without history (as they now see it)
        JsonNode entry = last(fx.get("lead", number).path("history"));
        assertThat(entry.path("action").asText()).isEqualTo("ESCALATE");
        assertThat(entry.path("fromLine").asText()).isEqualTo("FIRST");
        assertThat(entry.path("toLine").asText()).isEqualTo("SECOND");
        assertThat(entry.path("toGroupId").asLong()).isEqualTo(fx.groupId("recovery"));
        assertThat(numbers(expect(fx.as("l2").get(TICKETS + "/queue/groups/" + fx.groupId("recovery") + "?limit=500"), 200)))
                .contains(number);
        assertThat(fx.as("l1").get(TICKETS + "/" + number).status())
                .as("a second-line ticket is out of the first line's sight").isEqualTo(404);
    }

    // ------------------------------------------------------------------ second-line actions

    @Test
    void secondLineRepliesAsksAndSolves() {
        String number = newTicket("second line").path("number").asText();
        fx.escalateToRecovery(number);

        JsonNode replied = expect(fx.as("l2").post(path(number, "reply"), body("body", "Проверяем ваш ящик.")), 200);
        assertThat(replied.path("state").asText()).isEqualTo("OPEN");
        assertThat(last(replied.path("messages")).path("kind").asText()).isEqualTo("PUBLIC_REPLY");
        assertThat(last(replied.path("history")).path("action").asText()).isEqualTo("REPLY");

        JsonNode asked = expect(fx.as("l2").post(path(number, "ask"), body("body", "Назовите дату регистрации.")), 200);
        assertThat(asked.path("state").asText()).isEqualTo("WAITING_FOR_CUSTOMER");
        JsonNode back = expect(fx.as("customer").post(path(number, "messages"), body("body", "2010 год.")), 201);
        assertThat(back.path("state").asText()).isEqualTo("OPEN");
        assertThat(back.path("line").asText()).as("the answer brings it back to the same line").isEqualTo("SECOND");
        assertThat(back.path("groupId").asLong()).isEqualTo(fx.groupId("recovery"));

        JsonNode solved = expect(fx.as("l2").post(path(number, "solve"), body("body", "Доступ восстановлен.")), 200);
        assertThat(solved.path("state").asText()).isEqualTo("SOLVED");
        assertThat(last(solved.path("messages")).path("body").asText()).isEqualTo("Доступ восстановлен.");
    }

    @Test
    void solveWithoutAReplyAddsNoMessage() {
        String number = newTicket("solve silently").path("number").asText();
        fx.escalateToRecovery(number);
        int before = fx.get("l2", number).path("messages").size();

        JsonNode solved = expect(fx.as("l2").post(path(number, "solve"), body()), 200);

        assertThat(solved.path("state").asText()).isEqualTo("SOLVED");
        assertThat(solved.path("messages")).hasSize(before);
    }

    @Test
    void returnSendsTheTicketBackToTheEndOfTheFirstLineQueueWithAnInternalNote() {
        JsonNode ticket = newTicket("return");
        String number = ticket.path("number").asText();
        fx.escalateToRecovery(number);
        expect(fx.as("l2").post(path(number, "take"), null), 200);
        JsonNode later = newTicket("created after the returned one");

        JsonNode returned = expect(fx.as("l2").post(path(number, "return"), body("note", "Не наша группа.")), 200);

        assertThat(returned.path("line").asText()).isEqualTo("FIRST");
        assertThat(returned.path("state").asText()).isEqualTo("OPEN");
        assertThat(returned.path("groupId").isNull()).isTrue();
        assertThat(returned.path("assigneeId").isNull()).isTrue();
        JsonNode asLead = fx.get("lead", number);
        assertThat(last(asLead.path("messages")).path("kind").asText()).isEqualTo("INTERNAL_NOTE");
        assertThat(last(asLead.path("messages")).path("body").asText()).isEqualTo("Не наша группа.");
        assertThat(last(asLead.path("history")).path("action").asText()).isEqualTo("RETURN_TO_FIRST_LINE");
        List<String> queue = numbers(expect(fx.as("l1").get(TICKETS + "/queue/first-line?limit=500"), 200));
        assertThat(queue.indexOf(number)).as("queued again when returned, after tickets that came in meanwhile")
                .isGreaterThan(queue.indexOf(later.path("number").asText())).isNotNegative();
        assertThat(fx.as("l2").get(TICKETS + "/" + number).status()).isEqualTo(404);
    }

    // ------------------------------------------------------------------ either line

    @Test
    void takeAssignsToTheCallerAndReleaseUnassigns() {
        String number = newTicket("take").path("number").asText();
        long version = fx.get("l1", number).path("version").asLong();

        JsonNode taken = expect(fx.as("l1").post(path(number, "take"), body("version", version)), 200);
        assertThat(taken.path("assigneeId").asLong()).isEqualTo(fx.userId("l1"));
        assertThat(taken.path("assigneeName").asText()).isEqualTo("Анна Кузнецова");
        assertThat(last(taken.path("history")).path("action").asText()).isEqualTo("TAKE");

        JsonNode again = expect(fx.as("l1").post(path(number, "take"), null), 409);
        assertThat(again.path("type").asText()).endsWith("transition-refused");

        JsonNode released = expect(fx.as("l1").post(path(number, "release"), body("version", taken.path("version").asLong())), 200);
        assertThat(released.path("assigneeId").isNull()).isTrue();
        assertThat(last(released.path("history")).path("action").asText()).isEqualTo("RELEASE");
        assertThat(expect(fx.as("l1").post(path(number, "release"), null), 409).path("type").asText())
                .endsWith("transition-refused");
    }

    @Test
    void leadAssignsATicketToAnAgentWhoMayWorkIt() {
        String number = newTicket("assign").path("number").asText();

        JsonNode assigned = expect(fx.as("lead").post(path(number, "assign"), body("assigneeId", fx.userId("l1b"))), 200);
        assertThat(assigned.path("assigneeId").asLong()).isEqualTo(fx.userId("l1b"));
        assertThat(last(assigned.path("history")).path("action").asText()).isEqualTo("ASSIGN");
        assertThat(numbers(expect(fx.as("l1b").get(TICKETS + "/mine"), 200))).contains(number);

        ApiResponse toSecondLine = fx.as("lead").post(path(number, "assign"), body("assigneeId", fx.userId("l2")));
        assertThat(expect(toSecondLine, 400).path("field").asText()).as("an L2 agent does not work the first line")
                .isEqualTo("assigneeId");
        ApiResponse toCustomer = fx.as("lead").post(path(number, "assign"), body("assigneeId", fx.userId("olga")));
        assertThat(expect(toCustomer, 400).path("field").asText()).isEqualTo("assigneeId");
        assertThat(fx.get("lead", number).path("assigneeId").asLong()).isEqualTo(fx.userId("l1b"));
    }

    @Test
    void priorityAndCategoryChangesAreRecorded() {
        String number = newTicket("priority").path("number").asText();

        JsonNode urgent = expect(fx.as("l1").post(path(number, "priority"), body("priority", "URGENT")), 200);
        assertThat(urgent.path("priority").asText()).isEqualTo("URGENT");
        assertThat(last(urgent.path("history")).path("action").asText()).isEqualTo("CHANGE_PRIORITY");
        assertThat(last(urgent.path("history")).path("detail").asText()).isEqualTo("NORMAL → URGENT");

        JsonNode recategorised = expect(fx.as("l1").post(path(number, "category"),
                body("categoryId", fx.categoryId("spam-filtering"))), 200);
        assertThat(recategorised.path("categoryId").asLong()).isEqualTo(fx.categoryId("spam-filtering"));
        assertThat(last(recategorised.path("history")).path("action").asText()).isEqualTo("RECATEGORISE");
        assertThat(recategorised.path("state").asText()).as("no state change").isEqualTo("NEW");
    }

    @Test
    void notesAreCreatedAndShownOnlyToStaff() {
        String number = newTicket("note").path("number").asText();

        ApiResponse response = fx.as("l1").post(path(number, "notes"), body("body", "Клиент звонил дважды."));

        JsonNode noted = expect(response, 201);
        assertThat(last(noted.path("messages")).path("kind").asText()).isEqualTo("INTERNAL_NOTE");
        assertThat(last(noted.path("messages")).path("body").asText()).isEqualTo("Клиент звонил дважды.");
        assertThat(noted.path("state").asText()).as("a note changes no state").isEqualTo("NEW");
        assertThat(kinds(fx.get("customer", number))).containsExactly("CUSTOMER");
    }

    // ------------------------------------------------------------------ customer messages

    @Test
    void customerMessageOnAnOpenTicketIsAddedWithoutChangingState() {
        String number = newTicket("more details").path("number").asText();

        JsonNode updated = expect(fx.as("customer").post(path(number, "messages"), body("body", "Забыл добавить: браузер Firefox.")), 201);

        assertThat(updated.path("state").asText()).isEqualTo("NEW");
        assertThat(kinds(updated)).containsExactly("CUSTOMER", "CUSTOMER");
        assertThat(actions(fx.get("l1", number))).containsExactly("CREATED", "CUSTOMER_REPLIED");
    }

    @Test
    void customerMessageWithinTheReopenWindowReopensASolvedTicket() {
        String number = newTicket("reopen").path("number").asText();
        expect(fx.as("l1").post(path(number, "answer"), body("body", "Перезагрузите страницу.")), 200);

        JsonNode reopened = expect(fx.as("customer").post(path(number, "messages"), body("body", "Не помогло.")), 201);

        assertThat(reopened.path("number").asText()).isEqualTo(number);
        assertThat(reopened.path("state").asText()).isEqualTo("OPEN");
        assertThat(reopened.path("reopenCount").asInt()).isEqualTo(1);
        assertThat(reopened.path("solvedAt").isNull()).isTrue();
        assertThat(reopened.path("followUpOf").isNull()).isTrue();
        assertThat(last(fx.get("l1", number).path("history")).path("action").asText()).isEqualTo("REOPENED");
        assertThat(numbers(expect(fx.as("l1").get(TICKETS + "/queue/first-line?limit=500"), 200))).contains(number);
    }

    @Test
    void customerMessageOnAClosedTicketStartsAFollowUpTicket() {
        JsonNode original = newTicket("follow-up");
        String number = original.path("number").asText();
        expect(fx.as("l1").post(path(number, "close"), body("reason", "NO_REPLY")), 200);

        ApiResponse response = fx.as("customer").post(path(number, "messages"), body("body", "Проблема вернулась."));

        JsonNode followUp = track(expect(response, 201));
        assertThat(followUp.path("number").asText()).isNotEqualTo(number);
        assertThat(response.header("Location")).isEqualTo(TICKETS + "/" + followUp.path("number").asText());
        assertThat(followUp.path("followUpOf").asText()).isEqualTo(number);
        assertThat(followUp.path("subject").asText()).isEqualTo(original.path("subject").asText());
        assertThat(followUp.path("state").asText()).isEqualTo("NEW");
        assertThat(followUp.path("line").asText()).isEqualTo("FIRST");
        assertThat(followUp.path("customerId").asLong()).isEqualTo(original.path("customerId").asLong());
        assertThat(followUp.path("messages")).hasSize(1);
        assertThat(followUp.path("messages").get(0).path("body").asText()).isEqualTo("Проблема вернулась.");

        JsonNode old = fx.get("l1", number);
        assertThat(old.path("state").asText()).isEqualTo("CLOSED");
        assertThat(last(old.path("history")).path("action").asText()).isEqualTo("FOLLOW_UP_CREATED");
        assertThat(last(old.path("history")).path("detail").asText()).isEqualTo(followUp.path("number").asText());
        assertThat(old.path("messages")).as("the message went to the follow-up only").hasSize(1);
    }

    // ------------------------------------------------------------------ the whole flow

    @Test
    void ticketGoesFromCustomerThroughFirstLineToSecondLineAndIsSolved() {
        // the customer writes
        JsonNode ticket = newTicket("Не могу войти в ящик");
        String number = ticket.path("number").asText();
        // first line finds it in the queue, takes it, categorises it and passes it to access recovery
        assertThat(numbers(expect(fx.as("l1").get(TICKETS + "/queue/first-line?limit=500"), 200))).contains(number);
        JsonNode taken = expect(fx.as("l1").post(path(number, "take"), body("version", ticket.path("version").asLong())), 200);
        JsonNode escalated = expect(fx.as("l1").post(path(number, "escalate"), body("categoryId", fx.categoryId("password-forgotten"),
                "groupId", fx.groupId("recovery"), "note", "Телефон не привязан.", "version", taken.path("version").asLong())), 200);
        assertThat(numbers(expect(fx.as("l1").get(TICKETS + "/queue/first-line?limit=500"), 200))).doesNotContain(number);
        // second line of that group finds it in its queue, takes it, asks, gets the answer, replies, solves
        assertThat(numbers(expect(fx.as("l2").get(TICKETS + "/queue/groups/" + fx.groupId("recovery") + "?limit=500"), 200)))
                .contains(number);
        JsonNode l2Taken = expect(fx.as("l2").post(path(number, "take"), body("version", escalated.path("version").asLong())), 200);
        assertThat(numbers(expect(fx.as("l2").get(TICKETS + "/mine"), 200))).contains(number);
        expect(fx.as("l2").post(path(number, "ask"), body("body", "Назовите прежние пароли.", "version", l2Taken.path("version").asLong())), 200);
        expect(fx.as("customer").post(path(number, "messages"), body("body", "qwerty и 123456")), 201);
        JsonNode replied = expect(fx.as("l2").post(path(number, "reply"), body("body", "Сведения совпадают.")), 200);
        JsonNode solved = expect(fx.as("l2").post(path(number, "solve"), body("body", "Ссылка для смены пароля отправлена.",
                "version", replied.path("version").asLong())), 200);
        assertThat(numbers(expect(fx.as("l2").get(TICKETS + "/mine"), 200))).as("solved is finished").doesNotContain(number);

        assertThat(actions(solved)).containsExactly("CREATED", "TAKE", "ESCALATE", "TAKE", "ASK_FOR_INFORMATION",
                "CUSTOMER_REPLIED", "REPLY", "SOLVE");
        assertThat(solved.path("history")).allSatisfy(h -> assertThat(h.path("at").isTextual()).isTrue());
        // the customer sees the public conversation and the solved state, never the internal note
        JsonNode seen = fx.get("customer", number);
        assertThat(seen.path("state").asText()).isEqualTo("SOLVED");
        assertThat(kinds(seen)).containsExactly("CUSTOMER", "PUBLIC_REPLY", "CUSTOMER", "PUBLIC_REPLY", "PUBLIC_REPLY");
        assertThat(last(seen.path("messages")).path("body").asText()).isEqualTo("Ссылка для смены пароля отправлена.");
        assertThat(seen.path("history")).isEmpty();
        assertThat(kinds(fx.get("lead", number))).contains("INTERNAL_NOTE");
    }

    @Test
    void customersNeverSeeInternalNotesOrHistoryAnywhere() {
        String number = newTicket("internal").path("number").asText();
        expect(fx.as("l1").post(path(number, "notes"), body("body", "СЕКРЕТ-1")), 201);
        fx.escalateToRecovery(number);
        expect(fx.as("l2").post(path(number, "return"), body("note", "СЕКРЕТ-2")), 200);
        expect(fx.as("l1").post(path(number, "close"), body("reason", "OTHER", "note", "СЕКРЕТ-3")), 200);

        JsonNode seen = fx.get("customer", number);
        assertThat(kinds(seen)).doesNotContain("INTERNAL_NOTE");
        assertThat(seen.path("history")).isEmpty();
        assertThat(seen.path("availableActions")).isEmpty();
        assertThat(seen.toString()).doesNotContain("СЕКРЕТ");

        JsonNode followUp = track(expect(fx.as("customer").post(path(number, "messages"), body("body", "Снова.")), 201));
        assertThat(followUp.toString()).doesNotContain("СЕКРЕТ");
        ApiResponse list = fx.as("customer").get(TICKETS + "?size=500");
        assertThat(list.text()).doesNotContain("СЕКРЕТ");
        assertThat(kinds(fx.get("lead", number))).filteredOn("INTERNAL_NOTE"::equals).hasSize(4);
    }

    // ------------------------------------------------------------------ authentication and OpenAPI

    @Test
    void bearerTokenIssuedForAUserAuthenticatesAsThatUser() {
        String secret = administration.issueToken(fx.userId("l1b"), "ci").secret();
        ApiClient client = fx.anonymous().bearer(secret);
        String number = newTicket("bearer").path("number").asText();

        JsonNode taken = expect(client.post(path(number, "take"), null), 200);

        assertThat(taken.path("assigneeId").asLong()).isEqualTo(fx.userId("l1b"));
        assertThat(numbers(expect(client.get(TICKETS + "/mine"), 200))).contains(number);
        assertThat(expect(fx.anonymous().bearer(secret).get(TICKETS + "/" + number), 200).path("number").asText()).isEqualTo(number);
    }

    @Test
    void wrongBearerTokenIs401ProblemDetail() {
        for (String token : List.of("lin_wrongwrongwrongwrongwrongwrongwrongwrong", "not-a-linia-token", "lin_")) {
            ApiResponse response = fx.anonymous().bearer(token).get(TICKETS);
            assertThat(response.status()).as(token).isEqualTo(401);
            assertThat(response.mediaType()).isEqualTo("application/problem+json");
            assertThat(response.problemType()).isEqualTo("unauthenticated");
            assertThat(response.json().path("status").asInt()).isEqualTo(401);
            assertThat(response.header("WWW-Authenticate")).contains("Bearer");
        }
        ApiResponse revoked = fx.anonymous().bearer("lin_" + "x".repeat(300)).get(TICKETS);
        assertThat(revoked.status()).isEqualTo(401);
    }

    @Test
    void wrongPasswordOrNoCredentialsIs401ProblemDetail() {
        ApiResponse wrong = fx.anonymous().basic("l1", "not-the-password").get(TICKETS);
        ApiResponse none = fx.anonymous().post(TICKETS, body("subject", "x", "body", "y"));

        for (ApiResponse response : List.of(wrong, none)) {
            assertThat(response.status()).as("%s", response).isEqualTo(401);
            assertThat(response.mediaType()).isEqualTo("application/problem+json");
            assertThat(response.problemType()).isEqualTo("unauthenticated");
        }
    }

    @Test
    void openApiDocumentListsTheTicketEndpoints() {
        ApiResponse response = fx.anonymous().get("/v3/api-docs");

        JsonNode doc = expect(response, 200);
        assertThat(doc.path("openapi").asText()).startsWith("3.");
        Set<String> paths = new HashSet<>();
        doc.path("paths").fieldNames().forEachRemaining(paths::add);
        assertThat(paths).contains(TICKETS, TICKETS + "/{number}", TICKETS + "/queue/first-line", TICKETS + "/queue/groups/{groupId}",
                TICKETS + "/mine", TICKETS + "/{number}/answer", TICKETS + "/{number}/ask", TICKETS + "/{number}/close",
                TICKETS + "/{number}/escalate", TICKETS + "/{number}/reply", TICKETS + "/{number}/solve",
                TICKETS + "/{number}/return", TICKETS + "/{number}/take", TICKETS + "/{number}/release",
                TICKETS + "/{number}/assign", TICKETS + "/{number}/priority", TICKETS + "/{number}/category",
                TICKETS + "/{number}/notes", TICKETS + "/{number}/messages", "/api/v1/groups");
        assertThat(doc.path("paths").path(TICKETS).has("get")).isTrue();
        assertThat(doc.path("paths").path(TICKETS).has("post")).isTrue();
        assertThat(doc.path("components").path("securitySchemes").has("bearer")).isTrue();
        assertThat(doc.path("components").path("securitySchemes").has("basic")).isTrue();
    }
}
