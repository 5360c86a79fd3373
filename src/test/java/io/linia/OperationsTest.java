package io.linia;

import static org.assertj.core.api.Assertions.assertThat;

import io.linia.accounts.UserDirectory;
import io.linia.support.StoreTest;
import io.linia.tickets.Channel;
import io.linia.tickets.TicketCommands;
import io.linia.tickets.TicketService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What an operator sees: readiness with the database, Prometheus metrics with ticket counters. */
@StoreTest
class OperationsTest {

    @LocalServerPort
    int port;

    @Autowired
    TicketService tickets;

    @Autowired
    UserDirectory users;

    private HttpResponse<String> get(String path, String login) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (login != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((login + ":linia2026").getBytes(StandardCharsets.UTF_8)));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void readinessIsUpAndIncludesTheDatabase() throws Exception {
        HttpResponse<String> anonymous = get("/actuator/health/readiness", null);
        HttpResponse<String> admin = get("/actuator/health/readiness", "admin");

        assertThat(anonymous.statusCode()).isEqualTo(200);
        assertThat(anonymous.body()).contains("\"status\":\"UP\"");
        assertThat(admin.body()).contains("\"db\"").contains("\"readinessState\"");
    }

    @Test
    void prometheusShowsTicketCountersPerChannelLineAndStateToAdminsOnly() throws Exception {
        tickets.create(users.userByLogin("customer").orElseThrow().toActor(),
                new TicketCommands.NewTicket("Метрики", "Проверка счётчиков", null, null, null, null), Channel.API);

        // the state gauges are refreshed in the background (every second in tests)
        Awaitility.await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            HttpResponse<String> metrics = get("/actuator/prometheus", "admin");
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.body()).containsPattern("linia_tickets_received_total\\{channel=\"API\"[^}]*} [1-9]")
                    .containsPattern("linia_tickets_current\\{line=\"FIRST\",state=\"NEW\"[^}]*} [1-9]")
                    .contains("linia_tickets_current{line=\"SECOND\",state=\"NEW\"")
                    .contains("linia_tickets_actions_total{action=\"ESCALATE\",line=\"FIRST\"");
        });
        assertThat(get("/actuator/prometheus", "customer").statusCode()).isEqualTo(403);
        assertThat(get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
    }
}
