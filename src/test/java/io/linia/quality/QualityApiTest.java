package io.linia.quality;

import static io.linia.support.ApiClient.body;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.linia.accounts.UserAdministration;
import io.linia.accounts.UserDirectory;
import io.linia.routing.RoutingDirectory;
import io.linia.support.ApiFixtures;
import io.linia.support.ApiResponse;
import io.linia.support.StoreTest;
import io.linia.tickets.TicketService;
import io.linia.tickets.TicketView;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/** The quality API: bad input answers a problem naming the field and changes nothing; the rating endpoint needs no sign-in. */
@StoreTest
@Import(QualityContext.class)
@TestPropertySource(properties = {QualityContext.PROPERTIES_CONTEXT, QualityContext.PROPERTIES_SCHEMA,
        QualityContext.PROPERTIES_SECRET})
class QualityApiTest {

    @LocalServerPort
    int port;
    @Autowired
    QualityContext.Clock clock;
    @Autowired
    CustomerRatings ratings;
    @Autowired
    TicketService tickets;
    @Autowired
    UserDirectory users;
    @Autowired
    RoutingDirectory routing;
    @Autowired
    UserAdministration administration;

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

    @Test
    void reviewsOverTheApiRefuseBadScoresNamingTheCriterionAndAcceptGoodOnes() {
        clock.set(QualityContext.at("2027-08-03T09:00:00Z"));
        TicketView t = desk.answered(desk.open(desk.newCustomer(), desk.category("mail-not-arriving")), "l1");
        List<Map<String, Object>> scores = List.of(body("criterion", "correct", "score", 2), body("criterion", "complete", "score", 5),
                body("criterion", "polite", "score", 2), body("criterion", "policy", "score", 2), body("criterion", "category", "score", 2));
        problem(fx.as("lead").post("/api/v1/quality/reviews", body("ticket", t.number(), "scores", scores)), 400, "scores.complete");
        problem(fx.as("lead").post("/api/v1/quality/reviews", body("ticket", "nonsense", "scores", scores)), 400, "ticket");
        problem(fx.as("lead").post("/api/v1/quality/reviews", body("ticket", t.number(), "scores", scores, "extra", 1)), 400, null);
        assertThat(fx.as("lead").get("/api/v1/quality/reviews", Map.of("ticket", t.number())).json()).isEmpty();

        List<Map<String, Object>> good = List.of(body("criterion", "correct", "score", 2), body("criterion", "complete", "score", 2),
                body("criterion", "polite", "score", 2), body("criterion", "policy", "score", 2), body("criterion", "category", "score", 1));
        JsonNode review = ApiFixtures.expect(fx.as("lead").post("/api/v1/quality/reviews", body("ticket", t.number(), "scores", good)), 201);
        // 50 + 40 + 30 + 40 + 10 = 170 of 180 → 94.44
        assertThat(review.path("totalPercent").decimalValue()).isEqualByComparingTo("94.44");
        problem(fx.as("l1").post("/api/v1/quality/reviews/" + review.path("id").asLong() + "/dispute", body("reason", "")), 400, "reason");
        ApiFixtures.expect(fx.as("l1").post("/api/v1/quality/reviews/" + review.path("id").asLong() + "/dispute",
                body("reason", "Полный ответ")), 201);
        problem(fx.as("l1").post("/api/v1/quality/reviews/" + review.path("id").asLong() + "/dispute", body("reason", "Снова")), 409, null);

        problem(fx.as("lead").put("/api/v1/quality/rubric", body("criteria", List.of())), 403, null);
        problem(fx.as("admin").put("/api/v1/quality/rubric", body("criteria", List.of(body("code", "1bad", "nameRu", "Х",
                "nameEn", "X", "weight", 10)))), 400, "criteria[0].code");
        assertThat(fx.as("lead").get("/api/v1/quality/rubric").json().path("criteria")).hasSize(6);
        problem(fx.as("lead").get("/api/v1/quality/fcr"), 400, "from");
        problem(fx.as("lead").post("/api/v1/quality/samples/draw", body("perAgent", 0)), 400, "perAgent");
        assertThat(fx.anonymous().get("/api/v1/quality/reviews").status()).isEqualTo(401);
    }

    @Test
    void thePublicRatingEndpointTakesTheSignedTokenInsteadOfASignIn() {
        clock.set(QualityContext.at("2027-08-10T09:00:00Z"));
        TicketView t = desk.answered(desk.open(desk.newCustomer(), desk.category("spam-filtering")), "l1b");
        String token = ratings.invitation(t.id()).orElseThrow().token();

        problem(fx.anonymous().post("/api/v1/quality/public/ratings/" + token, body("score", 9)), 400, "score");
        problem(fx.anonymous().post("/api/v1/quality/public/ratings/x" + token, body("score", 4)), 403, null);
        assertThat(fx.anonymous().get("/api/v1/quality/public/ratings/" + token).json().path("rating").isNull()).isTrue();
        JsonNode rated = ApiFixtures.expect(fx.anonymous().post("/api/v1/quality/public/ratings/" + token,
                body("score", 4, "comment", "Быстро")), 200);
        assertThat(rated.path("score").asInt()).isEqualTo(4);
        JsonNode invitation = ApiFixtures.expect(fx.anonymous().get("/api/v1/quality/public/ratings/" + token), 200);
        assertThat(invitation.path("rating").path("comment").asText()).isEqualTo("Быстро");
        assertThat(fx.as("lead").get("/api/v1/quality/ratings", Map.of("agentId", fx.userId("l1b"))).json())
                .anySatisfy(r -> assertThat(r.path("ticketId").asLong()).isEqualTo(t.id()));
        assertThat(fx.as("l1").get("/api/v1/quality/ratings", Map.of("agentId", fx.userId("l1b"))).status()).isEqualTo(403);
    }
}
