package io.linia.knowledge.api;

import static io.linia.support.ApiClient.body;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.linia.accounts.Actor;
import io.linia.accounts.UserAdministration;
import io.linia.accounts.UserDirectory;
import io.linia.knowledge.ArticleCommand;
import io.linia.knowledge.ArticleFeedback;
import io.linia.knowledge.ArticleStatus;
import io.linia.knowledge.ArticleView;
import io.linia.knowledge.Audience;
import io.linia.knowledge.KnowledgeBase;
import io.linia.support.ApiClient;
import io.linia.support.ApiFixtures;
import io.linia.support.ApiResponse;
import io.linia.support.StoreTest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The feedback API end to end: votes (a change of mind counts once), flags, deflections, the report, bad input. */
@StoreTest
class FeedbackApiTest {

    @LocalServerPort
    int port;
    @Autowired
    UserAdministration administration;
    @Autowired
    UserDirectory directory;
    @Autowired
    KnowledgeBase kb;
    @Autowired
    ArticleFeedback feedback;
    @Autowired
    JdbcTemplate jdbc;

    ApiFixtures api;

    @BeforeEach
    void fixtures() {
        api = new ApiFixtures(port, administration, directory);
    }

    private ArticleView article(Audience audience, ArticleStatus status) {
        Actor lead = directory.userByLogin("lead").orElseThrow().toActor();
        return kb.create(lead, new ArticleCommand("Статья для отзывов " + UUID.randomUUID(), "Текст статьи.", null, audience,
                "ru", "", status, null, null));
    }

    private static String feedbackPath(long id) {
        return "/api/v1/kb/public/articles/" + id + "/feedback";
    }

    @Test
    void aVisitorsChangeOfMindCountsOnce() {
        long id = article(Audience.PUBLIC, ArticleStatus.PUBLISHED).id();

        ApiResponse first = api.anonymous().post(feedbackPath(id), body("helpful", true));
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        String visitor = first.json().path("visitor").asText();
        assertThat(visitor).hasSizeGreaterThanOrEqualTo(8);
        assertThat(first.json().path("helpfulVotes").asLong()).isEqualTo(1);

        ApiResponse second = api.anonymous().post(feedbackPath(id), body("helpful", false, "comment", "Устарело", "visitor", visitor));
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json().path("helpfulVotes").asLong()).isZero();
        assertThat(second.json().path("notHelpfulVotes").asLong()).isEqualTo(1);

        // another visitor counts on their own; a signed-in customer votes under their account, twice = once
        api.anonymous().post(feedbackPath(id), body("helpful", true, "visitor", "another-visitor-1"));
        api.as("customer").post(feedbackPath(id), body("helpful", false));
        ApiResponse customerAgain = api.as("customer").post(feedbackPath(id), body("helpful", true));
        assertThat(customerAgain.json().path("visitor").isNull()).isTrue();

        JsonNode counts = api.anonymous().get(feedbackPath(id)).json();
        assertThat(counts.path("helpfulVotes").asLong()).isEqualTo(2);
        assertThat(counts.path("notHelpfulVotes").asLong()).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from kb_feedback where article_id = ?", Long.class, id)).isEqualTo(3);
        assertThat(jdbc.queryForObject("select comment from kb_feedback where article_id = ? and voter = ?", String.class,
                id, "v:" + visitor)).isEqualTo("Устарело");
    }

    @Test
    void onlyPublicPublishedArticlesTakeVotesAndDeflections() {
        long internal = article(Audience.INTERNAL, ArticleStatus.PUBLISHED).id();
        long draft = article(Audience.PUBLIC, ArticleStatus.DRAFT).id();

        for (long id : new long[]{internal, draft, 999_999_999L}) {
            ApiResponse vote = api.anonymous().post(feedbackPath(id), body("helpful", true));
            assertThat(vote.status()).as(vote.toString()).isEqualTo(404);
            assertThat(vote.problemType()).isEqualTo("not-found");
            assertThat(api.anonymous().post("/api/v1/kb/public/articles/" + id + "/deflections", body("query", "x")).status())
                    .isEqualTo(404);
        }
        assertThat(jdbc.queryForObject("select count(*) from kb_feedback where article_id in (?, ?)", Long.class, internal, draft)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from kb_deflection where article_id in (?, ?)", Long.class, internal, draft)).isZero();
    }

    @Test
    void deflectionsAreCountedPerArticle() {
        long id = article(Audience.PUBLIC, ArticleStatus.PUBLISHED).id();

        ApiResponse first = api.anonymous().post("/api/v1/kb/public/articles/" + id + "/deflections", body("query", "не приходят письма"));
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.json().path("deflections").asLong()).isEqualTo(1);
        ApiResponse second = api.as("customer").post("/api/v1/kb/public/articles/" + id + "/deflections", null);
        assertThat(second.status()).as(second.toString()).isEqualTo(201);
        assertThat(second.json().path("deflections").asLong()).isEqualTo(2);

        assertThat(feedback.counts(id).deflections()).isEqualTo(2);
        assertThat(jdbc.queryForObject("select count(*) from kb_deflection where article_id = ? and user_id = ?", Long.class,
                id, api.userId("customer"))).isEqualTo(1);
        assertThat(api.as("lead").get("/api/v1/kb/feedback-report").json().path("mostDeflecting").toString())
                .contains("\"articleId\":" + id);
    }

    @Test
    void agentsFlagEditorsResolveAndTheLeadSeesTheReport() {
        long id = article(Audience.INTERNAL, ArticleStatus.PUBLISHED).id();
        String flagsPath = "/api/v1/kb/articles/" + id + "/flags";

        assertThat(api.anonymous().post(flagsPath, body("reason", "устарело")).status()).isEqualTo(401);
        assertThat(api.as("customer").post(flagsPath, body("reason", "устарело")).status()).isEqualTo(403);
        ApiResponse flagged = api.as("l1").post(flagsPath, body("reason", "Цены поменялись"));
        assertThat(flagged.status()).as(flagged.toString()).isEqualTo(201);
        long flagId = flagged.json().path("id").asLong();
        assertThat(flagged.json().path("flaggedBy").asText()).isEqualTo("Анна Кузнецова");
        assertThat(flagged.json().path("resolvedAt").isNull()).isTrue();

        ApiResponse list = api.as("l2").get(flagsPath);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json()).hasSize(1);
        assertThat(list.json().get(0).path("reason").asText()).isEqualTo("Цены поменялись");
        assertThat(api.as("customer").get(flagsPath).status()).isEqualTo(403);

        ApiResponse report = api.as("lead").get("/api/v1/kb/feedback-report");
        assertThat(report.status()).isEqualTo(200);
        assertThat(report.json().path("openFlags").toString()).contains("\"id\":" + flagId);
        assertThat(api.as("l1").get("/api/v1/kb/feedback-report").status()).isEqualTo(403);

        assertThat(api.as("l1").post("/api/v1/kb/flags/" + flagId + "/resolve", null).status()).isEqualTo(403);
        ApiResponse resolved = api.as("lead").post("/api/v1/kb/flags/" + flagId + "/resolve", null);
        assertThat(resolved.status()).as(resolved.toString()).isEqualTo(200);
        assertThat(resolved.json().path("resolvedBy").asText()).isEqualTo("Елена Морозова");
        assertThat(api.as("lead").post("/api/v1/kb/flags/" + flagId + "/resolve", null).status()).isEqualTo(409);
        assertThat(api.as("lead").post("/api/v1/kb/flags/999999999/resolve", null).status()).isEqualTo(404);
        assertThat(api.as("lead").get("/api/v1/kb/feedback-report").json().path("openFlags").toString())
                .doesNotContain("\"id\":" + flagId + ",");
    }

    @Test
    void badInputIsRefusedWithTheFieldAndChangesNothing() {
        long id = article(Audience.PUBLIC, ArticleStatus.PUBLISHED).id();
        ApiClient visitor = api.anonymous();

        assertField(visitor.post(feedbackPath(id), body("comment", "без ответа")), "helpful");
        assertField(visitor.post(feedbackPath(id), body("helpful", "perhaps")), "helpful");
        assertField(visitor.post(feedbackPath(id), body("helpful", false, "comment", "x".repeat(1001))), "comment");
        assertField(visitor.post(feedbackPath(id), body("helpful", false, "comment", "нуль\u0000байт")), "comment");
        assertField(visitor.post(feedbackPath(id), body("helpful", true, "visitor", "<script>")), "visitor");
        assertThat(visitor.postRaw(feedbackPath(id), "{\"helpful\": tru".getBytes(StandardCharsets.UTF_8), "application/json")
                .status()).isEqualTo(400);
        assertThat(visitor.post("/api/v1/kb/public/articles/abc/feedback", body("helpful", true)).status()).isEqualTo(400);
        assertField(visitor.post("/api/v1/kb/public/articles/" + id + "/deflections", body("query", "q".repeat(1001))), "query");
        assertField(api.as("l1").post("/api/v1/kb/articles/" + id + "/flags", body("reason", "   ")), "reason");
        assertField(api.as("l1").post("/api/v1/kb/articles/" + id + "/flags", body()), "reason");
        assertField(api.as("lead").get("/api/v1/kb/feedback-report?minVotes=0"), "minVotes");
        assertThat(api.as("lead").get("/api/v1/kb/feedback-report?minVotes=many").status()).isEqualTo(400);

        assertThat(jdbc.queryForObject("select count(*) from kb_feedback where article_id = ?", Long.class, id)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from kb_flag where article_id = ?", Long.class, id)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from kb_deflection where article_id = ?", Long.class, id)).isZero();
    }

    private static void assertField(ApiResponse response, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.mediaType()).isEqualTo("application/problem+json");
        assertThat(response.json().path("field").asText()).as(response.toString()).isEqualTo(field);
    }
}
