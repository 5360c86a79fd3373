package io.linia.quality;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.linia.accounts.UserAdministration;
import io.linia.accounts.UserDirectory;
import io.linia.quality.internal.MeasureUpkeep;
import io.linia.routing.RoutingDirectory;
import io.linia.support.ApiFixtures;
import io.linia.support.ApiResponse;
import io.linia.support.StoreTest;
import io.linia.tickets.TicketService;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * The measures over the API: team leads read any agent, group, line or category; an agent only their own agent
 * measures (the default when they name none); bad parameters answer a problem naming the field.
 */
@StoreTest
@Import(QualityContext.class)
@TestPropertySource(properties = {QualityContext.PROPERTIES_CONTEXT, QualityContext.PROPERTIES_SCHEMA,
        QualityContext.PROPERTIES_SECRET})
class MeasuresApiTest {

    static final String FROM = "2029-06-04T00:00:00Z";
    static final String TO = "2029-06-11T00:00:00Z";

    @LocalServerPort
    int port;
    @Autowired
    QualityContext.Clock clock;
    @Autowired
    TicketService tickets;
    @Autowired
    UserDirectory users;
    @Autowired
    RoutingDirectory routing;
    @Autowired
    UserAdministration administration;
    @Autowired
    MeasureUpkeep upkeep;

    QualityContext.Desk desk;
    ApiFixtures fx;

    @BeforeEach
    void desk() {
        desk = new QualityContext.Desk(tickets, users, routing);
        fx = new ApiFixtures(port, administration, users);
    }

    private static void problem(ApiResponse response, int status, String field) {
        assertThat(response.status()).as("%s", response).isEqualTo(status);
        assertThat(response.mediaType()).contains("application/problem+json");
        if (field != null) {
            assertThat(response.json().path("field").asText()).isEqualTo(field);
        }
    }

    private static Map<String, Object> q(Object... kv) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void teamLeadsReadEveryoneAndAnAgentOnlyThemselves() {
        clock.set(QualityContext.at("2029-06-05T09:00:00Z"));
        var t = desk.open(desk.newCustomer(), desk.category("web-errors"));
        clock.advance(Duration.ofMinutes(12));
        desk.answered(t, "l1b");
        assertThat(upkeep.awaitIdle(Duration.ofSeconds(30))).isTrue();
        long l1b = fx.userId("l1b");

        JsonNode lead = ApiFixtures.expect(fx.as("lead").get("/api/v1/quality/measures",
                q("by", "agent", "id", l1b, "from", FROM, "to", TO)), 200);
        assertThat(lead.path("by").asText()).isEqualTo("AGENT");
        assertThat(lead.path("rows")).hasSize(1);
        assertThat(lead.path("rows").get(0).path("key").asText()).isEqualTo(String.valueOf(l1b));
        assertThat(lead.path("rows").get(0).path("handled").asLong()).isEqualTo(1);
        assertThat(lead.path("rows").get(0).path("handlingMedianMs").asLong()).isEqualTo(12 * 60_000L);
        assertThat(lead.path("rows").get(0).path("escalationFlag").asText()).isEqualTo("NOT_ENOUGH_DATA");

        JsonNode all = ApiFixtures.expect(fx.as("lead").get("/api/v1/quality/measures", q("by", "category", "from", FROM, "to", TO)), 200);
        assertThat(all.path("rows")).anySatisfy(r -> {
            assertThat(r.path("key").asText()).isEqualTo(String.valueOf(desk.category("web-errors")));
            assertThat(r.path("handled").asLong()).isEqualTo(1);
        });

        JsonNode own = ApiFixtures.expect(fx.as("l1b").get("/api/v1/quality/measures", q("by", "agent", "from", FROM, "to", TO)), 200);
        assertThat(own.path("rows").get(0).path("key").asText()).isEqualTo(String.valueOf(l1b));
        assertThat(own.path("rows").get(0).path("resolved").asLong()).isEqualTo(1);

        JsonNode weeks = ApiFixtures.expect(fx.as("l1b").get("/api/v1/quality/measures/trend",
                q("by", "agent", "from", FROM, "to", "2029-06-25T00:00:00Z")), 200);
        assertThat(weeks).hasSize(4);
        assertThat(weeks.get(0).path("week").asText()).isEqualTo("2029-06-04");
        assertThat(weeks.get(0).path("measures").path("handled").asLong()).isEqualTo(1);
        assertThat(weeks.get(1).path("measures").path("handled").asLong()).isZero();

        problem(fx.as("l1b").get("/api/v1/quality/measures", q("by", "agent", "id", fx.userId("l1"), "from", FROM, "to", TO)), 403, null);
        problem(fx.as("l1b").get("/api/v1/quality/measures", q("by", "group", "id", fx.groupId("web"), "from", FROM, "to", TO)), 403, null);
        problem(fx.as("l1b").get("/api/v1/quality/measures", q("by", "line", "from", FROM, "to", TO)), 403, null);
        problem(fx.as("l1b").get("/api/v1/quality/measures/trend", q("by", "group", "id", fx.groupId("web"), "from", FROM,
                "to", TO)), 403, null);
        problem(fx.as(fx.newCustomer()).get("/api/v1/quality/measures", q("by", "agent", "from", FROM, "to", TO)), 403, null);
    }

    @Test
    void badParametersAnswerAProblemNamingTheField() {
        problem(fx.as("lead").get("/api/v1/quality/measures", q("from", FROM, "to", TO)), 400, "by");
        problem(fx.as("lead").get("/api/v1/quality/measures", q("by", "team", "from", FROM, "to", TO)), 400, "by");
        problem(fx.as("lead").get("/api/v1/quality/measures", q("by", "agent", "to", TO)), 400, "from");
        problem(fx.as("lead").get("/api/v1/quality/measures", q("by", "agent", "from", "yesterday", "to", TO)), 400, "from");
        problem(fx.as("lead").get("/api/v1/quality/measures", q("by", "agent", "from", FROM)), 400, "to");
        problem(fx.as("lead").get("/api/v1/quality/measures", q("by", "agent", "from", TO, "to", FROM)), 400, "to");
        problem(fx.as("lead").get("/api/v1/quality/measures", q("by", "agent", "id", "abc", "from", FROM, "to", TO)), 400, "id");
        problem(fx.as("lead").get("/api/v1/quality/measures", q("by", "group", "id", "-3", "from", FROM, "to", TO)), 400, "id");
        problem(fx.as("lead").get("/api/v1/quality/measures", q("by", "line", "id", "THIRD", "from", FROM, "to", TO)), 400, "id");
        problem(fx.as("lead").get("/api/v1/quality/measures/trend", q("by", "group", "from", FROM, "to", TO)), 400, "id");
        problem(fx.as("lead").get("/api/v1/quality/measures/trend", q("by", "line", "id", "FIRST", "from", "2027-01-01T00:00:00Z",
                "to", "2029-06-11T00:00:00Z")), 400, "to");
        JsonNode english = fx.as("lead").get("/api/v1/quality/measures", q("by", "team", "from", FROM, "to", TO)).json();
        assertThat(english.path("detail").asText()).isNotBlank();
    }
}
