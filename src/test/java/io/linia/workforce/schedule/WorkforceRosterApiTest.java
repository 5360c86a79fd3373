package io.linia.workforce.schedule;

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
import io.linia.workforce.Availability;
import io.linia.workforce.DayKind;
import io.linia.workforce.ShiftSlot;
import io.linia.workforce.WorkforcePlanning;
import io.linia.workforce.staff.AvailabilitySheets;
import io.linia.workforce.staff.PeriodView;
import io.linia.workforce.staff.PlanningPeriods;
import io.linia.workforce.staff.SheetCommand;
import io.linia.workforce.staff.StaffFixtures;
import io.linia.workforce.staff.StaffProfiles;
import io.linia.workforce.staff.StaffStoreTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The roster API over real HTTP: a lead solves a period's roster in the background, follows it, gets 409
 * for a second solve, and the saved roster keeps the agents off the shifts they cannot work; hand edits
 * with a stale version, bad input and agents are refused with problem details and change nothing; a
 * running solve stops on request and its best roster is saved.
 */
@StaffStoreTest
class WorkforceRosterApiTest {

    @LocalServerPort
    int port;
    @Autowired
    StaffStoreTest.StaffClock clock;
    @Autowired
    PlanningPeriods periods;
    @Autowired
    StaffProfiles profiles;
    @Autowired
    AvailabilitySheets sheets;
    @Autowired
    WorkforcePlanning planning;
    @Autowired
    Rosters rosters;
    @Autowired
    RosterJobs jobs;
    @Autowired
    UserAdministration administration;
    @Autowired
    UserDirectory users;

    ApiFixtures api;
    StaffFixtures fx;
    Actor lead;
    PeriodView period;
    UserRef vera;
    String base;

    @BeforeEach
    void setUp() {
        api = new ApiFixtures(port, administration, users);
        fx = new StaffFixtures(clock, periods, administration, users);
        lead = fx.actor("lead");
        period = fx.openPeriod(lead, 2);
        vera = fx.newAgent(Role.AGENT_L1, "Вера Апиева");
        profiles.setContract(lead, vera.id(), StaffFixtures.contract(period.firstDay().minusDays(14), "40000", 8, "3000", 5));
        base = "/api/v1/workforce/periods/" + period.id() + "/roster";
    }

    @Test
    void aLeadSolvesInTheBackgroundAndTheSavedRosterKeepsAgentsOffTheirUnavailableShifts() throws Exception {
        // Vera cannot work any weekday morning
        List<ShiftSlot> slots = planning.slots(period.firstDay(), period.lastDay());
        long morning = slots.stream().filter(s -> s.dayKind() == DayKind.WEEKDAY).min(java.util.Comparator.comparing(s -> s.start().atZone(
                StaffFixtures.MOSCOW).toLocalTime())).orElseThrow().templateId();
        List<SheetCommand.Entry> entries = new ArrayList<>();
        slots.stream().filter(s -> s.templateId() == morning)
                .forEach(s -> entries.add(new SheetCommand.Entry(s.date(), s.templateId(), Availability.UNAVAILABLE)));
        sheets.save(fx.actor(vera.login()), period.id(), vera.id(), new SheetCommand(entries, null, -1L));

        assertThat(api.as(vera.login()).post(base + "/solve", body("timeLimitSeconds", 2)).status()).isEqualTo(403);
        JsonNode tooLong = expect(api.as("lead").post(base + "/solve", body("timeLimitSeconds", 100000)), 400);
        assertThat(tooLong.path("field").asText()).isEqualTo("timeLimitSeconds");
        assertThat(api.as("lead").get(base).status()).isEqualTo(404);

        JsonNode started = expect(api.as("lead").post(base + "/solve", body("timeLimitSeconds", 2)), 202);
        assertThat(started.path("running").asBoolean()).isTrue();
        assertThat(started.path("timeLimit").asText()).isEqualTo("PT2S");
        expect(api.as("lead").post(base + "/solve", body("timeLimitSeconds", 2)), 409);
        JsonNode progress = expect(api.as("lead").get(base + "/solve"), 200);
        assertThat(progress.path("jobId").asText()).isEqualTo(started.path("jobId").asText());
        assertThat(api.as(vera.login()).get(base + "/solve").status()).isEqualTo(403);

        // nobody polls: the roster is saved when the solve ends
        assertThat(jobs.awaitEnd(period.id(), Duration.ofSeconds(60))).isTrue();
        JsonNode ended = expect(api.as("lead").get(base + "/solve"), 200);
        assertThat(ended.path("running").asBoolean()).isFalse();
        assertThat(ended.path("status").asText()).isEqualTo("FINISHED");
        assertThat(ended.path("improvements").asLong()).isPositive();
        assertThat(ended.path("savedVersion").isNumber()).isTrue();
        assertThat(ended.path("bestScore").path("hard").asLong()).isZero();

        JsonNode roster = expect(api.as("lead").get(base), 200);
        assertThat(roster.path("state").asText()).isEqualTo("DRAFT");
        assertThat(roster.path("version").asLong()).isEqualTo(ended.path("savedVersion").asLong());
        assertThat(roster.path("shifts").size()).isPositive();
        List<JsonNode> veras = new ArrayList<>();
        roster.path("shifts").forEach(s -> {
            if (s.path("userId").asLong() == vera.id()) {
                veras.add(s);
            }
        });
        assertThat(veras).isNotEmpty().allSatisfy(s -> assertThat(s.path("templateId").asLong()).isNotEqualTo(morning));
        JsonNode explanation = expect(api.as("lead").get(base + "/explanation"), 200);
        assertThat(explanation.path("agents").toString()).contains("Вера Апиева");
        // agents see nothing of a draft
        assertThat(api.as(vera.login()).get(base).status()).isEqualTo(404);
        assertThat(api.as(vera.login()).get(base + "/explanation").status()).isEqualTo(403);
    }

    @Test
    void handEditsArePinnedAndStaleVersionsBadInputAndAgentsAreRefusedWithoutChange() throws Exception {
        expect(api.as("lead").post(base + "/solve", body("timeLimitSeconds", 1)), 202);
        assertThat(jobs.awaitEnd(period.id(), Duration.ofSeconds(60))).isTrue();
        RosterView before = rosters.ofPeriod(lead, period.id()).orElseThrow();
        ShiftSlot free = planning.slots(period.firstDay(), period.lastDay()).stream()
                .filter(s -> before.shifts().stream().noneMatch(x -> x.userId() == vera.id() && x.date().equals(s.date())))
                .findFirst().orElseThrow();
        String shift = base + "/shifts/" + vera.id() + "/" + free.date() + "/" + free.templateId();

        JsonNode stale = expect(api.as("lead").put(shift, body("version", before.version() - 1)), 409);
        assertThat(stale.path("detail").asText()).contains("reload the page");
        assertThat(api.as(vera.login()).put(shift, body("version", before.version())).status()).isEqualTo(403);
        JsonNode badDate = expect(api.as("lead").put(base + "/shifts/" + vera.id() + "/2027-13-45/" + free.templateId(),
                body("version", before.version())), 400);
        assertThat(badDate.toString()).contains("\"date\"");
        JsonNode outside = expect(api.as("lead").put(base + "/shifts/" + vera.id() + "/" + period.lastDay().plusDays(1) + "/" + free.templateId(),
                body("version", before.version())), 400);
        assertThat(outside.path("field").asText()).isEqualTo("date");
        JsonNode noPinned = expect(api.as("lead").put(shift + "/pin", body("version", before.version())), 400);
        assertThat(noPinned.path("field").asText()).isEqualTo("pinned");
        assertThat(rosters.ofPeriod(lead, period.id()).orElseThrow().version()).isEqualTo(before.version());

        JsonNode given = expect(api.as("lead").put(shift, body("version", before.version())), 200);
        assertThat(pinned(given, vera.id(), free)).isTrue();
        JsonNode unpinned = expect(api.as("lead").put(shift + "/pin", body("pinned", false, "version", given.path("version").asLong())), 200);
        assertThat(pinned(unpinned, vera.id(), free)).isFalse();
        JsonNode repinned = expect(api.as("lead").put(shift + "/pin", body("pinned", true, "version", unpinned.path("version").asLong())), 200);
        assertThat(rosters.pins(period.id())).contains(new io.linia.workforce.RosterPin(vera.id(), free.date(), free.templateId()));

        // a re-solve keeps the pinned shift
        expect(api.as("lead").post(base + "/solve", body("timeLimitSeconds", 1)), 202);
        JsonNode whileSolving = expect(api.as("lead").delete(shift + "?version=" + repinned.path("version").asLong()), 409);
        assertThat(whileSolving.path("detail").asText()).contains("being solved");
        assertThat(jobs.awaitEnd(period.id(), Duration.ofSeconds(60))).isTrue();
        JsonNode resolved = expect(api.as("lead").get(base), 200);
        assertThat(pinned(resolved, vera.id(), free)).isTrue();

        JsonNode taken = expect(api.as("lead").delete(shift + "?version=" + resolved.path("version").asLong()), 200);
        assertThat(shiftOf(taken, vera.id(), free)).isNull();

        JsonNode published = expect(api.as("lead").post(base + "/publish", body("version", taken.path("version").asLong())), 200);
        assertThat(published.path("state").asText()).isEqualTo("PUBLISHED");
        JsonNode seen = expect(api.as(vera.login()).get(base), 200);
        assertThat(seen.path("state").asText()).isEqualTo("PUBLISHED");
        assertThat(api.as(vera.login()).post(base + "/withdraw", body()).status()).isEqualTo(403);
        expect(api.as("lead").post(base + "/withdraw", body("version", taken.path("version").asLong())), 409);
        JsonNode withdrawn = expect(api.as("lead").post(base + "/withdraw", body("version", published.path("version").asLong())), 200);
        assertThat(withdrawn.path("state").asText()).isEqualTo("DRAFT");
    }

    @Test
    void aRunningSolveStopsOnRequestAndItsBestRosterIsSaved() throws Exception {
        expect(api.as("lead").post(base + "/solve/stop", null), 409);
        expect(api.as("lead").post(base + "/solve", body("timeLimitSeconds", 120)), 202);
        long deadline = System.currentTimeMillis() + 30_000;
        while (expect(api.as("lead").get(base + "/solve"), 200).path("bestScore").isNull() && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertThat(api.as(vera.login()).post(base + "/solve/stop", null).status()).isEqualTo(403);
        JsonNode stopping = expect(api.as("lead").post(base + "/solve/stop", null), 200);
        assertThat(stopping.path("stopRequested").asBoolean()).isTrue();
        assertThat(jobs.awaitEnd(period.id(), Duration.ofSeconds(30))).isTrue();
        JsonNode ended = expect(api.as("lead").get(base + "/solve"), 200);
        assertThat(ended.path("status").asText()).isEqualTo("STOPPED");
        assertThat(Duration.parse(ended.path("elapsed").asText())).isLessThan(Duration.ofSeconds(60));
        RosterView saved = rosters.ofPeriod(lead, period.id()).orElseThrow();
        assertThat(saved.version()).isEqualTo(ended.path("savedVersion").asLong());
        assertThat(saved.score()).isNotNull();
    }

    @Test
    void theOpenApiDocumentDescribesTheRosterEndpointsAndNobodyIsLetInWithoutSigningIn() {
        JsonNode paths = expect(api.anonymous().get("/v3/api-docs"), 200).path("paths");
        String roster = "/api/v1/workforce/periods/{id}/roster";
        for (String path : List.of(roster, roster + "/explanation", roster + "/solve", roster + "/solve/stop",
                roster + "/shifts/{userId}/{date}/{templateId}", roster + "/shifts/{userId}/{date}/{templateId}/pin",
                roster + "/publish", roster + "/withdraw")) {
            assertThat(paths.has(path)).as(path).isTrue();
            paths.path(path).fields().forEachRemaining(op -> {
                assertThat(op.getValue().path("tags").toString()).as(op.getKey() + " " + path).contains("Workforce: roster");
                assertThat(op.getValue().path("summary").asText()).as(op.getKey() + " " + path).isNotBlank();
            });
        }
        assertThat(paths.path(roster + "/solve").has("post")).isTrue();
        assertThat(paths.path(roster + "/solve").has("get")).isTrue();
        assertThat(paths.path(roster + "/shifts/{userId}/{date}/{templateId}").has("put")).isTrue();
        assertThat(paths.path(roster + "/shifts/{userId}/{date}/{templateId}").has("delete")).isTrue();
        assertThat(api.anonymous().get(base).status()).isEqualTo(401);
        assertThat(api.anonymous().post(base + "/solve", body("timeLimitSeconds", 1)).status()).isIn(401, 403);
        assertThat(jobs.running(period.id())).isFalse();
    }

    private static JsonNode shiftOf(JsonNode roster, long userId, ShiftSlot slot) {
        for (JsonNode s : roster.path("shifts")) {
            if (s.path("userId").asLong() == userId && s.path("date").asText().equals(slot.date().toString())
                    && s.path("templateId").asLong() == slot.templateId()) {
                return s;
            }
        }
        return null;
    }

    private static boolean pinned(JsonNode roster, long userId, ShiftSlot slot) {
        JsonNode s = shiftOf(roster, userId, slot);
        assertThat(s).as("the shift of %s on %s", userId, slot.date()).isNotNull();
        return s.path("pinned").asBoolean();
    }
}
