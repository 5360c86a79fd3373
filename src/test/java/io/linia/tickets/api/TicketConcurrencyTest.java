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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Agents acting on one ticket at once: one wins, the others get 409 and the fresh state; never a
 * 500, never two mutually exclusive transitions both recorded.
 */
@StoreTest
class TicketConcurrencyTest {

    private static final int THREADS = 8;
    private static final int ROUNDS = 5;

    @LocalServerPort
    int port;

    @Autowired
    UserAdministration administration;

    @Autowired
    UserDirectory directory;

    ApiFixtures fx;
    ExecutorService pool;
    final List<String> created = new ArrayList<>();

    @BeforeEach
    void setUp() {
        fx = new ApiFixtures(port, administration, directory);
        pool = Executors.newFixedThreadPool(THREADS);
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        pool.shutdownNow();
        pool.awaitTermination(30, TimeUnit.SECONDS);
        created.forEach(fx::finish);
    }

    private String newTicket(String subject) {
        String number = fx.ticketOf("customer", subject).path("number").asText();
        created.add(number);
        return number;
    }

    /** Runs every call at the same moment (released together by a barrier) and returns the answers in order. */
    private List<ApiResponse> atOnce(List<Supplier<ApiResponse>> calls) throws Exception {
        CyclicBarrier start = new CyclicBarrier(calls.size());
        List<Future<ApiResponse>> futures = new ArrayList<>();
        for (Supplier<ApiResponse> call : calls) {
            futures.add(pool.submit(() -> {
                start.await(30, TimeUnit.SECONDS);
                return call.get();
            }));
        }
        List<ApiResponse> responses = new ArrayList<>();
        for (Future<ApiResponse> future : futures) {
            responses.add(future.get(120, TimeUnit.SECONDS));
        }
        return responses;
    }

    private static long count(List<ApiResponse> responses, int status) {
        return responses.stream().filter(r -> r.status() == status).count();
    }

    private static List<String> historyActions(JsonNode ticket) {
        return StreamSupport.stream(ticket.path("history").spliterator(), false).map(h -> h.path("action").asText()).toList();
    }

    @Test
    void secondAgentWithTheSameVersionGets409WithTheCurrentVersion() {
        String number = newTicket("same version, one after the other");
        long seen = fx.get("l1", number).path("version").asLong();

        JsonNode first = expect(fx.as("l1").post(path(number, "take"), body("version", seen)), 200);
        ApiResponse second = fx.as("l1b").post(path(number, "answer"), body("body", "Мой ответ", "version", seen));

        assertThat(second.status()).as("%s", second).isEqualTo(409);
        assertThat(second.mediaType()).isEqualTo("application/problem+json");
        assertThat(second.json().path("type").asText()).endsWith("stale");
        assertThat(second.json().path("currentVersion").asLong()).isEqualTo(first.path("version").asLong());
        assertThat(second.json().path("currentState").asText()).isEqualTo("OPEN");
        JsonNode fresh = fx.get("l1b", number);
        assertThat(fresh.path("version").asLong()).isEqualTo(first.path("version").asLong());
        assertThat(fresh.path("assigneeId").asLong()).isEqualTo(fx.userId("l1"));
        assertThat(historyActions(fresh)).containsExactly("CREATED", "TAKE");
    }

    @Test
    void agentsSendingTheSameVersionAtOnceGetOneSuccessAndConflictsCarryingTheCurrentVersion() throws Exception {
        List<String> agents = List.of("l1", "l1b", "lead", "trainer");
        for (int round = 0; round < ROUNDS; round++) {
            String number = newTicket("same version at once " + round);
            long seen = fx.get("lead", number).path("version").asLong();
            List<Supplier<ApiResponse>> calls = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                ApiClient agent = fx.as(agents.get(i % agents.size()));
                String priority = List.of("LOW", "HIGH", "URGENT").get(i % 3);
                calls.add(() -> agent.post(path(number, "priority"), body("priority", priority, "version", seen)));
            }

            List<ApiResponse> responses = atOnce(calls);

            assertThat(count(responses, 200)).as("round %d: %s", round, responses).isEqualTo(1);
            assertThat(count(responses, 409)).as("round %d: %s", round, responses).isEqualTo(THREADS - 1);
            JsonNode fresh = fx.get("lead", number);
            ApiResponse winner = responses.stream().filter(r -> r.status() == 200).findFirst().orElseThrow();
            assertThat(fresh.path("version").asLong()).isEqualTo(winner.json().path("version").asLong());
            assertThat(fresh.path("priority").asText()).isEqualTo(winner.json().path("priority").asText());
            for (ApiResponse loser : responses.stream().filter(r -> r.status() == 409).toList()) {
                assertThat(loser.mediaType()).isEqualTo("application/problem+json");
                assertThat(loser.json().path("type").asText()).as("%s", loser).endsWith("stale");
                assertThat(loser.json().path("currentVersion").isIntegralNumber())
                        .as("the loser learns the current version: %s", loser).isTrue();
                assertThat(loser.json().path("currentVersion").asLong()).isEqualTo(fresh.path("version").asLong());
            }
            assertThat(historyActions(fresh)).filteredOn("CHANGE_PRIORITY"::equals).hasSize(1);
        }
    }

    /** Answer, escalate and close by the given agents, all at once, on fresh tickets; returns each round's answers. */
    private void raceDecisiveTransitions(List<String> agents, java.util.function.BiConsumer<String, List<ApiResponse>> check)
            throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String number = newTicket("answer, escalate or close " + round);
            List<Supplier<ApiResponse>> calls = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                ApiClient agent = fx.as(agents.get(i % agents.size()));
                calls.add(switch (i % 3) {
                    case 0 -> () -> agent.post(path(number, "answer"), body("body", "Ответ"));
                    case 1 -> () -> agent.post(path(number, "escalate"), body("categoryId", fx.categoryId("password-forgotten"),
                            "groupId", fx.groupId("recovery")));
                    default -> () -> agent.post(path(number, "close"), body("reason", "DUPLICATE"));
                });
            }

            List<ApiResponse> responses = atOnce(calls);

            String context = "round " + round + ": " + responses;
            assertThat(responses).as("never a server error").allSatisfy(r -> assertThat(r.status()).as("%s", r).isLessThan(500));
            assertThat(count(responses, 200)).as(context).isEqualTo(1);
            List<String> decisive = historyActions(fx.get("lead", number)).stream()
                    .filter(a -> a.equals("ANSWER") || a.equals("ESCALATE") || a.equals("CLOSE")).toList();
            assertThat(decisive).as("exactly one of them happened, " + context).hasSize(1);
            JsonNode fresh = fx.get("lead", number);
            assertThat(fresh.path("messages").size()).as("only the winner's reply was stored").isLessThanOrEqualTo(2);
            check.accept(number, responses);
        }
    }

    @Test
    void mutuallyExclusiveTransitionsAtOnceWithoutVersionLetExactlyOneThroughAndRefuseTheRestWith409() throws Exception {
        // the team lead works both lines, so whatever wins, every loser still sees and may work the ticket: 409
        raceDecisiveTransitions(List.of("lead"), (number, responses) -> {
            assertThat(count(responses, 409)).as("%s", responses).isEqualTo(THREADS - 1);
            responses.stream().filter(r -> r.status() == 409).forEach(r -> {
                assertThat(r.mediaType()).isEqualTo("application/problem+json");
                assertThat(r.json().path("type").asText()).as("%s", r).matches(".*/(stale|transition-refused)");
            });
        });
    }

    @Test
    void mutuallyExclusiveTransitionsOfDifferentAgentsAtOnceLetExactlyOneThrough() throws Exception {
        // when the escalation wins, first-line agents lose sight of the ticket (404) and the trainer may no
        // longer work it (403); otherwise every loser gets 409
        raceDecisiveTransitions(List.of("l1", "l1b", "lead", "trainer"), (number, responses) -> {
            boolean escalated = "SECOND".equals(fx.get("lead", number).path("line").asText());
            responses.stream().filter(r -> r.status() != 200).forEach(r -> {
                assertThat(r.status()).as("%s", r).isIn(escalated ? List.of(403, 404, 409) : List.of(409));
                assertThat(r.mediaType()).isEqualTo("application/problem+json");
            });
        });
    }

    @Test
    void simultaneousTakesNeverFailWithAServerErrorAndHistoryRecordsEachSuccess() throws Exception {
        List<String> agents = List.of("l1", "l1b", "lead", "trainer");
        for (int round = 0; round < ROUNDS; round++) {
            String number = newTicket("take at once " + round);
            List<Supplier<ApiResponse>> calls = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                ApiClient agent = fx.as(agents.get(i % agents.size()));
                calls.add(() -> agent.post(path(number, "take"), null));
            }

            List<ApiResponse> responses = atOnce(calls);

            assertThat(responses).allSatisfy(r -> assertThat(r.status()).as("%s", r).isIn(200, 409));
            assertThat(count(responses, 200)).as("%s", responses).isGreaterThanOrEqualTo(1);
            JsonNode fresh = fx.get("lead", number);
            assertThat(historyActions(fresh)).filteredOn("TAKE"::equals).as("one history entry per successful take")
                    .hasSize((int) count(responses, 200));
            assertThat(fresh.path("version").asLong()).isEqualTo(count(responses, 200));
            long lastWinner = StreamSupport.stream(fresh.path("history").spliterator(), false)
                    .reduce((a, b) -> b).orElseThrow().path("actorId").asLong();
            assertThat(fresh.path("assigneeId").asLong()).as("the last recorded take holds the ticket").isEqualTo(lastWinner);
        }
    }

    @Test
    void customerMessageAndAgentActionAtOnceBothLandOrOneGets409() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String number = newTicket("customer and agent at once " + round);
            ApiClient customer = fx.as("customer");
            ApiClient agent = fx.as("l1");

            List<ApiResponse> responses = atOnce(List.of(
                    () -> customer.post(path(number, "messages"), body("body", "Дополнение")),
                    () -> agent.post(path(number, "answer"), body("body", "Ответ"))));

            assertThat(responses).allSatisfy(r -> assertThat(r.status()).as("%s", r).isIn(200, 201, 409));
            JsonNode fresh = fx.get("lead", number);
            long stored = StreamSupport.stream(fresh.path("messages").spliterator(), false).count();
            long succeeded = responses.stream().filter(r -> r.status() < 300).count();
            assertThat(stored).as("one message per success: %s", responses).isEqualTo(1 + succeeded);
        }
    }

    @Test
    void concurrentCreationsAllGetDistinctNumbers() throws Exception {
        String customer = fx.newCustomer();
        ApiClient client = fx.as(customer);
        List<Supplier<ApiResponse>> calls = new ArrayList<>();
        for (int i = 0; i < THREADS * 2; i++) {
            int n = i;
            calls.add(() -> client.post("/api/v1/tickets", body("subject", "parallel " + n, "body", "text " + n)));
        }

        List<ApiResponse> responses = atOnce(calls.subList(0, THREADS));
        responses.addAll(atOnce(calls.subList(THREADS, calls.size())));

        assertThat(responses).allSatisfy(r -> assertThat(r.status()).as("%s", r).isEqualTo(201));
        List<String> numbers = responses.stream().map(r -> r.json().path("number").asText()).toList();
        numbers.forEach(created::add);
        assertThat(numbers).doesNotHaveDuplicates();
        assertThat(fx.listAll(client, Map.of(), 500)).hasSize(THREADS * 2);
    }
}
