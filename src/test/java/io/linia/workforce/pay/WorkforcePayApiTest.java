package io.linia.workforce.pay;

import static io.linia.support.ApiClient.body;
import static io.linia.support.ApiFixtures.expect;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.linia.accounts.Actor;
import io.linia.accounts.Role;
import io.linia.accounts.UserAdministration;
import io.linia.accounts.UserDirectory;
import io.linia.accounts.UserRef;
import io.linia.support.ApiFixtures;
import io.linia.support.ApiResponse;
import io.linia.workforce.ShiftSlot;
import io.linia.workforce.WorkforcePlanning;
import io.linia.workforce.schedule.Rosters;
import io.linia.workforce.staff.ContractCommand;
import io.linia.workforce.staff.PeriodView;
import io.linia.workforce.staff.PlanningPeriods;
import io.linia.workforce.staff.StaffFixtures;
import io.linia.workforce.staff.StaffProfiles;
import io.linia.workforce.staff.StaffStoreTest;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The pay API over real HTTP: the month per agent and one agent's month, adjustments recorded and
 * removed, refusals as problem details naming the field that change nothing, an agent limited to their
 * own pay, and the CSV. The API answers in English (no Accept-Language).
 */
@StaffStoreTest
class WorkforcePayApiTest {

    @LocalServerPort
    int port;
    @Autowired
    StaffStoreTest.StaffClock clock;
    @Autowired
    PlanningPeriods periods;
    @Autowired
    StaffProfiles profiles;
    @Autowired
    WorkforcePlanning planning;
    @Autowired
    Rosters rosters;
    @Autowired
    UserAdministration administration;
    @Autowired
    UserDirectory users;

    ApiFixtures api;
    StaffFixtures fx;
    Actor lead;
    YearMonth month;
    List<ShiftSlot> mornings;
    UserRef anna;
    UserRef boris;
    String annaLogin;

    @BeforeEach
    void setUp() {
        api = new ApiFixtures(port, administration, users);
        fx = new StaffFixtures(clock, periods, administration, users);
        lead = fx.actor("lead");
        PeriodView period = fx.openPeriod(lead, 4);
        month = YearMonth.from(period.firstDay().plusDays(14)); // the month holding the middle of the 4 weeks: at least 15 of its days
        mornings = planning.slots(period.firstDay(), period.lastDay()).stream()
                .filter(s -> s.templateId() == 1 && YearMonth.from(s.date()).equals(month)).toList();
        anna = fx.newAgent(Role.AGENT_L1, "Анна Апишная");
        boris = fx.newAgent(Role.AGENT_L2, "Борис Апишный");
        annaLogin = users.user(anna.id()).orElseThrow().login();
        for (UserRef agent : List.of(anna, boris)) {
            profiles.setContract(lead, agent.id(), StaffFixtures.contract(month.minusMonths(1).atDay(1), "30000", 2, "2000", 6));
        }
        for (ShiftSlot s : mornings.subList(0, 3)) {
            rosters.give(lead, period.id(), anna.id(), s.date(), 1, null);
        }
        rosters.publish(lead, period.id(), null);
    }

    @Test
    void theLeadReadsTheMonthAndRecordsAndRemovesAdjustments() {
        JsonNode all = expect(api.as("lead").get("/api/v1/workforce/pay?month=" + month), 200);
        JsonNode annaSheet = find(all, anna.id());
        assertThat(annaSheet.path("status").asText()).isEqualTo("OK");
        assertThat(annaSheet.path("pay").path("shiftsWorked").asInt()).isEqualTo(3);
        assertThat(annaSheet.path("pay").path("extraShifts").asInt()).isEqualTo(1);
        assertThat(annaSheet.path("pay").path("total").path("amount").decimalValue()).isEqualByComparingTo("32000");
        assertThat(annaSheet.path("pay").path("total").path("currency").asText()).isEqualTo("RUB");

        JsonNode extra = expect(api.as("lead").post("/api/v1/workforce/pay/adjustments", body("kind", "EXTRA", "userId", anna.id(),
                "date", mornings.get(4).date().toString(), "templateId", 1, "reason", "Вышла вместо больного")), 201);
        assertThat(extra).hasSize(1);
        assertThat(extra.get(0).path("mark").asText()).isEqualTo("EXTRA");
        assertThat(extra.get(0).path("createdByName").asText()).isEqualTo(lead.name());
        JsonNode swap = expect(api.as("lead").post("/api/v1/workforce/pay/adjustments", body("kind", "SWAP", "userId", anna.id(),
                "date", mornings.get(0).date().toString(), "templateId", 1, "substituteId", boris.id(), "reason", "Обмен")), 201);
        assertThat(swap).hasSize(2);
        assertThat(swap.get(1).path("userId").asLong()).isEqualTo(boris.id());
        assertThat(swap.get(1).path("mark").asText()).isEqualTo("SWAP_IN");

        JsonNode annaPay = expect(api.as("lead").get("/api/v1/workforce/pay/" + anna.id() + "?month=" + month), 200);
        assertThat(annaPay.path("sheet").path("pay").path("shiftsWorked").asInt()).isEqualTo(3);
        assertThat(annaPay.path("sheet").path("pay").path("lines")).hasSize(4);
        assertThat(annaPay.path("adjustments")).hasSize(2);
        JsonNode borisPay = expect(api.as("lead").get("/api/v1/workforce/pay/" + boris.id() + "?month=" + month), 200);
        assertThat(borisPay.path("sheet").path("pay").path("shiftsWorked").asInt()).isEqualTo(1);
        assertThat(borisPay.path("sheet").path("pay").path("lines").get(0).path("shift").path("mark").asText()).isEqualTo("SWAP_IN");
        assertThat(expect(api.as("lead").get("/api/v1/workforce/pay/adjustments?month=" + month + "&userId=" + anna.id()), 200)).hasSize(2);

        assertThat(api.as("lead").delete("/api/v1/workforce/pay/adjustments/" + swap.get(1).path("id").asLong()).status()).isEqualTo(204);
        assertThat(expect(api.as("lead").get("/api/v1/workforce/pay/adjustments?month=" + month + "&userId=" + boris.id()), 200)).isEmpty();
        ApiResponse again = api.as("lead").delete("/api/v1/workforce/pay/adjustments/" + swap.get(1).path("id").asLong());
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.problemType()).isEqualTo("not-found");

        ApiResponse csv = api.as("lead").get("/api/v1/workforce/pay/csv?month=" + month);
        assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
        assertThat(csv.mediaType()).isEqualTo("text/csv");
        assertThat(csv.body()[0] & 0xff).isEqualTo(0xEF);
        assertThat(csv.body()[1] & 0xff).isEqualTo(0xBB);
        assertThat(csv.body()[2] & 0xff).isEqualTo(0xBF);
        assertThat(csv.text()).contains(annaLogin + ";Анна Апишная;" + month + ";worked out;4;2;2;2;0;0;30000,00;4000,00;34000,00;RUB");
    }

    @Test
    void refusalsAreProblemsNamingTheFieldAndChangeNothing() {
        String path = "/api/v1/workforce/pay/adjustments";
        assertField(api.as("lead").post(path, body("kind", "ABSENT", "userId", anna.id(), "date", mornings.get(5).date().toString(),
                "templateId", 1, "reason", "Болела")), "templateId", "is not on this shift");
        assertField(api.as("lead").post(path, body("kind", "EXTRA", "userId", anna.id(), "date", mornings.get(5).date().toString(),
                "templateId", 1)), "reason", "Give the reason");
        assertField(api.as("lead").post(path, body("kind", "EXTRA", "userId", anna.id(), "date", mornings.get(5).date().toString(),
                "templateId", 99, "reason", "x")), "templateId", "There is no shift #99");
        assertField(api.as("lead").post(path, body("kind", "SWAP", "userId", anna.id(), "date", mornings.get(0).date().toString(),
                "templateId", 1, "substituteId", anna.id(), "reason", "x")), "substituteId", "cannot stand in for themselves");
        ApiResponse badKind = api.as("lead").post(path, body("kind", "HOLIDAY", "userId", anna.id(), "reason", "x"));
        assertThat(badKind.status()).isEqualTo(400);
        assertThat(badKind.json().path("field").asText()).contains("kind");
        ApiResponse badMonth = api.as("lead").get("/api/v1/workforce/pay?month=March");
        assertThat(badMonth.status()).isEqualTo(400);
        assertThat(badMonth.mediaType()).isEqualTo("application/problem+json");
        assertThat(badMonth.json().path("field").asText()).isEqualTo("month");
        assertThat(badMonth.problemType()).isEqualTo("invalid-input");
        assertThat(expect(api.as("lead").get(path + "?month=" + month + "&userId=" + anna.id()), 200)).isEmpty();

        // an agent reads only their own month and adjusts nothing
        JsonNode own = expect(api.as(annaLogin).get("/api/v1/workforce/pay?month=" + month), 200);
        assertThat(own).hasSize(1);
        assertThat(own.get(0).path("userId").asLong()).isEqualTo(anna.id());
        expect(api.as(annaLogin).get("/api/v1/workforce/pay/" + anna.id() + "?month=" + month), 200);
        ApiResponse others = api.as(annaLogin).get("/api/v1/workforce/pay/" + boris.id() + "?month=" + month);
        assertThat(others.status()).isEqualTo(403);
        assertThat(others.problemType()).isEqualTo("forbidden");
        assertThat(api.as(annaLogin).get(path + "?month=" + month).status()).isEqualTo(403);
        assertThat(api.as(annaLogin).post(path, body("kind", "EXTRA", "userId", anna.id(), "date", mornings.get(5).date().toString(),
                "templateId", 1, "reason", "Сама себе")).status()).isEqualTo(403);
        long id = expect(api.as("lead").post(path, body("kind", "ABSENT", "userId", anna.id(), "date", mornings.get(0).date().toString(),
                "templateId", 1, "reason", "Болела")), 201).get(0).path("id").asLong();
        assertThat(api.as(annaLogin).delete(path + "/" + id).status()).isEqualTo(403);
        assertThat(expect(api.as(annaLogin).get(path + "?month=" + month + "&userId=" + anna.id()), 200)).hasSize(1);
        assertThat(api.anonymous().get("/api/v1/workforce/pay?month=" + month).status()).isEqualTo(401);
    }

    @Test
    void aMonthUnderContractsInTwoCurrenciesIsRefusedForTheAgentAndMarkedInTheList() {
        profiles.setContract(lead, boris.id(), new ContractCommand(month.atDay(10), new BigDecimal("900"), new BigDecimal("80"), "EUR", 10, 6));

        ApiResponse refused = api.as("lead").get("/api/v1/workforce/pay/" + boris.id() + "?month=" + month);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().path("detail").asText()).contains("Борис Апишный").contains("EUR, RUB").contains("different currencies");
        JsonNode sheet = find(expect(api.as("lead").get("/api/v1/workforce/pay?month=" + month), 200), boris.id());
        assertThat(sheet.path("status").asText()).isEqualTo("MIXED_CURRENCIES");
        assertThat(sheet.path("pay").isNull()).isTrue();
        // the month after is wholly in euros
        JsonNode next = expect(api.as("lead").get("/api/v1/workforce/pay/" + boris.id() + "?month=" + month.plusMonths(1)), 200);
        assertThat(next.path("sheet").path("pay").path("salary").path("currency").asText()).isEqualTo("EUR");
    }

    private static void assertField(ApiResponse response, String field, String detail) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.problemType()).isEqualTo("invalid-input");
        assertThat(response.json().path("field").asText()).isEqualTo(field);
        assertThat(response.json().path("detail").asText()).contains(detail);
    }

    private static JsonNode find(JsonNode sheets, long userId) {
        for (JsonNode s : sheets) {
            if (s.path("userId").asLong() == userId) {
                return s;
            }
        }
        throw new AssertionError("no sheet of " + userId + " in " + sheets);
    }
}
