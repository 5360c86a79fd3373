package io.linia.analytics.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.linia.accounts.Actor;
import io.linia.accounts.UserAdministration;
import io.linia.accounts.UserDirectory;
import io.linia.accounts.UserRef;
import io.linia.analytics.alert.AlertKey;
import io.linia.analytics.alert.SpikeAlerts;
import io.linia.analytics.alert.SpikeWatch;
import io.linia.routing.CategoryCommand;
import io.linia.routing.CategoryRef;
import io.linia.routing.RoutingAdministration;
import io.linia.support.ApiFixtures;
import io.linia.support.ApiResponse;
import io.linia.support.StoreTest;
import io.linia.support.WebSession;
import io.linia.tickets.Channel;
import io.linia.tickets.Priority;
import io.linia.tickets.TicketCommands;
import io.linia.tickets.TicketService;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Arrival history imported on analytics' page and API, stored in the workforce's one store: bad files refused with the
 * line at fault and nothing stored (API and page); a daily row is split over its hours; history imported on either side
 * makes a spike detectable in a category Linia has no history of, and feeds the workforce forecast's history.
 */
@StoreTest
@Import(io.linia.analytics.AnalyticsMovingClock.class)
@TestPropertySource(properties = {"linia.sla.evaluate=false", "linia.analytics.alerts.enabled=false",
        "linia.test.context=analytics-alerts", "linia.test.pg.schema=ctx_analytics_alerts"})
class ArrivalImportTest {

    @Autowired
    io.linia.support.MovingClock clock;
    @Autowired
    TicketService tickets;
    @Autowired
    UserDirectory users;
    @Autowired
    UserAdministration administration;
    @Autowired
    RoutingAdministration routing;
    @Autowired
    SpikeWatch watch;
    @Autowired
    SpikeAlerts alerts;
    @Autowired
    io.linia.analytics.rollup.RollupUpkeep upkeep;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    io.linia.workforce.demand.StaffingDemand demand;
    @org.springframework.beans.factory.annotation.Value("${linia.analytics.alerts.weeks}")
    int weeks;
    @LocalServerPort
    int port;

    @Test
    void badRowsAreRefusedWithTheirLineNumberAndNothingIsStored() {
        ApiFixtures api = new ApiFixtures(port, administration, users);
        CategoryRef category = category();
        long batches = count("arrival_batch");
        long hours = count("arrival_count");

        ApiResponse badTime = post(api, "timestamp,count\n2031-01-05T09:00,3\n2031-01-05T10:00,4\n2031-01-05 1l:00,2\n", "Europe/Moscow");
        assertThat(badTime.status()).isEqualTo(400);
        JsonNode problem = badTime.json();
        assertThat(problem.get("field").asText()).isEqualTo("file");
        assertThat(problem.get("line").asInt()).isEqualTo(4);
        assertThat(problem.get("detail").asText()).contains("line 4");

        ApiResponse negative = post(api, "timestamp;count;category\n2031-01-05T09:00;3;" + category.code() + "\n2031-01-05T10:00;-1;"
                + category.code() + "\n", "Europe/Moscow");
        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.json().get("line").asInt()).isEqualTo(3);

        ApiResponse unknownCategory = post(api, "timestamp,count,category\n2031-01-05T09:00,3," + category.code()
                + "\n2031-01-05T10:00,4," + category.code() + "\n2031-01-05T11:00,1,no-such-topic\n", "Europe/Moscow");
        assertThat(unknownCategory.status()).isEqualTo(400);
        assertThat(unknownCategory.json().get("line").asInt()).isEqualTo(4);
        assertThat(unknownCategory.json().get("detail").asText()).contains("no-such-topic");

        ApiResponse unknownChannel = post(api, "timestamp,count,channel\n2031-01-05T09:00,3,web\n2031-01-05T10:00,4,FAX\n", "Europe/Moscow");
        assertThat(unknownChannel.status()).isEqualTo(400);
        assertThat(unknownChannel.json().get("line").asInt()).isEqualTo(3);

        ApiResponse badZone = post(api, "timestamp,count\n2031-01-05T09:00,3\n", "Mars/Olympus");
        assertThat(badZone.status()).isEqualTo(400);
        assertThat(badZone.json().get("field").asText()).isEqualTo("zone");

        // not an administrator: forbidden, nothing stored
        assertThat(api.as("lead").postRaw("/api/v1/analytics/history?zone=UTC", "timestamp,count\n2031-01-05T09:00,3\n"
                .getBytes(StandardCharsets.UTF_8), "text/csv").status()).isEqualTo(403);

        // the page names the line next to the file field
        WebSession admin = WebSession.signedIn(port, "admin");
        var form = admin.get("/admin/analytics/history");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("id=\"history-form\"");
        var page = admin.postMultipart("/admin/analytics/history", Map.of("zone", "Europe/Moscow"), "file", "old.csv",
                "timestamp,count\n2031-01-05T09:00,3\nвчера,4\n".getBytes(StandardCharsets.UTF_8));
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("id=\"file-error\"").contains("line 3");

        assertThat(count("arrival_batch")).isEqualTo(batches);
        assertThat(count("arrival_count")).isEqualTo(hours);
    }

    @Test
    void aDailyRowIsSpreadEvenlyOverItsHoursAndABatchCanBeDeleted() {
        ApiFixtures api = new ApiFixtures(port, administration, users);
        CategoryRef category = category();
        ApiResponse imported = post(api, "timestamp,count,channel,category\n2030-02-03,48,EMAIL," + category.code() + "\n2030-02-04,24,EMAIL,"
                + category.code() + "\n", "Europe/Moscow");
        assertThat(imported.status()).as(imported.text()).isEqualTo(201);
        JsonNode batch = imported.json();
        assertThat(batch.get("intervalMinutes").asInt()).isEqualTo(1440);
        assertThat(batch.get("total").asDouble()).isEqualTo(72.0);
        assertThat(batch.get("channels").asBoolean()).isTrue();
        long id = batch.get("id").asLong();
        // 3 February 2030 in Moscow is 2 Feb 21:00 – 3 Feb 21:00 UTC: 24 hours of 2 each, in the workforce's store
        Instant firstHour = LocalDateTime.parse("2030-02-03T00:00").atZone(java.time.ZoneId.of("Europe/Moscow")).toInstant();
        assertThat(jdbc.queryForList("select arrivals from arrival_count where batch_id = ? and hour_start >= ? and hour_start < ?",
                Double.class, id, Timestamp.from(firstHour), Timestamp.from(firstHour.plus(Duration.ofHours(24)))))
                .hasSize(24).containsOnly(2.0);
        assertThat(jdbc.queryForList("select distinct category from arrival_count where batch_id = ?", String.class, id))
                .containsExactly(category.code());
        assertThat(jdbc.queryForObject("select has_channel from arrival_batch where id = ?", Boolean.class, id)).isTrue();
        // listed on both sides
        JsonNode listed = api.as("lead").get("/api/v1/analytics/history").json();
        assertThat(listed.toString()).contains("\"id\":" + id);
        assertThat(api.as("lead").get("/api/v1/workforce/arrivals").json().toString()).contains("\"id\":" + id);
        assertThat(api.as("admin").delete("/api/v1/analytics/history/" + id).status()).isEqualTo(204);
        assertThat(jdbc.queryForObject("select count(*) from arrival_count where batch_id = ?", Long.class, id)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from arrival_batch where id = ?", Long.class, id)).isZero();
        assertThat(api.as("admin").delete("/api/v1/analytics/history/" + id).status()).isEqualTo(404);
    }

    @Test
    void importedHistoryMakesASpikeDetectableWhereLiniaHasNoHistoryOfItsOwn() {
        ApiFixtures api = new ApiFixtures(port, administration, users);
        // Tuesday 16 September 2031, 10:00–11:00 Moscow
        spikeIsDetectableWithHistoryImportedBy(csv -> post(api, csv, "Europe/Moscow"), LocalDateTime.parse("2031-09-16T10:00"));
    }

    @Test
    void historyImportedOnTheWorkforcePageMakesASpikeDetectableToo() {
        ApiFixtures api = new ApiFixtures(port, administration, users);
        // a team lead imports on the workforce's side; Tuesday 15 June 2032, 10:00–11:00 Moscow (the weeks looked back
        // clear of the other test's imported weeks, where a category file stands for zero of every other category)
        spikeIsDetectableWithHistoryImportedBy(csv -> api.as("lead").postRaw("/api/v1/workforce/arrivals?zone=Europe/Moscow",
                csv.getBytes(StandardCharsets.UTF_8), "text/csv"), LocalDateTime.parse("2032-06-15T10:00"));
    }

    @Test
    void historyImportedInAnalyticsFeedsTheWorkforceForecast() {
        ApiFixtures api = new ApiFixtures(port, administration, users);
        java.time.ZoneId zone = demand.zone();
        java.time.LocalDate day = java.time.LocalDate.parse("2029-03-07");
        double before = java.util.Arrays.stream(demand.actual(day, day).values()).sum();
        ApiResponse imported = post(api, "timestamp,count\n2029-03-07T09:00,5\n2029-03-07T10:00,7\n", zone.getId());
        assertThat(imported.status()).as(imported.text()).isEqualTo(201);
        io.linia.workforce.HourlySeries actual = demand.actual(day, day);
        assertThat(java.util.Arrays.stream(actual.values()).sum()).isEqualTo(before + 12.0);
        assertThat(actual.values()[9]).isGreaterThanOrEqualTo(5.0);
        assertThat(actual.values()[10]).isGreaterThanOrEqualTo(7.0);
        // the workforce's own list shows the batch
        assertThat(api.as("lead").get("/api/v1/workforce/arrivals").json().toString())
                .contains("\"id\":" + imported.json().get("id").asLong());
    }

    /**
     * The dashboards' usual inflow on a hand-built history of one category, the 8 weeks before Wednesday 9 March 2033
     * (Moscow): imported hourly counts for all 8 weeks (1 an hour; at Wednesday 10:00, weeks 8..3 back: 4, 6, 5, 7, 9, 1,
     * weeks 2 and 1: 100), and Linia's own tickets from week 2 on (Wednesday 10:00: 2 then 3). Own history wins from its
     * first ticket, the import stands in before it.
     */
    @Test
    void theUsualInflowIsTheMedianOfTheSameHourOfTheWeekFromOwnTicketsElseImportedHistory() {
        ApiFixtures api = new ApiFixtures(port, administration, users);
        assertThat(weeks).isEqualTo(8);
        CategoryRef category = category();
        java.time.ZoneId moscow = java.time.ZoneId.of("Europe/Moscow");
        LocalDateTime day = LocalDateTime.parse("2033-03-09T00:00");
        Map<Integer, Integer> atTen = Map.of(8, 4, 7, 6, 6, 5, 5, 7, 4, 9, 3, 1, 2, 100, 1, 100);
        StringBuilder csv = new StringBuilder("timestamp,count,category\n");
        for (LocalDateTime t = day.minusWeeks(8); t.isBefore(day); t = t.plusHours(1)) {
            int weeksBack = (int) (java.time.temporal.ChronoUnit.DAYS.between(t.toLocalDate(), day.toLocalDate()) + 6) / 7;
            int n = t.getDayOfWeek() == java.time.DayOfWeek.WEDNESDAY && t.getHour() == 10 ? atTen.get(weeksBack) : 1;
            csv.append(t).append(',').append(n).append(',').append(category.code()).append('\n');
        }
        ApiResponse imported = post(api, csv.toString(), "Europe/Moscow");
        assertThat(imported.status()).as(imported.text()).isEqualTo(201);
        Actor customer = users.userByLogin("customer").map(UserRef::toActor).orElseThrow();
        for (int[] week : new int[][] {{2, 2}, {1, 3}}) {
            for (int i = 0; i < week[1]; i++) {
                clock.set(day.minusWeeks(week[0]).withHour(10).plusMinutes(5 + 10L * i).atZone(moscow).toInstant());
                tickets.create(customer, new TicketCommands.NewTicket("Вопрос по счёту", "Где мой счёт", null, null, category.id(),
                        Priority.NORMAL), Channel.WEB);
            }
        }
        assertThat(upkeep.awaitIdle(Duration.ofSeconds(60))).isTrue();

        JsonNode hours = api.as("lead").get("/api/v1/analytics/inflow?from=2033-03-09&to=2033-03-09&interval=HOUR&categoryId="
                + category.id()).json();
        Map<String, Double> usual = new java.util.HashMap<>();
        for (int i = 0; i < hours.get("buckets").size(); i++) {
            usual.put(hours.get("buckets").get(i).asText(), hours.get("usual").get(i).asDouble());
        }
        // 10:00: own 3, 2 (weeks 1, 2), imported 1, 9, 7, 5, 6, 4 (weeks 3..8) -> median of 1 2 3 4 5 6 7 9 = 4.5
        assertThat(usual.get("2033-03-09T10:00")).isEqualTo(4.5);
        // 11:00: own 0, 0, imported 1 x 6 -> 1; 09:00: own 0 (week 1), imported 1 (week 2, before the first ticket) x 7 -> 1
        assertThat(usual.get("2033-03-09T11:00")).isEqualTo(1.0);
        assertThat(usual.get("2033-03-09T09:00")).isEqualTo(1.0);

        // days: week 1 own 3; week 2 imported (the day starts before the first ticket) 23 + 100; weeks 3..8 23 + 1, 9, 7, 5, 6, 4
        // -> median of 3 24 27 28 29 30 32 123 = 28.5
        JsonNode days = api.as("lead").get("/api/v1/analytics/inflow?from=2033-03-09&to=2033-03-09&interval=DAY&categoryId="
                + category.id()).json();
        assertThat(days.get("usual").get(0).asDouble()).isEqualTo(28.5);
        // the page's table and CSV show the same numbers
        WebSession lead = WebSession.signedIn(port, "lead");
        String page = lead.get("/agent/analytics?from=2033-03-09&to=2033-03-09&interval=DAY&categoryId=" + category.id()).body();
        String table = page.substring(page.indexOf("id=\"inflow-channel-table\""));
        assertThat(table.substring(0, table.indexOf("</table>"))).contains("data-key=\"usual\">28.5</td>");
        assertThat(lead.get("/agent/analytics/inflow-channel.csv?from=2033-03-09&to=2033-03-09&interval=DAY&categoryId="
                + category.id()).body()).endsWith(";28,5\r\n");
        // weeks have no usual line
        assertThat(api.as("lead").get("/api/v1/analytics/inflow?from=2033-03-07&to=2033-03-13&interval=WEEK&categoryId="
                + category.id()).json().get("usual").isNull()).isTrue();
    }

    private void spikeIsDetectableWithHistoryImportedBy(java.util.function.Function<String, ApiResponse> importer, LocalDateTime at) {
        CategoryRef category = category();
        Actor customer = users.userByLogin("customer").map(UserRef::toActor).orElseThrow();
        // 12 tickets within the hour in a category that never had any
        Instant hour = at.atZone(java.time.ZoneId.of("Europe/Moscow")).toInstant();
        for (int i = 0; i < 12; i++) {
            clock.set(hour.plus(Duration.ofMinutes(3 + 4L * i)));
            tickets.create(customer, new TicketCommands.NewTicket("Сбой оплаты картой", "Платёж картой отклонён", null, null,
                    category.id(), Priority.NORMAL), Channel.API);
        }
        assertThat(upkeep.awaitIdle(Duration.ofSeconds(60))).isTrue();
        clock.set(hour.plus(Duration.ofMinutes(60)));
        watch.evaluate();
        assertThat(open(category)).as("no usual level without history").isFalse();

        // the previous tool's hourly counts for the four weeks before: 2 an hour at this hour of the week, 1 otherwise
        StringBuilder csv = new StringBuilder("timestamp,count,category\n");
        LocalDateTime from = at.toLocalDate().atStartOfDay().minusWeeks(4);
        for (LocalDateTime t = from; t.isBefore(at.toLocalDate().atStartOfDay()); t = t.plusHours(1)) {
            int n = t.getDayOfWeek() == at.getDayOfWeek() && t.getHour() == at.getHour() ? 2 : 1;
            csv.append(t).append(',').append(n).append(',').append(category.code()).append('\n');
        }
        ApiResponse imported = importer.apply(csv.toString());
        assertThat(imported.status()).as(imported.text()).isEqualTo(201);
        assertThat(imported.json().get("rows").asInt()).isEqualTo(28 * 24);

        clock.set(hour.plus(Duration.ofMinutes(61)));
        SpikeWatch.Evaluation e = watch.evaluate();
        var alert = alerts.open(Locale.forLanguageTag("ru")).stream()
                .filter(a -> a.dimension().equals("CATEGORY") && a.key().equals(String.valueOf(category.id()))).findFirst().orElseThrow();
        assertThat(e.opened()).contains(alert.id());
        assertThat(alert.weeks()).isEqualTo(4);
        assertThat(alert.usual()).isEqualTo(2.0);
        assertThat(alert.count()).isEqualTo(12);
        assertThat(alert.words()).contains("сбой");
    }

    private boolean open(CategoryRef category) {
        return alerts.open(Locale.ROOT).stream().anyMatch(a -> a.key().equals(AlertKey.category(category.id()).key())
                && a.dimension().equals("CATEGORY"));
    }

    private ApiResponse post(ApiFixtures api, String csv, String zone) {
        return api.as("admin").postRaw("/api/v1/analytics/history?zone=" + zone, csv.getBytes(StandardCharsets.UTF_8), "text/csv");
    }

    private CategoryRef category() {
        return routing.createCategory(new CategoryCommand("hist-" + System.nanoTime() % 1000000, "История " + System.nanoTime() % 1000,
                "History", null, true));
    }

    private long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }
}
