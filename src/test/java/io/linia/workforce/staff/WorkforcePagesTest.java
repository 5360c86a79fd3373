package io.linia.workforce.staff;

import static org.assertj.core.api.Assertions.assertThat;

import io.linia.accounts.Actor;
import io.linia.accounts.UserAdministration;
import io.linia.accounts.UserDirectory;
import io.linia.support.WebSession;
import io.linia.workforce.Availability;
import io.linia.workforce.Money;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The shift pages over real HTTP: an agent fills the grid with a weekly pattern and a cell of their
 * own, the lead's page shows who has entered and who has not, the deadline turns the agent's grid
 * read-only and refuses a late save with the deadline named, and the lead's, template and contract
 * forms show each problem next to its field.
 */
@StaffStoreTest
class WorkforcePagesTest {

    @LocalServerPort
    int port;
    @Autowired
    StaffStoreTest.StaffClock clock;
    @Autowired
    io.linia.workforce.WorkforcePlanning planning;
    @Autowired
    PlanningPeriods periods;
    @Autowired
    AvailabilitySheets sheets;
    @Autowired
    StaffProfiles profiles;
    @Autowired
    ShiftTemplates templates;
    @Autowired
    UserAdministration administration;
    @Autowired
    UserDirectory users;

    StaffFixtures fx;
    Actor lead;

    @BeforeEach
    void setUp() {
        fx = new StaffFixtures(clock, periods, administration, users);
        lead = fx.actor("lead");
    }

    @Test
    void anAgentFillsTheGridWithAPatternAndTheLeadSeesWhoHasEnteredAndWhoHasNot() {
        PeriodView period = fx.openPeriod(lead, 2);
        Actor pavel = fx.actor("trainer");
        WebSession agent = WebSession.signedIn(port, "trainer");

        HttpResponse<String> home = agent.get("/agent/workforce");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("id=\"nav-shifts\"").contains("Периоды планирования")
                .contains("data-period=\"" + period.id() + "\"").contains("не заполнено");
        // the navigation's badge: one open period waits for him (every other test's period is past its deadline now)
        assertThat(agent.get("/agent/workforce/awaiting").body()).isEqualTo("1");
        String grid = "/agent/workforce/periods/" + period.id() + "/availability/" + pavel.id();
        HttpResponse<String> page = agent.get(grid);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Моя доступность").contains("Ещё не заполнено").contains("Утренняя (будни)")
                .contains("09:00–15:00").contains("Неделя 2");
        // every shift of the two weeks: 24, less one for a weekday holiday of the seeded calendar (8 March 2027)
        assertThat(checked(page.body())).hasSize(planning.slots(period.firstDay(), period.lastDay()).size()).hasSizeBetween(22, 24)
                .containsValue("AVAILABLE").doesNotContainValue("UNAVAILABLE");

        LocalDate saturday = period.firstDay().plusDays(5);
        Map<String, String> form = new HashMap<>(checked(page.body()));
        form.put("c." + saturday + ".3", "PREFERRED");
        form.put("note", "Лекции по вторникам");
        form.put("version", "-1");
        form.put("action", "pattern");
        form.put("patternDays", "TUESDAY");
        form.put("patternTemplate", "1");
        form.put("patternValue", "UNAVAILABLE");
        HttpResponse<String> saved = agent.post(grid, form);
        assertThat(saved.statusCode()).isEqualTo(302);

        assertThat(agent.get("/agent/workforce/awaiting").body()).isEmpty();
        assertThat(WebSession.signedIn(port, "lead").get("/agent/workforce/awaiting").body()).isEmpty();
        HttpResponse<String> after = agent.get(grid);
        assertThat(after.body()).contains("Отмечено смен: 2; доступность сохранена.").contains("Лекции по вторникам")
                .contains("Не могу: 2, хочу: 1.");
        Map<String, String> now = checked(after.body());
        assertThat(now).containsEntry("c." + period.firstDay().plusDays(1) + ".1", "UNAVAILABLE")
                .containsEntry("c." + period.firstDay().plusDays(8) + ".1", "UNAVAILABLE")
                .containsEntry("c." + period.firstDay().plusDays(1) + ".2", "AVAILABLE")
                .containsEntry("c." + saturday + ".3", "PREFERRED");
        // "every week like the first" copies Saturday's wish to the second Saturday
        Map<String, String> copy = new HashMap<>(now);
        copy.put("version", versionOf(after.body()));
        copy.put("action", "copy");
        copy.put("note", "Лекции по вторникам");
        assertThat(agent.post(grid, copy).statusCode()).isEqualTo(302);
        assertThat(checked(agent.get(grid).body())).containsEntry("c." + saturday.plusDays(7) + ".3", "PREFERRED");

        WebSession leadPages = WebSession.signedIn(port, "lead");
        HttpResponse<String> status = leadPages.get("/agent/workforce/periods/" + period.id());
        assertThat(status.statusCode()).isEqualTo(200);
        String pavelRow = row(status.body(), pavel.id());
        assertThat(pavelRow).contains("data-entered=\"true\"").contains("Лекции по вторникам");
        String annaRow = row(status.body(), fx.actor("l1").id());
        assertThat(annaRow).contains("data-entered=\"false\"").contains("не заполнено");
        String missing = status.body().substring(status.body().indexOf("id=\"missing-list\""));
        assertThat(missing.substring(0, missing.indexOf("</ul>"))).contains("Анна Кузнецова").doesNotContain("Павел Новиков");
        assertThat(status.body()).contains("mailto:?bcc=").contains("anna.kuznetsova@linia.local")
                .contains("приём доступности до " + AvailabilitySheetsTest.StaffPagesTime.moscow(period.availabilityDue()));
        // the lead opens the agent's grid too
        assertThat(leadPages.get(grid).body()).contains("Доступность: Павел Новиков");
    }

    @Test
    void afterTheDeadlineTheAgentsGridIsReadOnlyAndALateSaveIsRefusedWithTheDeadlineNamed() {
        PeriodView period = fx.openPeriod(lead, 2);
        Actor igor = fx.actor("l2mail");
        WebSession agent = WebSession.signedIn(port, "l2mail");
        String grid = "/agent/workforce/periods/" + period.id() + "/availability/" + igor.id();
        Map<String, String> form = new HashMap<>(checked(agent.get(grid).body()));

        fx.setClock(period.availabilityDue().plusSeconds(1));
        HttpResponse<String> readOnly = agent.get(grid);
        assertThat(readOnly.body()).contains("id=\"deadline-passed\"").contains("Приём доступности закончился")
                .contains("<fieldset disabled");
        form.put("c." + period.firstDay() + ".1", "UNAVAILABLE");
        form.put("action", "save");
        HttpResponse<String> late = agent.post(grid, form);
        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(late.body()).contains("срок прошёл, изменения не сохранены")
                .contains(AvailabilitySheetsTest.StaffPagesTime.moscow(period.availabilityDue()));
        assertThat(sheets.sheet(lead, period.id(), igor.id()).entered()).isFalse();

        // the lead still may
        WebSession leadPages = WebSession.signedIn(port, "lead");
        HttpResponse<String> leadGrid = leadPages.get(grid);
        assertThat(leadGrid.body()).contains("id=\"planner-after-deadline\"").doesNotContain("<fieldset disabled");
        assertThat(leadPages.post(grid, form).statusCode()).isEqualTo(302);
        assertThat(sheets.sheet(lead, period.id(), igor.id()).cells()).filteredOn(c -> c.availability() == Availability.UNAVAILABLE)
                .hasSize(1);
    }

    @Test
    void theLeadOpensAPeriodAndEachBadFieldIsShownNextToIt() {
        LocalDate monday = fx.freshMonday();
        WebSession leadPages = WebSession.signedIn(port, "lead");
        HttpResponse<String> home = leadPages.get("/agent/workforce");
        assertThat(home.body()).contains("id=\"open-period-form\"");

        HttpResponse<String> bad = leadPages.post("/agent/workforce/periods", Map.of("firstDay", monday.plusDays(2).toString(),
                "weeks", "9", "availabilityDue", monday.minusDays(2) + "T18:00"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("не понедельник").contains("от 2 до 6 полных недель").contains("is-invalid");

        HttpResponse<String> opened = leadPages.post("/agent/workforce/periods", Map.of("firstDay", monday.toString(), "weeks", "3",
                "availabilityDue", monday.minusDays(2) + "T18:00"));
        assertThat(opened.statusCode()).isEqualTo(302);
        String location = opened.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
        HttpResponse<String> status = leadPages.get(location);
        assertThat(status.body()).contains("открыт: сотрудники могут заполнять доступность")
                .contains(AvailabilitySheetsTest.StaffPagesTime.moscow(monday.minusDays(2).atTime(18, 0).atZone(StaffFixtures.MOSCOW).toInstant()));
        assertThat(periods.list(lead)).anySatisfy(p -> {
            assertThat(p.firstDay()).isEqualTo(monday);
            assertThat(p.weeks()).isEqualTo(3);
        });

        // agents neither open periods nor see a period's status
        WebSession agent = WebSession.signedIn(port, "l1");
        assertThat(agent.get("/agent/workforce").body()).doesNotContain("id=\"open-period-form\"");
        assertThat(agent.post("/agent/workforce/periods", Map.of("firstDay", monday.plusWeeks(4).toString(), "weeks", "2",
                "availabilityDue", monday.minusDays(2) + "T18:00")).statusCode()).isEqualTo(403);
        String id = location.substring(location.lastIndexOf('/') + 1);
        assertThat(agent.get(location).headers().firstValue("Location").orElseThrow())
                .endsWith("/agent/workforce/periods/" + id + "/availability/" + fx.actor("l1").id());
    }

    @Test
    void templateAndContractFormsShowProblemsNextToTheirFieldsAndAcceptAmountsAsPeopleWriteThem() {
        WebSession admin = WebSession.signedIn(port, "admin");
        admin.get("/agent/workforce/templates/new");
        HttpResponse<String> backwards = admin.post("/agent/workforce/templates", Map.of("code", "Плохой код", "nameRu", "Смена",
                "nameEn", "", "dayKind", "WEEKDAY", "start", "15:00", "end", "09:00", "active", "true"));
        assertThat(backwards.statusCode()).isEqualTo(400);
        assertThat(backwards.body()).contains("Код — строчные латинские буквы").contains("Укажите название.")
                .contains("Конец (09:00) должен быть позже начала (15:00)");
        String code = "page-" + java.util.UUID.randomUUID().toString().substring(0, 6);
        HttpResponse<String> created = admin.post("/agent/workforce/templates", Map.of("code", code, "nameRu", "Поздняя",
                "nameEn", "Late", "dayKind", "WEEKDAY", "start", "21:00", "end", "00:00"));
        assertThat(created.statusCode()).isEqualTo(302);
        assertThat(templates.list()).anySatisfy(t -> {
            assertThat(t.code()).isEqualTo(code);
            assertThat(t.hours()).isEqualTo("21:00–24:00");
            assertThat(t.active()).isFalse(); // the box was not ticked
        });
        HttpResponse<String> list = WebSession.signedIn(port, "l1").get("/agent/workforce/templates");
        assertThat(list.body()).contains(code).contains("10:00–18:00").doesNotContain("id=\"new-template\"");
        assertThat(WebSession.signedIn(port, "l1").get("/agent/workforce/templates/new").statusCode()).isEqualTo(403);

        fx.setClock(java.time.Instant.parse("2026-11-23T07:00:00Z"));
        Actor dmitry = fx.actor("l1b");
        WebSession leadPages = WebSession.signedIn(port, "lead");
        String profile = "/agent/workforce/agents/" + dmitry.id();
        assertThat(leadPages.get(profile).body()).contains("Дмитрий Орлов").contains("30\u00a0000,00").contains("id=\"contract-form\"");
        HttpResponse<String> wrong = leadPages.post(profile + "/contracts", Map.of("validFrom", "2027-02-01", "monthlySalary", "тридцать",
                "extraShiftRate", "2 900,50", "currency", "RUB", "minShiftsPerMonth", "40", "maxShiftsPerWeek", "4"));
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("Введите сумму числом").contains("При 4 сменах в неделю за месяц можно отработать не больше 18");
        HttpResponse<String> ok = leadPages.post(profile + "/contracts", Map.of("validFrom", "2027-02-01", "monthlySalary", "32 500,50",
                "extraShiftRate", "2 900,50", "currency", "rub", "minShiftsPerMonth", "10", "maxShiftsPerWeek", "4"));
        assertThat(ok.statusCode()).isEqualTo(302);
        assertThat(profiles.profile(lead, dmitry.id()).contracts().get(0)).satisfies(t -> {
            assertThat(t.validFrom()).isEqualTo(LocalDate.of(2027, 2, 1));
            assertThat(t.contract().monthlySalary()).isEqualTo(Money.of("32500.50", "RUB"));
            assertThat(t.contract().extraShiftRate()).isEqualTo(Money.of("2900.5", "RUB"));
        });
        assertThat(leadPages.get("/agent/workforce/agents").body()).contains("Дмитрий Орлов").contains("Мария Соколова");
        profiles.removeContract(lead, dmitry.id(), LocalDate.of(2027, 2, 1));

        // an agent sees their own contract, not the list, and cannot set one
        WebSession anna = WebSession.signedIn(port, "l1");
        HttpResponse<String> own = anna.get("/agent/workforce/agents");
        assertThat(own.statusCode()).isEqualTo(302);
        HttpResponse<String> mine = anna.get("/agent/workforce/agents/" + fx.actor("l1").id());
        assertThat(mine.body()).contains("38\u00a0000,00").doesNotContain("id=\"contract-form\"");
        assertThat(anna.get(profile).statusCode()).isEqualTo(403);
        assertThat(anna.post(profile + "/contracts", Map.of("validFrom", "2027-02-01")).statusCode()).isEqualTo(403);
        assertThat(WebSession.signedIn(port, "customer").get("/agent/workforce").statusCode()).isEqualTo(403);
    }

    /** name → value of every checked radio of the grid. */
    static Map<String, String> checked(String html) {
        Map<String, String> values = new HashMap<>();
        Matcher m = Pattern.compile("<input type=\"radio\" class=\"btn-check\" name=\"([^\"]+)\" id=\"[^\"]+\" value=\"([A-Z]+)\"([^>]*)>")
                .matcher(html);
        while (m.find()) {
            if (m.group(3).contains("checked")) {
                values.put(m.group(1), m.group(2));
            }
        }
        return values;
    }

    static String versionOf(String html) {
        Matcher m = Pattern.compile("name=\"version\" value=\"(-?\\d+)\"").matcher(html);
        return m.find() ? m.group(1) : "";
    }

    /** The row of the status table for this user. */
    static String row(String html, long userId) {
        int start = html.indexOf("data-user=\"" + userId + "\"");
        assertThat(start).as("row of user %s", userId).isPositive();
        return html.substring(start, html.indexOf("</tr>", start));
    }

}
