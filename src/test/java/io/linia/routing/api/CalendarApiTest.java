package io.linia.routing.api;

import static io.linia.support.ApiClient.body;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.linia.accounts.UserAdministration;
import io.linia.accounts.UserDirectory;
import io.linia.routing.BusinessCalendars;
import io.linia.routing.CalendarView;
import io.linia.support.ApiFixtures;
import io.linia.support.ApiResponse;
import io.linia.support.StoreTest;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Business calendars over the REST API: staff read them and ask the maths, administrators create and
 * change them (weekly hours, holidays per year, zone); bad input answers a problem detail naming
 * every field; stale versions 409; everyone else 401/403.
 */
@StoreTest
class CalendarApiTest {

    static final String BASE = "/api/v1/routing/calendars";

    @LocalServerPort
    int port;
    @Autowired
    UserAdministration administration;
    @Autowired
    UserDirectory users;
    @Autowired
    BusinessCalendars calendars;

    ApiFixtures fx;

    @BeforeEach
    void setUp() {
        fx = new ApiFixtures(port, administration, users);
    }

    @Test
    void staffReadTheCalendarsWithTheirHoursAndHolidaysOfAYear() {
        ApiResponse list = fx.as("l1").get(BASE);

        assertThat(list.status()).isEqualTo(200);
        JsonNode support = byName(list.json(), "Поддержка (Москва)");
        assertThat(support.path("defaultCalendar").asBoolean()).isTrue();
        assertThat(support.path("zone").asText()).isEqualTo("Europe/Moscow");
        assertThat(support.path("week").path("MONDAY").get(0).path("from").asText()).isEqualTo("09:00");
        assertThat(support.path("week").path("MONDAY").get(0).path("to").asText()).isEqualTo("21:00");
        assertThat(support.path("week").path("SUNDAY").get(0).path("from").asText()).isEqualTo("10:00");
        long id = support.path("id").asLong();

        ApiResponse one = fx.as("lead").get(BASE + "/" + id);
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.json().path("version").isNumber()).isTrue();
        assertThat(texts(one.json().path("holidays"), "date")).contains("2026-01-01", "2026-06-12");
        ApiResponse year = fx.as("l2").get(BASE + "/" + id + "/holidays?year=2026");
        assertThat(year.status()).isEqualTo(200);
        assertThat(texts(year.json(), "date")).allMatch(d -> d.startsWith("2026-")).contains("2026-11-04");
        assertThat(year.json().get(0).path("hours").get(0).path("from").asText()).isEqualTo("10:00");

        assertThat(fx.as("customer").get(BASE).status()).isEqualTo(403);
        assertThat(fx.anonymous().get(BASE).status()).isEqualTo(401);
        ApiResponse missing = fx.as("l1").get(BASE + "/999999");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.mediaType()).isEqualTo("application/problem+json");
    }

    @Test
    void adminCreatesAndChangesACalendarAndTheMathsUsesItAtOnce() {
        String name = "API " + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> input = body("name", name, "zone", "Asia/Novosibirsk",
                "week", Map.of("MONDAY", List.of(hours("09:00", "13:00"), hours("14:00", "18:00")),
                        "FRIDAY", List.of(hours("22:00", "24:00"))),
                "holidays", List.of(holiday("2026-12-31", "Канун Нового года", hours("10:00", "12:00"))));

        ApiResponse created = fx.as("admin").post(BASE, input);

        assertThat(created.status()).isEqualTo(201);
        long id = created.json().path("id").asLong();
        assertThat(created.header("Location")).endsWith(BASE + "/" + id);
        assertThat(created.json().path("week").path("FRIDAY").get(0).path("to").asText()).isEqualTo("24:00");
        assertThat(created.json().path("week").path("TUESDAY").size()).isZero();
        assertThat(calendars.byId(id).zone().getId()).isEqualTo("Asia/Novosibirsk");
        // Monday 30 November 2026, 12:30 local: 30 minutes before the lunch break, 30 after it
        ApiResponse due = fx.as("l1").get(BASE + "/" + id + "/due?from=2026-11-30T12:30&minutes=60");
        assertThat(due.status()).isEqualTo(200);
        assertThat(due.json().path("dueLocal").asText()).isEqualTo("2026-11-30T14:30:00+07:00");
        assertThat(due.json().path("due").asText()).isEqualTo("2026-11-30T07:30:00Z");

        long version = created.json().path("version").asLong();
        input.put("week", Map.of("MONDAY", List.of(hours("08:00", "20:00"))));
        input.put("version", version + 7);
        ApiResponse stale = fx.as("admin").put(BASE + "/" + id, input);
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.problemType()).isEqualTo("stale");
        assertThat(stale.json().path("currentVersion").asLong()).isEqualTo(version);
        assertThat(calendars.byId(id).between(java.time.Instant.parse("2026-11-30T01:00:00Z"),
                java.time.Instant.parse("2026-11-30T02:00:00Z"))).isZero(); // 08:00–09:00 local: still closed

        input.put("version", version);
        ApiResponse updated = fx.as("admin").put(BASE + "/" + id, input);
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().path("week").path("MONDAY").get(0).path("from").asText()).isEqualTo("08:00");
        assertThat(updated.json().path("week").path("FRIDAY").size()).isZero();
        assertThat(texts(updated.json().path("holidays"), "date")).containsExactly("2026-12-31");
        ApiResponse open = fx.as("l1").get(BASE + "/" + id + "/open?at=2026-11-30T08:30");
        assertThat(open.json().path("open").asBoolean()).isTrue();

        // one year's holidays replaced, the other years' kept
        long v2 = updated.json().path("version").asLong();
        ApiResponse year = fx.as("admin").put(BASE + "/" + id + "/holidays/2027", body("version", v2,
                "holidays", List.of(holiday("2027-01-01", "Новый год"), holiday("2027-01-02", "Каникулы", hours("10:00", "16:00")))));
        assertThat(year.status()).isEqualTo(200);
        assertThat(texts(year.json().path("holidays"), "date")).containsExactly("2026-12-31", "2027-01-01", "2027-01-02");
        assertThat(year.json().path("name").asText()).isEqualTo(name);
        CalendarView stored = calendars.all().stream().filter(c -> c.id() == id).findFirst().orElseThrow();
        assertThat(stored.hoursText(DayOfWeek.MONDAY)).isEqualTo("08:00–20:00");
        assertThat(stored.holidaysOf(2027)).extracting(CalendarView.Holiday::closed).containsExactly(true, false);

        ApiResponse wrongYear = fx.as("admin").put(BASE + "/" + id + "/holidays/2027", body("version", year.json().path("version").asLong(),
                "holidays", List.of(holiday("2026-05-01", "Первомай"))));
        assertThat(wrongYear.status()).isEqualTo(400);
        assertThat(wrongYear.json().path("field").asText()).isEqualTo("holidays[0].date");
        assertThat(wrongYear.json().path("detail").asText()).isEqualTo("Date 2026-05-01 is not in 2027");
        assertThat(calendars.all().stream().filter(c -> c.id() == id).findFirst().orElseThrow().holidays()).hasSize(3);
    }

    @Test
    void badInputAnswersAProblemDetailNamingEveryFieldAndSavesNothing() {
        String name = "Плохой " + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> input = body("name", name, "zone", "Moscow/Kremlin",
                "week", Map.of("MONDAY", List.of(hours("09:00", "18:00"), hours("17:00", "19:00")),
                        "TUESDAY", List.of(hours("18:00", "10:00")),
                        "WEDNESDAY", List.of(hours("9am", "6pm"))),
                "holidays", List.of(holiday("2026-02-30", "Тридцатое февраля"), holiday("2026-05-01", " "),
                        holiday("2026-05-01", "Ещё раз")));

        ApiResponse refused = fx.as("admin").post(BASE, input);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.mediaType()).isEqualTo("application/problem+json");
        assertThat(refused.problemType()).isEqualTo("invalid-input");
        assertThat(refused.json().path("field").asText()).isEqualTo("zone");
        assertThat(refused.json().path("detail").asText()).isEqualTo("Unknown time zone \"Moscow/Kremlin\" (e.g. Europe/Moscow)");
        Map<String, String> errors = new java.util.LinkedHashMap<>();
        refused.json().path("errors").forEach(e -> errors.put(e.path("field").asText(), e.path("message").asText()));
        assertThat(errors).containsKeys("zone", "week.MONDAY", "week.TUESDAY", "week.WEDNESDAY", "holidays[0].date",
                "holidays[1].name", "holidays[2].date");
        assertThat(errors.get("week.MONDAY")).isEqualTo("Intervals 09:00–18:00 and 17:00–19:00 overlap");
        assertThat(errors.get("week.WEDNESDAY")).contains("9am–6pm");
        assertThat(calendars.all()).noneMatch(c -> c.name().equals(name));

        ApiResponse neverOpen = fx.as("admin").post(BASE, body("name", name, "zone", "Europe/Moscow", "week", Map.of()));
        assertThat(neverOpen.status()).isEqualTo(400);
        assertThat(neverOpen.json().path("field").asText()).isEqualTo("week");
        ApiResponse taken = fx.as("admin").post(BASE, body("name", "Поддержка (Москва)", "zone", "Europe/Moscow",
                "week", Map.of("MONDAY", List.of(hours("09:00", "18:00")))));
        assertThat(taken.status()).isEqualTo(400);
        assertThat(taken.json().path("field").asText()).isEqualTo("name");
        ApiResponse badDay = fx.as("admin").post(BASE, body("name", name, "week", Map.of("FUNDAY", List.of(hours("09:00", "18:00")))));
        assertThat(badDay.status()).isEqualTo(400);
        assertThat(badDay.json().path("field").asText()).startsWith("week");
        assertThat(calendars.all()).noneMatch(c -> c.name().equals(name));
    }

    @Test
    void onlyAdministratorsChangeCalendars() {
        JsonNode support = byName(fx.as("admin").get(BASE).json(), "Поддержка (Москва)");
        long id = support.path("id").asLong();
        Map<String, Object> change = body("name", "Захват", "zone", "UTC", "week", Map.of("MONDAY", List.of(hours("00:00", "24:00"))),
                "version", support.path("version").asLong());

        for (String login : List.of("lead", "l1", "trainer", "customer")) {
            ApiResponse put = fx.as(login).put(BASE + "/" + id, change);
            assertThat(put.status()).as(login).isEqualTo(403);
            assertThat(put.mediaType()).isEqualTo("application/problem+json");
            assertThat(fx.as(login).post(BASE, change).status()).as(login).isEqualTo(403);
            assertThat(fx.as(login).put(BASE + "/" + id + "/holidays/2026", body("holidays", List.of())).status()).as(login).isEqualTo(403);
        }
        assertThat(fx.anonymous().put(BASE + "/" + id, change).status()).isEqualTo(401);
        JsonNode after = fx.as("admin").get(BASE + "/" + id).json();
        assertThat(after.path("name").asText()).isEqualTo("Поддержка (Москва)");
        assertThat(after.path("version").asLong()).isEqualTo(support.path("version").asLong());
        assertThat(after.path("holidays").size()).isEqualTo(support.path("holidays").size());
    }

    @Test
    void theMathsAnswersDueTimesBusinessTimeAndOpennessExactly() {
        long support = byName(fx.as("l1").get(BASE).json(), "Поддержка (Москва)").path("id").asLong();
        long secondLine = byName(fx.as("l1").get(BASE).json(), "Вторая линия, будни").path("id").asLong();

        // the example, written three ways: Friday 20:50 Moscow + 60 business minutes = Saturday 10:50
        for (String from : List.of("2026-11-27T20:50", "2026-11-27T17:50:00Z", "2026-11-27T20:50:00+03:00")) {
            ApiResponse due = fx.as("l1").get(BASE + "/" + support + "/due", Map.of("from", from, "minutes", 60));
            assertThat(due.status()).as(from).isEqualTo(200);
            assertThat(due.json().path("due").asText()).as(from).isEqualTo("2026-11-28T07:50:00Z");
            assertThat(due.json().path("dueLocal").asText()).isEqualTo("2026-11-28T10:50:00+03:00");
            assertThat(due.json().path("zone").asText()).isEqualTo("Europe/Moscow");
        }
        ApiResponse days = fx.as("l2").get(BASE + "/" + secondLine + "/due?from=2026-11-02T10:00&days=5");
        assertThat(days.json().path("dueLocal").asText()).isEqualTo("2026-11-09T18:00:00+03:00"); // 4 November is a holiday

        ApiResponse newYear = fx.as("l1").get(BASE + "/" + support + "/business-time",
                Map.of("from", "2026-01-01T00:00", "to", "2026-01-02T00:00"));
        assertThat(newYear.status()).isEqualTo(200);
        assertThat(newYear.json().path("minutes").asLong()).isEqualTo(480); // one 8-hour shift on a holiday
        assertThat(newYear.json().path("duration").asText()).isEqualTo("PT8H");
        ApiResponse empty = fx.as("l1").get(BASE + "/" + support + "/business-time",
                Map.of("from", "2026-11-28T12:00:00Z", "to", "2026-11-28T12:00:00Z"));
        assertThat(empty.json().path("seconds").asLong()).isZero();

        ApiResponse saturdayMorning = fx.as("l1").get(BASE + "/" + support + "/open?at=2026-11-28T09:00");
        assertThat(saturdayMorning.json().path("open").asBoolean()).isFalse();
        assertThat(saturdayMorning.json().path("nextOpeningLocal").asText()).isEqualTo("2026-11-28T10:00:00+03:00");

        // across the spring change of clocks: a 24-hour calendar in Berlin has 23 hours on 29 March 2026
        String name = "Berlin " + UUID.randomUUID().toString().substring(0, 8);
        List<Map<String, String>> allDay = List.of(hours("00:00", "24:00"));
        Map<String, Object> week = new java.util.LinkedHashMap<>();
        for (DayOfWeek d : DayOfWeek.values()) {
            week.put(d.name(), allDay);
        }
        long berlin = fx.as("admin").post(BASE, body("name", name, "zone", "Europe/Berlin", "week", week)).json().path("id").asLong();
        ApiResponse dst = fx.as("l1").get(BASE + "/" + berlin + "/business-time", Map.of("from", "2026-03-29T00:00", "to", "2026-03-30T00:00"));
        assertThat(dst.json().path("minutes").asLong()).isEqualTo(23 * 60);
        ApiResponse acrossGap = fx.as("l1").get(BASE + "/" + berlin + "/due", Map.of("from", "2026-03-29T01:30", "minutes", 60));
        assertThat(acrossGap.json().path("dueLocal").asText()).isEqualTo("2026-03-29T03:30:00+02:00");
    }

    @Test
    void badMathsInputIsRefusedAtItsParameter() {
        long support = byName(fx.as("l1").get(BASE).json(), "Поддержка (Москва)").path("id").asLong();
        String due = BASE + "/" + support + "/due";
        String between = BASE + "/" + support + "/business-time";

        assertRefused(fx.as("l1").get(due + "?from=2026-11-27T20:50"), "minutes", "Give either minutes or days");
        assertRefused(fx.as("l1").get(due + "?minutes=5&days=1"), "days", "Give either minutes or days");
        assertRefused(fx.as("l1").get(due + "?minutes=-5"), "minutes", "A whole number from 0 to 525600");
        assertRefused(fx.as("l1").get(due + "?days=many"), "days", "A whole number from 0 to 365");
        ApiResponse garbage = fx.as("l1").get(due, Map.of("from", "next friday", "minutes", 5));
        assertThat(garbage.status()).isEqualTo(400);
        assertThat(garbage.json().path("field").asText()).isEqualTo("from");
        assertThat(garbage.json().path("detail").asText()).startsWith("Cannot read the instant \"next friday\"");
        assertRefused(fx.as("l1").get(between + "?from=2026-11-27T20:50"), "to", "Give an instant");
        assertRefused(fx.as("l1").get(between + "?from=2026-11-27T20:50&to=2026-11-27T10:00"), "to", "The end is before the start");
        assertRefused(fx.as("l1").get(between + "?from=2000-01-01T00:00&to=2026-01-01T00:00"), "to",
                "At most 3660 days between start and end");
        ApiResponse unknown = fx.as("l1").get(BASE + "/999999/due?minutes=5");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.problemType()).isEqualTo("not-found");
        // without from: from now (the answer is after it)
        ApiResponse now = fx.as("l1").get(due + "?minutes=0");
        assertThat(now.status()).isEqualTo(200);
        assertThat(now.json().path("due").asText()).isEqualTo(now.json().path("from").asText());
    }

    @Test
    void theOpenApiDocumentDescribesTheCalendarApi() {
        JsonNode doc = fx.anonymous().get("/v3/api-docs").json();
        JsonNode paths = doc.path("paths");
        assertThat(paths.has(BASE)).isTrue();
        assertThat(paths.has(BASE + "/{id}/due")).isTrue();
        assertThat(paths.has(BASE + "/{id}/business-time")).isTrue();
        assertThat(paths.has(BASE + "/{id}/holidays/{year}")).isTrue();
        assertThat(paths.path(BASE + "/{id}/due").path("get").path("tags").get(0).asText()).isEqualTo("Business calendars");
        assertThat(paths.path(BASE).path("post").path("responses").has("400")).isTrue();
    }

    // ------------------------------------------------------------------ helpers

    private static void assertRefused(ApiResponse response, String field, String message) {
        assertThat(response.status()).as(response.request()).isEqualTo(400);
        assertThat(response.problemType()).isEqualTo("invalid-input");
        assertThat(response.json().path("field").asText()).isEqualTo(field);
        assertThat(response.json().path("detail").asText()).isEqualTo(message);
        assertThat(response.json().path("errors").get(0).path("field").asText()).isEqualTo(field);
    }

    private static Map<String, String> hours(String from, String to) {
        return Map.of("from", from, "to", to);
    }

    @SafeVarargs
    private static Map<String, Object> holiday(String date, String name, Map<String, String>... hours) {
        return body("date", date, "name", name, "hours", List.of(hours));
    }

    private static JsonNode byName(JsonNode list, String name) {
        for (JsonNode c : list) {
            if (name.equals(c.path("name").asText())) {
                return c;
            }
        }
        throw new AssertionError(name + " not in " + list);
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.path(field).asText()));
        return texts;
    }
}
