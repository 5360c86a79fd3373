package io.linia.workforce.pay;

import static org.assertj.core.api.Assertions.assertThat;

import io.linia.accounts.Actor;
import io.linia.accounts.Role;
import io.linia.accounts.UserAdministration;
import io.linia.accounts.UserDirectory;
import io.linia.accounts.UserRef;
import io.linia.support.WebSession;
import io.linia.workforce.ShiftSlot;
import io.linia.workforce.WorkforcePlanning;
import io.linia.workforce.schedule.Rosters;
import io.linia.workforce.staff.PeriodView;
import io.linia.workforce.staff.PlanningPeriods;
import io.linia.workforce.staff.StaffFixtures;
import io.linia.workforce.staff.StaffProfiles;
import io.linia.workforce.staff.StaffStoreTest;
import java.net.http.HttpResponse;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The «Оплата» pages over real HTTP: the lead's month table and an agent's drill-down, adjustments
 * through the form (a problem shown next to its field, nothing saved), the CSV for Russian Excel, and
 * an agent who sees only their own month and can change nothing.
 */
@StaffStoreTest
class PayPagesTest {

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
    PayAdjustments adjustments;
    @Autowired
    UserAdministration administration;
    @Autowired
    UserDirectory users;

    StaffFixtures fx;
    Actor lead;
    YearMonth month;
    List<ShiftSlot> mornings;
    UserRef anna;
    UserRef boris;
    UserRef dora;

    @BeforeEach
    void setUp() {
        fx = new StaffFixtures(clock, periods, administration, users);
        lead = fx.actor("lead");
        PeriodView period = fx.openPeriod(lead, 4);
        month = YearMonth.from(period.firstDay().plusDays(14)); // the month holding the middle of the 4 weeks: at least 15 of its days
        mornings = planning.slots(period.firstDay(), period.lastDay()).stream()
                .filter(s -> s.templateId() == 1 && YearMonth.from(s.date()).equals(month)).toList();
        anna = fx.newAgent(Role.AGENT_L1, "Анна Страничная");
        boris = fx.newAgent(Role.AGENT_L1, "Борис Страничный");
        dora = fx.newAgent(Role.AGENT_L1, "Дора Бездоговорная");
        for (UserRef agent : List.of(anna, boris)) {
            profiles.setContract(lead, agent.id(), StaffFixtures.contract(month.minusMonths(1).atDay(1), "30000", 3, "2500.50", 6));
        }
        for (ShiftSlot s : mornings.subList(0, 5)) {
            rosters.give(lead, period.id(), anna.id(), s.date(), 1, null);
        }
        rosters.give(lead, period.id(), boris.id(), mornings.get(6).date(), 1, null);
        rosters.publish(lead, period.id(), null);
    }

    @Test
    void theLeadSeesTheMonthDrillsDownAndRecordsAdjustmentsWithProblemsNextToTheirFields() {
        WebSession pages = WebSession.signedIn(port, "lead");

        HttpResponse<String> table = pages.get("/agent/workforce/pay?month=" + month);
        assertThat(table.statusCode()).isEqualTo(200);
        assertThat(table.body()).contains("id=\"tab-pay\"").contains("Оплата за").contains("id=\"pay-csv\"")
                .contains("href=\"/agent/workforce/pay?month=" + month.minusMonths(1) + "\"").contains("по дням действия каждого договора");
        String annaRow = row(table.body(), anna.id());
        assertThat(annaRow).contains("data-status=\"OK\"");
        assertThat(cell(annaRow, "worked")).isEqualTo("5");
        assertThat(cell(annaRow, "covered")).isEqualTo("3");
        assertThat(cell(annaRow, "extra")).isEqualTo("2");
        assertThat(digits(cell(annaRow, "total"))).isEqualTo("3500100");
        assertThat(row(table.body(), dora.id())).contains("data-status=\"NO_CONTRACT\"").contains("нет договора");

        String drill = "/agent/workforce/pay/" + anna.id() + "?month=" + month;
        HttpResponse<String> page = pages.get(drill);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Оплата: Анна Страничная").contains("id=\"adjustment-form\"")
                .contains("data-mark=\"ROSTERED\" data-count=\"EXTRA\"").contains("500,50");
        assertThat(count(page.body(), "data-count=\"COVERED\"")).isEqualTo(3);

        // no reason: refused next to the field, nothing saved
        ShiftSlot absentDay = mornings.get(1);
        String post = "/agent/workforce/pay/" + anna.id() + "/adjustments?month=" + month;
        HttpResponse<String> refused = pages.post(post, Map.of("kind", "ABSENT", "date", absentDay.date().toString(), "templateId", "1",
                "reason", ""));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"reason-error\"").contains("Укажите причину.");
        HttpResponse<String> notRostered = pages.post(post, Map.of("kind", "ABSENT", "date", mornings.get(7).date().toString(),
                "templateId", "1", "reason", "Болела"));
        assertThat(notRostered.statusCode()).isEqualTo(400);
        assertThat(notRostered.body()).contains("id=\"templateId-error\"").contains("не стоит на эту смену");
        assertThat(adjustments.between(month.atDay(1), month.atEndOfMonth())).noneMatch(a -> a.userId() == anna.id());

        HttpResponse<String> saved = pages.post(post, Map.of("kind", "ABSENT", "date", absentDay.date().toString(), "templateId", "1",
                "reason", "Болела, справка"));
        assertThat(saved.statusCode()).isEqualTo(302);
        // and a swap: Boris's rostered shift worked by Anna
        HttpResponse<String> swapped = pages.post("/agent/workforce/pay/" + boris.id() + "/adjustments?month=" + month, Map.of("kind", "SWAP",
                "date", mornings.get(6).date().toString(), "templateId", "1", "substituteId", String.valueOf(anna.id()), "reason", "Экзамен"));
        assertThat(swapped.statusCode()).isEqualTo(302);

        HttpResponse<String> after = pages.get(drill);
        assertThat(after.body()).contains("data-mark=\"ABSENT\" data-count=\"NOT_WORKED\"").contains("Болела, справка")
                .contains("data-mark=\"SWAP_IN\"").contains("вместо Борис Страничный");
        assertThat(between(after.body(), "id=\"sum-worked\"")).isEqualTo("5");
        assertThat(row(pages.get("/agent/workforce/pay?month=" + month).body(), boris.id())).contains("<td class=\"text-end worked\">0</td>");

        // removing the swap from Anna's side takes it off Boris too
        AdjustmentView swapIn = adjustments.between(month.atDay(1), month.atEndOfMonth()).stream()
                .filter(a -> a.userId() == anna.id() && a.mark() == ShiftMark.SWAP_IN).findFirst().orElseThrow();
        assertThat(pages.post("/agent/workforce/pay/adjustments/" + swapIn.id() + "/delete?userId=" + anna.id() + "&month=" + month, Map.of())
                .statusCode()).isEqualTo(302);
        assertThat(adjustments.between(month.atDay(1), month.atEndOfMonth())).filteredOn(a -> a.pairId() != null)
                .noneMatch(a -> a.userId() == anna.id() || a.userId() == boris.id());
    }

    @Test
    void theCsvIsForRussianExcelWithBomSemicolonsAndDecimalCommas() {
        WebSession pages = WebSession.signedIn(port, "lead");

        HttpResponse<String> csv = pages.get("/agent/workforce/pay/csv?month=" + month);

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv").contains("UTF-8");
        assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).contains("pay-" + month + ".csv");
        assertThat(csv.body()).startsWith("\uFEFFЛогин;Сотрудник;Месяц;Статус;Отработано смен");
        String login = users.user(anna.id()).orElseThrow().login();
        String annaLine = csv.body().lines().filter(l -> l.startsWith(login + ";")).findFirst().orElseThrow();
        assertThat(annaLine).isEqualTo(login + ";Анна Страничная;" + month + ";рассчитано;5;3;3;2;0;0;30000,00;5001,00;35001,00;RUB");
        String doraLine = csv.body().lines().filter(l -> l.contains(";Дора Бездоговорная;")).findFirst().orElseThrow();
        assertThat(doraLine).endsWith(";нет договора;0;0;0;0;0;0;;;;");
        assertThat(csv.body()).contains("\r\n");
    }

    @Test
    void anAgentSeesOnlyTheirOwnMonthAndCanChangeNothing() {
        String login = users.user(anna.id()).orElseThrow().login();
        WebSession agent = WebSession.signedIn(port, login);

        HttpResponse<String> table = agent.get("/agent/workforce/pay?month=" + month);
        assertThat(table.statusCode()).isEqualTo(200);
        assertThat(table.body()).contains("data-user=\"" + anna.id() + "\"").doesNotContain("data-user=\"" + boris.id() + "\"");
        HttpResponse<String> own = agent.get("/agent/workforce/pay/" + anna.id() + "?month=" + month);
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.body()).doesNotContain("id=\"adjustment-form\"");
        assertThat(agent.get("/agent/workforce/pay/" + boris.id() + "?month=" + month).statusCode()).isEqualTo(403);
        String csv = agent.get("/agent/workforce/pay/csv?month=" + month).body();
        assertThat(csv.lines().count()).isEqualTo(2);

        HttpResponse<String> adjusting = agent.post("/agent/workforce/pay/" + anna.id() + "/adjustments?month=" + month,
                Map.of("kind", "EXTRA", "date", mornings.get(7).date().toString(), "templateId", "1", "reason", "Сама себе"));
        assertThat(adjusting.statusCode()).isEqualTo(403);
        assertThat(adjustments.between(month.atDay(1), month.atEndOfMonth())).noneMatch(a -> a.userId() == anna.id());

        HttpResponse<String> badMonth = agent.get("/agent/workforce/pay?month=2027-13");
        assertThat(badMonth.statusCode()).isEqualTo(400);
        assertThat(badMonth.body()).contains("«2027-13» — не месяц");
    }

    private static String row(String html, long userId) {
        int at = html.indexOf("data-user=\"" + userId + "\"");
        assertThat(at).as("row of user %d", userId).isNotNegative();
        return html.substring(at, html.indexOf("</tr>", at));
    }

    private static String cell(String row, String cssClass) {
        Matcher m = Pattern.compile("class=\"[^\"]*\\b" + cssClass + "\\b[^\"]*\">([^<]*)<").matcher(row);
        assertThat(m.find()).as("cell %s in %s", cssClass, row).isTrue();
        return m.group(1).strip();
    }

    private static String between(String html, String marker) {
        int at = html.indexOf(marker);
        assertThat(at).isNotNegative();
        return html.substring(html.indexOf('>', at) + 1, html.indexOf('<', at + 1)).strip();
    }

    private static String digits(String text) {
        return text.replaceAll("\\D", "");
    }

    private static int count(String text, String what) {
        return text.split(Pattern.quote(what), -1).length - 1;
    }
}
