package io.linia.workforce.demand;

import static io.linia.support.ApiClient.body;
import static io.linia.support.ApiFixtures.expect;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.linia.accounts.UserAdministration;
import io.linia.accounts.UserDirectory;
import io.linia.support.ApiFixtures;
import io.linia.support.ApiResponse;
import io.linia.workforce.staff.PeriodView;
import io.linia.workforce.staff.PlanningPeriods;
import io.linia.workforce.staff.StaffFixtures;
import io.linia.workforce.staff.StaffStoreTest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The demand API over real HTTP: the forecast with its weekly errors, the staffing need of the demo period, the
 * settings (refusals as problem details naming the field, a stale version 409) and the arrival import (a bad file
 * refused at {@code file} with its line, a good one counted, deleted).
 */
@StaffStoreTest
class WorkforceDemandApiTest {

    @LocalServerPort
    int port;
    @Autowired
    StaffStoreTest.StaffClock clock;
    @Autowired
    PlanningPeriods periods;
    @Autowired
    UserAdministration administration;
    @Autowired
    UserDirectory users;
    @Autowired
    StaffingDemand demand;

    ApiFixtures api;
    StaffFixtures fx;

    @BeforeEach
    void setUp() {
        api = new ApiFixtures(port, administration, users);
        fx = new StaffFixtures(clock, periods, administration, users);
    }

    @Test
    void theForecastAnswersThePastWeeksWithTheirErrorsAndTheComingWeeksPerHour() {
        fx.setClock(DemandPagesTest.DEMO_MONDAY.atTime(10, 0).atZone(StaffFixtures.MOSCOW).toInstant());

        JsonNode forecast = expect(api.as("l1").get("/api/v1/workforce/forecast?weeks=3"), 200);

        assertThat(forecast.path("today").asText()).isEqualTo("2026-11-23");
        assertThat(forecast.path("zone").asText()).isEqualTo("Europe/Moscow");
        assertThat(forecast.path("weeks")).hasSize(3);
        JsonNode last = forecast.path("weeks").get(2);
        assertThat(last.path("monday").asText()).isEqualTo("2026-11-16");
        assertThat(last.path("actual")).hasSize(168);
        assertThat(last.path("forecast")).hasSize(168);
        assertThat(last.path("basis").asText()).isEqualTo("HOLT_WINTERS");
        double actualTotal = 0;
        for (JsonNode v : last.path("actual")) {
            actualTotal += v.asDouble();
        }
        assertThat(actualTotal).isEqualTo(demand.actual(LocalDate.of(2026, 11, 16), LocalDate.of(2026, 11, 22)).total());
        JsonNode overall = forecast.path("overall");
        assertThat(overall.path("wape").asDouble()).isPositive().isLessThan(overall.path("naiveWape").asDouble());
        assertThat(overall.path("mape").asDouble()).isLessThan(overall.path("naiveMape").asDouble());
        assertThat(forecast.path("next").path("hours")).hasSize(3 * 168);
        assertThat(forecast.path("next").path("days")).hasSize(21);
        assertThat(forecast.path("next").path("start").asText()).isEqualTo("2026-11-23T00:00:00");

        ApiResponse tooMany = api.as("l1").get("/api/v1/workforce/forecast?weeks=13");
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.json().path("field").asText()).isEqualTo("weeks");
        assertThat(tooMany.problemType()).endsWith("invalid-input");
    }

    @Test
    void theStaffingNeedOfAPeriodAndItsSettings() {
        fx.setClock(DemandPagesTest.DEMO_MONDAY.atTime(10, 0).atZone(StaffFixtures.MOSCOW).toInstant());
        PeriodView demo = periods.list(fx.actor("lead")).stream().filter(p -> p.firstDay().equals(LocalDate.of(2026, 12, 7)))
                .findFirst().orElseThrow();

        JsonNode staffing = expect(api.as("lead").get("/api/v1/workforce/staffing?period=" + demo.id()), 200);

        assertThat(staffing.path("period").path("id").asLong()).isEqualTo(demo.id());
        assertThat(staffing.path("settings").path("stored").asBoolean()).isFalse();
        assertThat(staffing.path("measured").asBoolean()).isFalse();
        JsonNode first = staffing.path("rows").get(0);
        assertThat(first.path("line").asText()).isEqualTo("FIRST");
        assertThat(first.path("groupId").asLong()).isZero();
        assertThat(first.path("required").asInt()).isGreaterThanOrEqualTo(first.path("agents").asInt()).isPositive();
        assertThat(first.path("scheduled").isNull()).isTrue();
        assertThat(api.as("l1").get("/api/v1/workforce/staffing?period=" + demo.id()).status()).isEqualTo(403);

        JsonNode settings = expect(api.as("lead").get("/api/v1/workforce/staffing/settings"), 200);
        assertThat(settings.path("firstLineHandlingMinutes").asDouble()).isEqualTo(2);
        assertThat(settings.path("version").asLong()).isEqualTo(-1);
        ApiResponse bad = api.as("lead").put("/api/v1/workforce/staffing/settings", body("firstLineHandlingMinutes", 12,
                "secondLineHandlingMinutes", 40, "serviceLevelPercent", 100, "answerWithinMinutes", 60, "shrinkagePercent", 30,
                "aggregation", "PEAK_HOUR", "carryClosedHours", true, "firstLineMinimum", 1, "secondLineMinimum", 0,
                "secondLineSharePercent", 40, "shareMinTickets", 200, "version", -1));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("field").asText()).isEqualTo("serviceLevelPercent");
        ApiResponse unknown = api.as("lead").put("/api/v1/workforce/staffing/settings", body("firstLineHandlingMinutes", 12,
                "secondLineHandlingMinutes", 40, "serviceLevelPercent", 80, "answerWithinMinutes", 60, "shrinkagePercent", 30,
                "aggregation", "AVERAGE", "carryClosedHours", true, "firstLineMinimum", 1, "secondLineMinimum", 0,
                "secondLineSharePercent", 40, "shareMinTickets", 200, "version", -1));
        assertThat(unknown.json().path("field").asText()).isEqualTo("aggregation");
        try {
            JsonNode saved = expect(api.as("lead").put("/api/v1/workforce/staffing/settings", body("firstLineHandlingMinutes", 12,
                    "secondLineHandlingMinutes", 40, "serviceLevelPercent", 80, "answerWithinMinutes", 60, "shrinkagePercent", 30,
                    "aggregation", "PEAK_HOUR", "carryClosedHours", true, "firstLineMinimum", 1, "secondLineMinimum", 2,
                    "secondLineSharePercent", 0, "shareMinTickets", 200, "version", -1)), 200);
            assertThat(saved.path("stored").asBoolean()).isTrue();
            assertThat(saved.path("version").asLong()).isZero();
            // no share by default: every group's second line gets just its minimum of 2
            JsonNode after = expect(api.as("lead").get("/api/v1/workforce/staffing?period=" + demo.id()), 200);
            for (JsonNode row : after.path("rows")) {
                if (row.path("line").asText().equals("SECOND")) {
                    assertThat(row.path("required").asInt()).isEqualTo(2);
                    assertThat(row.path("agents").asInt()).isZero();
                }
            }
            ApiResponse stale = api.as("lead").put("/api/v1/workforce/staffing/settings", body("firstLineHandlingMinutes", 10,
                    "secondLineHandlingMinutes", 40, "serviceLevelPercent", 80, "answerWithinMinutes", 60, "shrinkagePercent", 30,
                    "aggregation", "PEAK_HOUR", "carryClosedHours", true, "firstLineMinimum", 1, "secondLineMinimum", 0,
                    "secondLineSharePercent", 40, "shareMinTickets", 200, "version", -1));
            assertThat(stale.status()).isEqualTo(409);
            assertThat(stale.json().path("currentVersion").asLong()).isZero();
        } finally {
            expect(api.as("lead").delete("/api/v1/workforce/staffing/settings"), 200);
        }
        assertThat(expect(api.as("lead").get("/api/v1/workforce/staffing/settings"), 200).path("stored").asBoolean()).isFalse();
    }

    @Test
    void anImportRefusesABadFileAtItsLineAndCountsAGoodOne() {
        LocalDate monday = fx.freshMonday();
        String bad = "timestamp,count,channel\n" + monday + "T09:00,5,EMAIL\n" + monday + "T09:30,,EMAIL\n";

        ApiResponse refused = api.as("lead").postRaw("/api/v1/workforce/arrivals?zone=Europe/Moscow&fileName=bad.csv",
                bad.getBytes(StandardCharsets.UTF_8), "text/csv");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("field").asText()).isEqualTo("file");
        assertThat(refused.json().path("line").asInt()).isEqualTo(3);
        assertThat(refused.json().path("detail").asText()).contains("bad.csv line 3");
        assertThat(demand.actual(monday, monday).total()).isZero();
        ApiResponse noZone = api.as("lead").postRaw("/api/v1/workforce/arrivals?zone=Nowhere/City",
                ("timestamp,count\n" + monday + "T09:00,5\n").getBytes(StandardCharsets.UTF_8), "text/csv");
        assertThat(noZone.json().path("field").asText()).isEqualTo("zone");
        assertThat(api.as("l1").postRaw("/api/v1/workforce/arrivals?zone=Europe/Moscow",
                ("timestamp,count\n" + monday + "T09:00,5\n").getBytes(StandardCharsets.UTF_8), "text/csv").status()).isEqualTo(403);

        String good = "timestamp,count,channel\n" + monday + "T09:00,5,EMAIL\n" + monday + "T09:30,4,WEB\n" + monday + "T10:00,3,EMAIL\n";
        JsonNode batch = expect(api.as("lead").postRaw("/api/v1/workforce/arrivals?zone=Europe/Moscow&label=API",
                good.getBytes(StandardCharsets.UTF_8), "text/csv"), 201);
        assertThat(batch.path("label").asText()).isEqualTo("API");
        assertThat(batch.path("interval").asInt()).isEqualTo(30);
        assertThat(batch.path("total").asDouble()).isEqualTo(12);
        assertThat(demand.actual(monday, monday).value(9)).isEqualTo(9);
        JsonNode list = expect(api.as("l1").get("/api/v1/workforce/arrivals"), 200);
        assertThat(list.findValues("id").stream().map(JsonNode::asLong)).contains(batch.path("id").asLong());

        assertThat(api.as("lead").delete("/api/v1/workforce/arrivals/" + batch.path("id").asLong()).status()).isEqualTo(204);
        assertThat(demand.actual(monday, monday).total()).isZero();
        assertThat(api.as("lead").delete("/api/v1/workforce/arrivals/" + batch.path("id").asLong()).status()).isEqualTo(404);
    }

    @Test
    void theOperationsAreInTheOpenApiDocument() {
        JsonNode paths = expect(api.anonymous().get("/v3/api-docs"), 200).path("paths");
        for (String path : java.util.List.of("/api/v1/workforce/forecast", "/api/v1/workforce/staffing", "/api/v1/workforce/staffing/settings",
                "/api/v1/workforce/arrivals", "/api/v1/workforce/arrivals/{id}")) {
            assertThat(paths.has(path)).as(path).isTrue();
            paths.path(path).fields().forEachRemaining(op -> assertThat(op.getValue().path("tags").toString())
                    .as(op.getKey() + " " + path).contains("Workforce: forecast and staffing need"));
        }
        JsonNode content = paths.path("/api/v1/workforce/arrivals").path("post").path("requestBody").path("content");
        assertThat(content.has("text/csv")).isTrue();
        assertThat(content.has("multipart/form-data")).isTrue();
    }
}
