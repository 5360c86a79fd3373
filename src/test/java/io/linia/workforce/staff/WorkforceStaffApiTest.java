package io.linia.workforce.staff;

import static io.linia.support.ApiClient.body;
import static io.linia.support.ApiFixtures.expect;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.linia.accounts.UserAdministration;
import io.linia.accounts.UserDirectory;
import io.linia.support.ApiFixtures;
import io.linia.support.ApiResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The workforce API over real HTTP: a lead opens a period, an agent reads and saves their own grid,
 * the lead sees who has not entered; refusals are problem details naming the field (or the deadline),
 * and who may do what is enforced.
 */
@StaffStoreTest
class WorkforceStaffApiTest {

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

    ApiFixtures api;
    StaffFixtures fx;

    @BeforeEach
    void setUp() {
        api = new ApiFixtures(port, administration, users);
        fx = new StaffFixtures(clock, periods, administration, users);
    }

    @Test
    void aLeadOpensAPeriodAnAgentSavesTheirGridAndTheLeadSeesWhoHasNot() {
        LocalDate monday = fx.freshMonday();
        JsonNode period = expect(api.as("lead").post("/api/v1/workforce/periods", body("firstDay", monday.toString(), "weeks", 2,
                "availabilityDue", monday.minusDays(3) + "T18:00:00+03:00")), 201);
        long id = period.path("id").asLong();
        assertThat(period.path("lastDay").asText()).isEqualTo(monday.plusDays(13).toString());
        assertThat(period.path("phase").asText()).isEqualTo("OPEN");
        assertThat(period.path("openForEntry").asBoolean()).isTrue();
        assertThat(period.path("zone").asText()).isEqualTo("Europe/Moscow");

        JsonNode mine = expect(api.as("l1b").get("/api/v1/workforce/periods/" + id + "/availability/me"), 200);
        assertThat(mine.path("cells")).hasSize(24);
        assertThat(mine.path("version").asLong()).isEqualTo(-1);
        assertThat(mine.path("entered").asBoolean()).isFalse();
        JsonNode firstCell = mine.path("cells").get(0);
        assertThat(firstCell.path("date").asText()).isEqualTo(monday.toString());
        assertThat(firstCell.path("start").asText()).isEqualTo(monday + "T06:00:00Z");
        assertThat(firstCell.path("availability").asText()).isEqualTo("AVAILABLE");

        JsonNode saved = expect(api.as("l1b").put("/api/v1/workforce/periods/" + id + "/availability/me", body(
                "entries", List.of(body("date", monday.toString(), "templateId", firstCell.path("templateId").asLong(),
                        "availability", "UNAVAILABLE")),
                "note", "Пары по понедельникам", "version", -1)), 200);
        assertThat(saved.path("entered").asBoolean()).isTrue();
        assertThat(saved.path("cells").get(0).path("availability").asText()).isEqualTo("UNAVAILABLE");

        JsonNode status = expect(api.as("lead").get("/api/v1/workforce/periods/" + id + "/status"), 200);
        List<String> missing = new ArrayList<>();
        status.path("missing").forEach(a -> missing.add(a.path("name").asText()));
        assertThat(missing).contains("Анна Кузнецова").doesNotContain("Дмитрий Орлов");
        JsonNode dmitry = find(status.path("agents"), "name", "Дмитрий Орлов");
        assertThat(dmitry.path("entered").asBoolean()).isTrue();
        assertThat(dmitry.path("unavailable").asLong()).isEqualTo(1);
        assertThat(dmitry.path("note").asText()).isEqualTo("Пары по понедельникам");

        JsonNode entries = expect(api.as("lead").get("/api/v1/workforce/availability",
                Map.of("from", monday.toString(), "to", monday.plusDays(13).toString())), 200);
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).path("userId").asLong()).isEqualTo(api.userId("l1b"));
        // the lead may read and change the agent's grid; the agent may not read someone else's or the status
        expect(api.as("lead").get("/api/v1/workforce/periods/" + id + "/availability/" + api.userId("l1b")), 200);
        assertThat(api.as("l1").get("/api/v1/workforce/periods/" + id + "/availability/" + api.userId("l1b")).status()).isEqualTo(403);
        assertThat(api.as("l1").get("/api/v1/workforce/periods/" + id + "/status").status()).isEqualTo(403);
        assertThat(api.as("customer").get("/api/v1/workforce/periods").status()).isEqualTo(403);
    }

    @Test
    void refusalsAreProblemDetailsNamingTheFieldAndAfterTheDeadlineTheAgentGets409() {
        LocalDate monday = fx.freshMonday();
        ApiResponse tuesday = api.as("lead").post("/api/v1/workforce/periods", body("firstDay", monday.plusDays(1).toString(),
                "weeks", 2, "availabilityDue", monday.minusDays(3) + "T18:00:00+03:00"));
        assertThat(tuesday.status()).isEqualTo(400);
        assertThat(tuesday.json().path("field").asText()).isEqualTo("firstDay");
        assertThat(tuesday.problemType()).endsWith("invalid-input");
        ApiResponse sevenWeeks = api.as("lead").post("/api/v1/workforce/periods", body("firstDay", monday.toString(), "weeks", 7,
                "availabilityDue", monday.minusDays(3) + "T18:00:00+03:00"));
        assertThat(sevenWeeks.json().path("field").asText()).isEqualTo("weeks");
        ApiResponse dueLate = api.as("lead").post("/api/v1/workforce/periods", body("firstDay", monday.toString(), "weeks", 2,
                "availabilityDue", monday + "T09:00:00+03:00"));
        assertThat(dueLate.json().path("field").asText()).isEqualTo("availabilityDue");
        assertThat(dueLate.json().path("detail").asText()).contains("before the period starts");
        assertThat(api.as("l1").post("/api/v1/workforce/periods", body("firstDay", monday.toString(), "weeks", 2,
                "availabilityDue", monday.minusDays(3) + "T18:00:00+03:00")).status()).isEqualTo(403);

        long id = expect(api.as("lead").post("/api/v1/workforce/periods", body("firstDay", monday.toString(), "weeks", 2,
                "availabilityDue", monday.minusDays(3) + "T18:00:00+03:00")), 201).path("id").asLong();
        ApiResponse overlapping = api.as("lead").post("/api/v1/workforce/periods", body("firstDay", monday.plusWeeks(1).toString(),
                "weeks", 2, "availabilityDue", monday.minusDays(3) + "T18:00:00+03:00"));
        assertThat(overlapping.json().path("field").asText()).isEqualTo("firstDay");

        ApiResponse badEntry = api.as("l1").put("/api/v1/workforce/periods/" + id + "/availability/me", body(
                "entries", List.of(body("date", monday.toString(), "templateId", 3, "availability", "PREFERRED"))));
        assertThat(badEntry.status()).isEqualTo(400);
        assertThat(badEntry.json().path("field").asText()).isEqualTo("entries[0].templateId");
        ApiResponse badValue = api.as("l1").put("/api/v1/workforce/periods/" + id + "/availability/me", body(
                "entries", List.of(body("date", monday.toString(), "templateId", 1, "availability", "MAYBE"))));
        assertThat(badValue.status()).isEqualTo(400);
        assertThat(badValue.json().path("field").asText()).isEqualTo("entries.[0].availability");

        fx.setClock(monday.minusDays(3).atTime(18, 1).atZone(StaffFixtures.MOSCOW).toInstant());
        ApiResponse late = api.as("l1").put("/api/v1/workforce/periods/" + id + "/availability/me", body("entries", List.of()));
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.json().path("detail").asText()).contains("18:00").contains("deadline has passed");
        assertThat(late.json().path("availabilityDue").asText()).isEqualTo(monday.minusDays(3) + "T15:00:00Z");
        expect(api.as("lead").put("/api/v1/workforce/periods/" + id + "/availability/" + api.userId("l1"), body("entries", List.of())), 200);

        ApiResponse noDeadline = api.as("lead").put("/api/v1/workforce/periods/" + id + "/deadline", body("version", 0));
        assertThat(noDeadline.json().path("field").asText()).isEqualTo("availabilityDue");
        JsonNode moved = expect(api.as("lead").put("/api/v1/workforce/periods/" + id + "/deadline", body(
                "availabilityDue", monday.minusDays(1) + "T12:00:00+03:00")), 200);
        assertThat(moved.path("phase").asText()).isEqualTo("OPEN");
        assertThat(api.as("lead").delete("/api/v1/workforce/periods/" + id + "?version=0").status()).isEqualTo(409);
        assertThat(api.as("lead").delete("/api/v1/workforce/periods/" + id).status()).isEqualTo(204);
        assertThat(api.as("lead").get("/api/v1/workforce/periods/" + id).status()).isEqualTo(404);
    }

    @Test
    void templatesContractsAndSlotsOverTheApi() {
        JsonNode templates = expect(api.as("l1").get("/api/v1/workforce/templates"), 200);
        assertThat(find(templates, "code", "weekend-day").path("start").asText()).isEqualTo("10:00:00");
        assertThat(api.as("l1").post("/api/v1/workforce/templates", body("code", "x")).status()).isEqualTo(403);
        ApiResponse backwards = api.as("admin").post("/api/v1/workforce/templates", body("code", "test-back", "nameRu", "Назад",
                "nameEn", "Back", "dayKind", "WEEKDAY", "start", "15:00", "end", "09:00"));
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.json().path("field").asText()).isEqualTo("end");
        ApiResponse unreadable = api.as("admin").post("/api/v1/workforce/templates", body("code", "test-back", "nameRu", "Назад",
                "nameEn", "Back", "dayKind", "WEEKDAY", "start", "25:00", "end", "09:00"));
        assertThat(unreadable.json().path("field").asText()).isEqualTo("start");
        String code = "test-" + UUID.randomUUID().toString().substring(0, 6);
        JsonNode created = expect(api.as("lead").post("/api/v1/workforce/templates", body("code", code, "nameRu", "Поздняя",
                "nameEn", "Late", "dayKind", "WEEKEND_OR_HOLIDAY", "start", "18:00", "end", "00:00", "active", false)), 201);
        assertThat(created.path("end").asText()).isEqualTo("00:00:00");

        long anna = api.userId("l1");
        JsonNode own = expect(api.as("l1").get("/api/v1/workforce/profiles"), 200);
        assertThat(own).hasSize(1);
        assertThat(own.get(0).path("contract").path("monthlySalary").path("currency").asText()).isEqualTo("RUB");
        assertThat(api.as("l1").put("/api/v1/workforce/profiles/" + anna + "/contracts", body("validFrom", "2027-01-01")).status())
                .isEqualTo(403);
        ApiResponse badCurrency = api.as("lead").put("/api/v1/workforce/profiles/" + anna + "/contracts", body("validFrom", "2027-01-01",
                "monthlySalary", 40000, "extraShiftRate", 3100, "currency", "ABC", "minShiftsPerMonth", 12, "maxShiftsPerWeek", 5));
        assertThat(badCurrency.json().path("field").asText()).isEqualTo("currency");
        JsonNode raised = expect(api.as("lead").put("/api/v1/workforce/profiles/" + anna + "/contracts", body("validFrom", "2027-01-01",
                "monthlySalary", "40000.5", "extraShiftRate", 3100, "minShiftsPerMonth", 12, "maxShiftsPerWeek", 5)), 200);
        assertThat(raised.path("contracts").get(0).path("validFrom").asText()).isEqualTo("2027-01-01");
        assertThat(raised.path("contracts").get(0).path("contract").path("monthlySalary").path("amount").decimalValue())
                .isEqualByComparingTo("40000.50");
        expect(api.as("lead").delete("/api/v1/workforce/profiles/" + anna + "/contracts/2027-01-01"), 200);

        JsonNode slots = expect(api.as("l1").get("/api/v1/workforce/slots", Map.of("from", "2026-06-12", "to", "2026-06-12")), 200);
        assertThat(slots).hasSize(1);
        assertThat(slots.get(0).path("dayKind").asText()).isEqualTo("WEEKEND_OR_HOLIDAY");
        assertThat(slots.get(0).path("start").asText()).isEqualTo("2026-06-12T07:00:00Z");
        ApiResponse backwardsSpan = api.as("l1").get("/api/v1/workforce/slots", Map.of("from", "2026-06-12", "to", "2026-06-11"));
        assertThat(backwardsSpan.status()).isEqualTo(400);
        assertThat(backwardsSpan.json().path("field").asText()).isEqualTo("to");
        assertThat(api.as("l1").get("/api/v1/workforce/slots", Map.of("from", "2026-13-01", "to", "2026-06-11")).json()
                .path("field").asText()).isEqualTo("from");
        assertThat(api.as("l1").get("/api/v1/workforce/availability", Map.of("from", "2026-06-01", "to", "2026-06-11")).status())
                .isEqualTo(403);
    }

    @Test
    void theOpenApiDocumentDescribesTheWorkforceEndpointsAndNobodyIsLetInWithoutSigningIn() {
        JsonNode doc = expect(api.anonymous().get("/v3/api-docs"), 200);
        JsonNode paths = doc.path("paths");
        for (String path : List.of("/api/v1/workforce/templates", "/api/v1/workforce/templates/{id}", "/api/v1/workforce/profiles",
                "/api/v1/workforce/profiles/{userId}/contracts", "/api/v1/workforce/periods", "/api/v1/workforce/periods/{id}/deadline",
                "/api/v1/workforce/periods/{id}/status", "/api/v1/workforce/periods/{id}/availability/me",
                "/api/v1/workforce/periods/{id}/availability/{userId}", "/api/v1/workforce/slots", "/api/v1/workforce/availability")) {
            assertThat(paths.has(path)).as(path).isTrue();
            paths.path(path).fields().forEachRemaining(op -> assertThat(op.getValue().path("tags").toString())
                    .as(op.getKey() + " " + path).contains("Workforce"));
        }
        assertThat(paths.path("/api/v1/workforce/periods/{id}/availability/me").path("put").path("summary").asText())
                .contains("deadline");
        assertThat(doc.path("components").path("schemas").path("SheetCommand").path("properties").has("entries")).isTrue();
        assertThat(api.anonymous().get("/api/v1/workforce/periods").status()).isEqualTo(401);
    }

    static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode node : array) {
            if (value.equals(node.path(field).asText())) {
                return node;
            }
        }
        throw new AssertionError(value + " not in " + array);
    }
}
