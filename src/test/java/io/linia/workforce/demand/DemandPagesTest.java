package io.linia.workforce.demand;

import static org.assertj.core.api.Assertions.assertThat;

import io.linia.accounts.Actor;
import io.linia.accounts.UserAdministration;
import io.linia.accounts.UserDirectory;
import io.linia.support.WebSession;
import io.linia.workforce.ShiftStaffing;
import io.linia.workforce.staff.PeriodView;
import io.linia.workforce.staff.PlanningPeriods;
import io.linia.workforce.staff.StaffFixtures;
import io.linia.workforce.staff.StaffStoreTest;
import io.linia.workforce.web.DemandPages;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The demand pages over real HTTP on the demo desk's history (8 weeks up to Sunday 2026-11-22, seeded by the
 * demo): the forecast page with its weekly errors, daily tables and CSV; the staffing page with the need per
 * shift and queue; the settings form with each problem next to its field and the need following a change; the
 * arrival history import refusing a bad file with its line and taking a good one.
 */
@StaffStoreTest
class DemandPagesTest {

    /** The Monday after the demo history (the test clock's own start). */
    static final LocalDate DEMO_MONDAY = LocalDate.of(2026, 11, 23);

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
    ForecastReview review;
    @Autowired
    StaffingDemand demand;
    @Autowired
    StaffingSettingsStore settings;
    @Autowired
    ArrivalHistory history;

    @BeforeEach
    void russian() {
        // the figures are formatted as the Russian pages show them
        LocaleContextHolder.setLocale(java.util.Locale.forLanguageTag("ru"));
    }

    @AfterEach
    void reset() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void theForecastPageShowsEachPastWeeksErrorsNextToTheNaiveForecastAndTheComingWeeksPerHour() {
        fx().setClock(DEMO_MONDAY.atTime(10, 0).atZone(StaffFixtures.MOSCOW).toInstant());
        WebSession agent = WebSession.signedIn(port, "l1");

        HttpResponse<String> page = agent.get("/agent/workforce/forecast");

        assertThat(page.statusCode()).isEqualTo(200);
        String body = page.body();
        assertThat(body).contains("id=\"tab-forecast\"").contains("Прогноз обращений").contains("Холт — Винтерс")
                .contains("class=\"linia-chart\"").contains("data-chart=");
        ForecastReview.Report report = review.review(4);
        assertThat(report.weeks()).extracting(ForecastReview.Week::monday)
                .containsExactly(LocalDate.of(2026, 10, 26), LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 9), LocalDate.of(2026, 11, 16));
        for (ForecastReview.Week week : report.weeks()) {
            String row = between(body, "data-week=\"" + week.monday() + "\"", "</tr>");
            assertThat(row).contains(new DemandPages().count(week.actual().total())).contains(new DemandPages().percent(week.linia().mape()));
            // the demo desk's weeks: 55 to 65 thousand arrivals each
            assertThat(week.actual().total()).isBetween(55_000.0, 65_000.0);
        }
        // the forecast learnt on the weeks before beats "the same hour a week before" over the four weeks
        assertThat(report.linia().wape()).isLessThan(report.seasonalNaive().wape());
        assertThat(report.linia().mape()).isLessThan(report.seasonalNaive().mape());
        String overall = between(body, "id=\"overall\"", "</tr>");
        assertThat(overall).contains(new DemandPages().percent(report.linia().wape())).contains(new DemandPages().percent(report.seasonalNaive().wape()));
        // the next 4 weeks: a row per day with its total
        assertThat(count(body, "data-date=\"")).isEqualTo(28);
        String monday = between(body, "data-date=\"" + DEMO_MONDAY + "\"", "</tr>");
        double mondayTotal = report.next().expected().slice(0, 24).total();
        assertThat(monday).contains(new DemandPages().count(mondayTotal));
        assertThat(mondayTotal).isBetween(8_000.0, 11_000.0);

        HttpResponse<String> past = agent.get("/agent/workforce/forecast.csv?weeks=4&part=past");
        assertThat(past.statusCode()).isEqualTo(200);
        assertThat(past.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        List<String> lines = past.body().lines().toList();
        assertThat(lines).hasSize(1 + 4 * 168);
        assertThat(lines.get(0)).isEqualTo("hour,actual,forecast,seasonal_naive");
        assertThat(lines.get(1)).startsWith("2026-10-26T00:00,");
        assertThat(agent.get("/agent/workforce/forecast.csv?weeks=2&part=next").body().lines()).hasSize(1 + 2 * 168);
        assertThat(agent.get("/agent/workforce/forecast?weeks=99").statusCode()).isEqualTo(400);
    }

    @Test
    void theStaffingPageShowsTheNeedPerShiftAndQueueAndFollowsTheSettingsSavedInTheForm() {
        StaffFixtures fx = fx();
        fx.setClock(DEMO_MONDAY.atTime(10, 0).atZone(StaffFixtures.MOSCOW).toInstant());
        Actor lead = fx.actor("lead");
        PeriodView demo = periods.list(lead).stream().filter(p -> p.firstDay().equals(LocalDate.of(2026, 12, 7))).findFirst().orElseThrow();
        WebSession planner = WebSession.signedIn(port, "lead");
        assertThat(WebSession.signedIn(port, "l1").get("/agent/workforce/staffing?period=" + demo.id()).statusCode()).isEqualTo(403);

        HttpResponse<String> page = planner.get("/agent/workforce/staffing?period=" + demo.id());

        assertThat(page.statusCode()).isEqualTo(200);
        String body = page.body().replaceAll("\\s+", " ");
        assertThat(body).contains("Потребность в сотрудников".replace("сотрудников", "сотрудниках")).contains("id=\"settings-in-force\"")
                .contains("Действуют значения по умолчанию").contains("обработка заявки 2,0 мин").contains("Первая линия (вся)")
                .contains("Доли групп второй линии — по умолчанию: 40,0 %");
        List<ShiftStaffing> need = demand.staffing(demo.firstDay(), demo.lastDay());
        ShiftStaffing first = need.get(0);
        String row = between(body, "data-date=\"" + first.slot().date() + "\" data-template=\"" + first.slot().templateId()
                + "\" data-line=\"FIRST\" data-group=\"0\"", "</tr>");
        assertThat(row).contains(">" + first.required() + "<").contains(">" + first.agents() + "<")
                .contains(new DemandPages().count(first.arrivals()));
        assertThat(first.required()).isGreaterThan(first.agents());
        HttpResponse<String> csv = planner.get("/agent/workforce/staffing.csv?period=" + demo.id());
        assertThat(csv.body().lines().count()).isEqualTo(1 + need.size());

        // a bad value is shown next to its field and nothing is saved
        HttpResponse<String> form = planner.get("/agent/workforce/staffing/settings");
        assertThat(form.statusCode()).isEqualTo(200);
        Map<String, String> fields = new HashMap<>(inputs(form.body()));
        assertThat(fields).containsEntry("firstLineHandlingMinutes", "2").containsEntry("serviceLevelPercent", "80");
        fields.put("shrinkagePercent", "95");
        fields.put("answerWithinMinutes", "час");
        fields.put("aggregation", "PEAK_HOUR");
        fields.put("carryClosedHours", "true");
        HttpResponse<String> refused = planner.post("/agent/workforce/staffing/settings", fields);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("class=\"form-control is-invalid\" id=\"shrinkagePercent\"")
                .contains("class=\"form-control is-invalid\" id=\"answerWithinMinutes\"");
        assertThat(between(refused.body(), "id=\"shrinkagePercent\"", "form-text")).contains("Допустимо от 0 до 90");
        assertThat(between(refused.body(), "id=\"answerWithinMinutes\"", "form-text")).contains("Введите целое число");
        assertThat(settings.current().stored()).isFalse();

        // a longer handling time: more agents on the same shift
        fields.put("shrinkagePercent", "30");
        fields.put("answerWithinMinutes", "60");
        fields.put("firstLineHandlingMinutes", "24");
        try {
            HttpResponse<String> saved = planner.post("/agent/workforce/staffing/settings", fields);
            assertThat(saved.statusCode()).isEqualTo(302);
            assertThat(settings.current().firstLineHandlingMinutes()).isEqualTo(24);
            ShiftStaffing after = demand.staffing(demo.firstDay(), demo.lastDay()).get(0);
            assertThat(after.agents()).isGreaterThan(first.agents());
            String changed = planner.get("/agent/workforce/staffing?period=" + demo.id()).body().replaceAll("\\s+", " ");
            assertThat(changed).contains("Действуют настройки планировщиков").contains("обработка заявки 24,0 мин");
            assertThat(between(changed, "data-date=\"" + first.slot().date() + "\" data-template=\"" + first.slot().templateId()
                    + "\" data-line=\"FIRST\" data-group=\"0\"", "</tr>")).contains(">" + after.required() + "<");
        } finally {
            settings.reset(lead);
        }
    }

    @Test
    void anImportOnThePageRefusesABadFileWithItsLineAndTakesAGoodOne() {
        StaffFixtures fx = fx();
        LocalDate monday = fx.freshMonday();
        WebSession planner = WebSession.signedIn(port, "lead");
        HttpResponse<String> page = planner.get("/agent/workforce/arrivals");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"import-form\"").contains("демо").contains("Europe/Moscow");
        int before = history.batches().size();

        String bad = "timestamp,count\n" + monday + "T09:00,5\n" + monday + "T10:00,x\n";
        HttpResponse<String> refused = planner.postMultipart("/agent/workforce/arrivals", Map.of("zone", "Europe/Moscow", "label", "плохой"),
                "file", "bad.csv", bad.getBytes(StandardCharsets.UTF_8));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("class=\"form-control is-invalid\" type=\"file\" id=\"file\"");
        assertThat(between(refused.body(), "id=\"file\"", "form-text")).contains("Файл не принят, ничего не изменено: bad.csv line 3");
        assertThat(history.batches()).hasSize(before);

        String good = "timestamp,count\n" + monday + "T09:00,5\n" + monday + "T10:00,6\n";
        HttpResponse<String> taken = planner.postMultipart("/agent/workforce/arrivals", Map.of("zone", "Europe/Moscow", "label", "хороший"),
                "file", "good.csv", good.getBytes(StandardCharsets.UTF_8));
        assertThat(taken.statusCode()).isEqualTo(302);
        assertThat(history.batches()).hasSize(before + 1);
        assertThat(demand.actual(monday, monday).total()).isEqualTo(11);
        ArrivalBatch batch = history.batches().get(0);
        String list = planner.get("/agent/workforce/arrivals").body();
        assertThat(between(list, "data-batch=\"" + batch.id() + "\"", "</tr>")).contains("хороший").contains(">11<");

        assertThat(planner.post("/agent/workforce/arrivals/" + batch.id() + "/delete", Map.of()).statusCode()).isEqualTo(302);
        assertThat(demand.actual(monday, monday).total()).isZero();
        // agents see the history, they do not import
        assertThat(WebSession.signedIn(port, "l1").get("/agent/workforce/arrivals").body()).doesNotContain("id=\"import-form\"");
    }

    private StaffFixtures fx() {
        return new StaffFixtures(clock, periods, administration, users);
    }

    private static String between(String body, String start, String end) {
        int a = body.indexOf(start);
        assertThat(a).as("'%s' on the page", start).isNotNegative();
        int b = body.indexOf(end, a);
        return body.substring(a, b < 0 ? body.length() : b);
    }

    private static int count(String body, String what) {
        int n = 0;
        for (int i = body.indexOf(what); i >= 0; i = body.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }

    private static Map<String, String> inputs(String body) {
        Map<String, String> values = new HashMap<>();
        Matcher m = Pattern.compile("<input class=\"form-control\" id=\"([A-Za-z]+)\" name=\"\\1\"[^>]*value=\"([^\"]*)\"").matcher(body);
        while (m.find()) {
            values.put(m.group(1), m.group(2));
        }
        Matcher v = Pattern.compile("name=\"version\" value=\"(-?[0-9]+)\"").matcher(body);
        if (v.find()) {
            values.put("version", v.group(1));
        }
        return values;
    }
}
