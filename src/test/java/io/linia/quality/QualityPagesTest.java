package io.linia.quality;

import static org.assertj.core.api.Assertions.assertThat;

import io.linia.accounts.Actor;
import io.linia.accounts.UserDirectory;
import io.linia.routing.RoutingDirectory;
import io.linia.support.StoreTest;
import io.linia.support.WebSession;
import io.linia.tickets.TicketService;
import io.linia.tickets.TicketView;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/** The quality pages over real HTTP: the public rating page without sign-in, the review and dispute forms, the others. */
@StoreTest
@Import(QualityContext.class)
@TestPropertySource(properties = {QualityContext.PROPERTIES_CONTEXT, QualityContext.PROPERTIES_SCHEMA,
        QualityContext.PROPERTIES_SECRET})
class QualityPagesTest {

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

    QualityContext.Desk desk;

    @BeforeEach
    void desk() {
        desk = new QualityContext.Desk(tickets, users, routing);
    }

    @Test
    void aCustomerRatesFromTheLinkWithoutSigningInAndMayChangeTheRatingOnThePage() {
        clock.set(QualityContext.at("2027-07-06T09:00:00Z"));
        TicketView t = desk.answered(desk.open(desk.newCustomer(), desk.category("mail-not-arriving")), "l1");
        String token = ratings.invitation(t.id()).orElseThrow().token();
        WebSession anonymous = WebSession.anonymous(port);

        HttpResponse<String> clicked = anonymous.get("/rate/" + token + "?score=5");
        assertThat(clicked.statusCode()).isEqualTo(200);
        // opening the link records nothing (mail scanners fetch every link): the page holds the score for its script
        assertThat(clicked.body()).contains(t.number()).contains("data-auto-submit=\"true\"")
                .contains("name=\"via\" value=\"link\"").doesNotContain("id=\"current-score\"")
                .containsPattern("id=\"score-5\"\\s+value=\"5\"\\s+checked");
        assertThat(anonymous.get("/rate/" + token + "?score=5").statusCode()).isEqualTo(200);
        assertThat(ratings.invitation(t.id()).orElseThrow().rating()).isNull();
        HttpResponse<String> sent = anonymous.post("/rate/" + token, Map.of("score", "5", "via", "link"));
        assertThat(sent.statusCode()).isEqualTo(200);
        assertThat(sent.body()).contains("id=\"current-score\"").contains("data-score=\"5\"");
        // the link again: the rating is not created twice nor changed
        assertThat(anonymous.get("/rate/" + token + "?score=1").body()).contains("data-score=\"5\"")
                .doesNotContain("data-auto-submit");
        assertThat(anonymous.post("/rate/" + token, Map.of("score", "1", "via", "link")).body()).contains("data-score=\"5\"");
        assertThat(anonymous.get("/rate/" + token + "?score=7").statusCode()).isEqualTo(400);

        HttpResponse<String> bad = anonymous.post("/rate/" + token, Map.of("score", "9"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("id=\"score-error\"").contains("от 1 до 5");
        HttpResponse<String> changed = anonymous.post("/rate/" + token, Map.of("score", "2", "comment", "Всё ещё не работает"));
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.body()).contains("id=\"rate-saved\"").contains("data-score=\"2\"").contains("Всё ещё не работает");

        HttpResponse<String> tampered = anonymous.get("/rate/" + token.substring(0, token.length() - 2) + "xx?score=5");
        assertThat(tampered.statusCode()).isEqualTo(403);
        assertThat(tampered.body()).contains("id=\"rate-refused\"").contains("недействительна");
        assertThat(anonymous.get("/rate/" + token + "?lang=en").body()).contains("Rate the answer of our support");

        // the low rating is on the team lead's follow-up list, not for agents
        WebSession lead = WebSession.signedIn(port, "lead");
        assertThat(lead.get("/agent/quality/follow-ups").body()).contains("data-ticket=\"" + t.number() + "\"")
                .contains("Всё ещё не работает");
        assertThat(WebSession.signedIn(port, "l1").get("/agent/quality/follow-ups").statusCode()).isEqualTo(403);
    }

    @Test
    void aReviewerScoresOnTheFormTheAgentSeesItAndDisputesItAndTheOtherReviewerGetsTheDispute() {
        clock.set(QualityContext.at("2027-07-13T09:00:00Z"));
        TicketView t = desk.answered(desk.open(desk.newCustomer(), desk.category("spam-filtering")), "l1b");
        WebSession lead = WebSession.signedIn(port, "lead");

        assertThat(lead.get("/agent/tickets/" + t.number()).body()).contains("/agent/tickets/" + t.number() + "/quality");
        assertThat(lead.get("/agent/tickets/" + t.number() + "/quality").body()).contains("id=\"quality-none\"")
                .contains("id=\"quality-review-link\"");
        HttpResponse<String> form = lead.get("/agent/quality/review?ticket=" + t.number());
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("score_correct").contains("Ответ верный");

        Map<String, String> fields = new HashMap<>(Map.of("ticket", t.number(), "score_correct", "2", "score_complete", "3",
                "score_polite", "2", "score_article", "na", "score_policy", "2", "score_category", "1",
                "comment", "Хорошо, но категорию стоило уточнить"));
        HttpResponse<String> refused = lead.post("/agent/quality/review", fields);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"error_complete\"").contains("Оценка — 0, 1 или 2.");
        fields.put("score_complete", "1");
        HttpResponse<String> saved = lead.post("/agent/quality/review", fields);
        assertThat(saved.statusCode()).isEqualTo(302);
        // 25·2 + 20·1 + 15·2 + 20·2 + 10·1 = 150 of 180 → 83.33 %
        assertThat(lead.get("/agent/tickets/" + t.number() + "/quality").body()).contains("83.33 %");

        WebSession agent = WebSession.signedIn(port, "l1b");
        HttpResponse<String> mine = agent.get("/agent/quality/mine");
        assertThat(mine.body()).contains(t.number()).contains("83.33 %").contains("Хорошо, но категорию стоило уточнить");
        String reviewId = mine.body().replaceAll("(?s).*data-review=\"(\\d+)\".*", "$1");
        HttpResponse<String> blank = agent.post("/agent/quality/reviews/" + reviewId + "/dispute", Map.of("reason", " "));
        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(agent.post("/agent/quality/reviews/" + reviewId + "/dispute", Map.of("reason", "Категория была верной"))
                .statusCode()).isEqualTo(302);
        assertThat(agent.get("/agent/quality/mine").body()).contains("ждёт решения");

        HttpResponse<String> queue = WebSession.signedIn(port, "trainer").get("/agent/quality/queue");
        assertThat(queue.body()).contains("Категория была верной").contains("/agent/quality/review?dispute=");
        assertThat(agent.get("/agent/quality/queue").statusCode()).isEqualTo(403);
    }

    @Test
    void myQualityCalibrationRubricAndThePortalPanelAnswer() {
        clock.set(QualityContext.at("2027-07-20T09:00:00Z"));
        Actor ivan = desk.actor("customer");
        TicketView t = desk.answered(desk.open(ivan, desk.category("web-errors")), "l1");

        WebSession customer = WebSession.signedIn(port, "customer");
        assertThat(customer.get("/portal/tickets/" + t.number()).body()).contains("/portal/tickets/" + t.number() + "/rating");
        HttpResponse<String> panel = customer.get("/portal/tickets/" + t.number() + "/rating");
        assertThat(panel.statusCode()).isEqualTo(200);
        assertThat(panel.body()).contains("portal-rate-link").contains("score=5");
        String link = panel.body().replaceAll("(?s).*href=\"(/rate/[^\"]+score=4)\".*", "$1").replace("&amp;", "&");
        assertThat(customer.get(link).body()).contains("data-auto-submit=\"true\"")
                .containsPattern("id=\"score-4\"\\s+value=\"4\"\\s+checked");
        String path = link.substring(0, link.indexOf('?'));
        assertThat(customer.post(path, Map.of("score", "4", "via", "link")).body()).contains("data-score=\"4\"");
        assertThat(customer.get("/portal/tickets/" + t.number() + "/rating").body()).contains("id=\"portal-rating-given\"");

        clock.advance(java.time.Duration.ofMinutes(5));
        WebSession l1 = WebSession.signedIn(port, "l1");
        HttpResponse<String> me = l1.get("/agent/quality/me?days=7");
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("id=\"me-csat-average\"").contains(t.number());
        assertThat(l1.get("/agent/quality/me?lang=en").body()).contains("My quality");

        WebSession lead = WebSession.signedIn(port, "lead");
        assertThat(lead.get("/agent/quality/calibration").statusCode()).isEqualTo(200);
        assertThat(lead.get("/admin/quality/rubric").statusCode()).isEqualTo(403);

        WebSession admin = WebSession.signedIn(port, "admin");
        HttpResponse<String> rubric = admin.get("/admin/quality/rubric");
        assertThat(rubric.statusCode()).isEqualTo(200);
        assertThat(rubric.body()).contains("value=\"policy\"");
        HttpResponse<String> badWeight = admin.postEncoded("/admin/quality/rubric",
                "code=correct&nameRu=%D0%92%D0%B5%D1%80%D0%BD%D0%BE&nameEn=Correct&weight=0&na=no");
        assertThat(badWeight.statusCode()).isEqualTo(400);
        assertThat(badWeight.body()).contains("id=\"weight-error-0\"").contains("от 1 до 100");
    }
}
