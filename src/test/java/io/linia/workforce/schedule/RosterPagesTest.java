package io.linia.workforce.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.linia.accounts.Actor;
import io.linia.accounts.Role;
import io.linia.accounts.UserAdministration;
import io.linia.accounts.UserDirectory;
import io.linia.accounts.UserRef;
import io.linia.support.WebSession;
import io.linia.workforce.Availability;
import io.linia.workforce.ShiftSlot;
import io.linia.workforce.WorkforcePlanning;
import io.linia.workforce.staff.AvailabilitySheets;
import io.linia.workforce.staff.PeriodView;
import io.linia.workforce.staff.PlanningPeriods;
import io.linia.workforce.staff.SheetCommand;
import io.linia.workforce.staff.StaffFixtures;
import io.linia.workforce.staff.StaffProfiles;
import io.linia.workforce.staff.StaffStoreTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The roster page over real HTTP: the lead starts a solve (a bad time limit is shown next to its field),
 * the page polls the progress and reloads when the solve has ended, the grid shows each agent's shifts
 * with what they said about them and each shift's need against the agents on it, and the explanation;
 * hand edits by htmx answer the area of the page, a stale one 409 with its message and nothing changed;
 * agents may not solve or edit and see the roster only once it is published, their own row marked.
 */
@StaffStoreTest
class RosterPagesTest {

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

    StaffFixtures fx;
    Actor lead;
    PeriodView period;
    UserRef gleb;
    String page;

    @BeforeEach
    void setUp() {
        fx = new StaffFixtures(clock, periods, administration, users);
        lead = fx.actor("lead");
        period = fx.openPeriod(lead, 2);
        gleb = fx.newAgent(Role.AGENT_L1, "Глеб Страничный");
        profiles.setContract(lead, gleb.id(), StaffFixtures.contract(period.firstDay().minusDays(14), "40000", 8, "3000", 5));
        page = "/agent/workforce/periods/" + period.id() + "/roster";
    }

    @Test
    void theLeadSolvesWatchesTheProgressAndReadsTheRosterAndItsExplanation() throws Exception {
        ShiftSlot saturday = planning.slots(period.firstDay(), period.lastDay()).stream()
                .filter(s -> s.date().equals(period.firstDay().plusDays(5))).findFirst().orElseThrow();
        ShiftSlot monday = planning.slots(period.firstDay(), period.firstDay()).get(0);
        sheets.save(fx.actor(gleb.login()), period.id(), gleb.id(), new SheetCommand(List.of(
                new SheetCommand.Entry(monday.date(), monday.templateId(), Availability.UNAVAILABLE),
                new SheetCommand.Entry(saturday.date(), saturday.templateId(), Availability.PREFERRED)), null, -1L));
        WebSession web = WebSession.signedIn(port, "lead");

        HttpResponse<String> empty = web.get(page);
        assertThat(empty.statusCode()).isEqualTo(200);
        assertThat(empty.body()).contains("Графика ещё нет").contains("Составить график").contains("id=\"tab-roster\"")
                .contains("Неделя 1: " + dmy(period.firstDay()));
        assertThat(web.get("/agent/workforce/periods/" + period.id()).body()).contains("id=\"roster-link\"");

        HttpResponse<String> bad = web.post(page + "/solve", Map.of("timeLimit", "ten"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("id=\"timeLimit-error\">Время расчёта — целое число секунд от 1 до 600");
        HttpResponse<String> tooLong = web.post(page + "/solve", Map.of("timeLimit", "601"));
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("целое число секунд от 1 до 600");
        assertThat(jobs.running(period.id())).isFalse();

        HttpResponse<String> started = web.post(page + "/solve", Map.of("timeLimit", "60"));
        assertThat(started.statusCode()).isEqualTo(302);
        HttpResponse<String> watching = web.get(page);
        assertThat(watching.body()).contains("hx-trigger=\"every 1s\"").contains("id=\"stop-solve\"");
        HttpResponse<String> second = web.post(page + "/solve", Map.of("timeLimit", "2"));
        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(second.body()).contains("уже рассчитывается");

        HttpResponse<String> running = web.get(page + "/progress?watching=1");
        assertThat(running.headers().firstValue("HX-Refresh")).isEmpty();
        assertThat(running.body()).containsAnyOf("Идёт расчёт", "В очереди на расчёт").contains("улучшений:");
        // the best roster so far is saved when the lead stops the solve
        while (jobs.state(lead, period.id()).orElseThrow().bestScore() == null) {
            Thread.sleep(100);
        }
        assertThat(web.post(page + "/stop", Map.of()).statusCode()).isEqualTo(302);
        assertThat(jobs.awaitEnd(period.id(), Duration.ofSeconds(60))).isTrue();
        HttpResponse<String> done = web.get(page + "/progress?watching=1");
        assertThat(done.headers().firstValue("HX-Refresh")).contains("true");
        assertThat(done.body()).contains("Расчёт остановлен").contains("Результат сохранён").doesNotContain("every 1s");

        RosterView roster = rosters.ofPeriod(lead, period.id()).orElseThrow();
        HttpResponse<String> shown = web.get(page);
        String body = shown.body();
        assertThat(body).contains("Черновик").contains("Пересоставить вокруг закреплённых").contains("id=\"publish\"")
                .contains("id=\"by-agent\"").contains("id=\"by-shift\"").contains("Почему график такой")
                .contains("Глеб Страничный").contains("Первая линия");
        String row = row(body, gleb.id());
        assertThat(row).contains("data-availability=\"UNAVAILABLE\"").contains("data-availability=\"PREFERRED\"");
        // Gleb is never on the Monday shift he cannot work
        assertThat(cell(row, monday)).contains("data-assigned=\"false\"").doesNotContain("edit-give");
        long onPage = count(body.substring(body.indexOf("id=\"by-agent\""), body.indexOf("id=\"by-shift\"")), "data-assigned=\"true\"");
        long inWeek = roster.shifts().stream().filter(s -> s.date().isBefore(period.firstDay().plusDays(7))).count();
        assertThat(onPage).isEqualTo(inWeek);
        HttpResponse<String> week2 = web.get(page + "?week=2");
        assertThat(week2.body()).contains("Неделя 2: " + dmy(period.firstDay().plusDays(7)));
        // in English: the same page, the first line's whole-line queue named as such
        HttpResponse<String> english = web.get(page + "?lang=en");
        assertThat(english.body()).contains("Re-solve around pinned shifts").contains("By agent").contains("By shift")
                .contains("Why the roster is so").contains("First line").contains("Week 1: " + dmy(period.firstDay()));
        web.get(page + "?lang=ru");
    }

    @Test
    void handEditsAnswerTheRosterAreaAndAStaleOneIsRefusedWithItsMessage() throws Exception {
        WebSession web = WebSession.signedIn(port, "lead");
        web.get(page);
        assertThat(web.post(page + "/solve", Map.of("timeLimit", "1")).statusCode()).isEqualTo(302);
        assertThat(jobs.awaitEnd(period.id(), Duration.ofSeconds(60))).isTrue();
        RosterView before = rosters.ofPeriod(lead, period.id()).orElseThrow();
        ShiftSlot free = planning.slots(period.firstDay(), period.lastDay()).stream()
                .filter(s -> before.shifts().stream().noneMatch(x -> x.userId() == gleb.id() && x.date().equals(s.date())))
                .findFirst().orElseThrow();
        web.get(page);
        Map<String, String> give = Map.of("action", "give", "userId", String.valueOf(gleb.id()), "date", free.date().toString(),
                "templateId", String.valueOf(free.templateId()), "version", String.valueOf(before.version() - 1), "week", "1");

        HttpResponse<String> stale = web.htmxPost(page + "/edit", give);
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body()).contains("id=\"error-form\"").contains("График уже изменили: обновите страницу и повторите");
        HttpResponse<String> badDate = web.htmxPost(page + "/edit", Map.of("action", "give", "userId", String.valueOf(gleb.id()),
                "date", "31.02", "templateId", String.valueOf(free.templateId()), "version", String.valueOf(before.version())));
        assertThat(badDate.statusCode()).isEqualTo(400);
        assertThat(badDate.body()).contains("id=\"error-date\"");
        assertThat(rosters.ofPeriod(lead, period.id()).orElseThrow().version()).isEqualTo(before.version());

        Map<String, String> fresh = new java.util.HashMap<>(give);
        fresh.put("version", String.valueOf(before.version()));
        HttpResponse<String> given = web.htmxPost(page + "/edit", fresh);
        assertThat(given.statusCode()).isEqualTo(200);
        assertThat(given.body()).contains("id=\"edit-success\"").contains("Смена дана и закреплена");
        RosterView after = rosters.ofPeriod(lead, period.id()).orElseThrow();
        assertThat(after.shifts()).anyMatch(s -> s.userId() == gleb.id() && s.date().equals(free.date()) && s.pinned());
        assertThat(cell(row(given.body(), gleb.id()), free)).contains("data-assigned=\"true\"").contains("data-pinned=\"true\"");

        Map<String, String> unpin = new java.util.HashMap<>(fresh);
        unpin.put("action", "unpin");
        unpin.put("version", String.valueOf(after.version()));
        assertThat(web.htmxPost(page + "/edit", unpin).statusCode()).isEqualTo(200);
        assertThat(rosters.pins(period.id())).noneMatch(p -> p.userId() == gleb.id() && p.date().equals(free.date()));
    }

    @Test
    void agentsMayNotSolveOrEditAndSeeThePublishedRosterWithTheirOwnRowMarked() throws Exception {
        WebSession agent = WebSession.signedIn(port, gleb.login());
        HttpResponse<String> before = agent.get(page);
        assertThat(before.statusCode()).isEqualTo(200);
        assertThat(before.body()).contains("График этого периода ещё не опубликован").doesNotContain("id=\"solve\"");
        assertThat(agent.post(page + "/solve", Map.of("timeLimit", "1")).statusCode()).isEqualTo(403);
        assertThat(jobs.running(period.id())).isFalse();
        assertThat(agent.get(page + "/progress").statusCode()).isEqualTo(403);

        WebSession web = WebSession.signedIn(port, "lead");
        web.get(page);
        assertThat(web.post(page + "/solve", Map.of("timeLimit", "1")).statusCode()).isEqualTo(302);
        assertThat(jobs.awaitEnd(period.id(), Duration.ofSeconds(60))).isTrue();
        RosterView roster = rosters.ofPeriod(lead, period.id()).orElseThrow();
        web.get(page);
        assertThat(agent.get(page).body()).doesNotContain("id=\"by-agent\"");
        assertThat(web.post(page + "/publish", Map.of("version", String.valueOf(roster.version())))).satisfies(r ->
                assertThat(r.statusCode()).isEqualTo(302));

        agent.get(page);
        ScheduledShift any = roster.shifts().get(0);
        HttpResponse<String> edit = agent.htmxPost(page + "/edit", Map.of("action", "take", "userId", String.valueOf(any.userId()),
                "date", any.date().toString(), "templateId", String.valueOf(any.templateId()), "version", String.valueOf(roster.version() + 1)));
        assertThat(edit.statusCode()).isEqualTo(403);
        assertThat(rosters.ofPeriod(lead, period.id()).orElseThrow().shifts()).hasSameSizeAs(roster.shifts());

        HttpResponse<String> published = agent.get(page);
        assertThat(published.statusCode()).isEqualTo(200);
        String body = published.body();
        assertThat(body).contains("Опубликован").contains("id=\"by-agent\"").doesNotContain("edit-give").doesNotContain("edit-take")
                .doesNotContain("id=\"explanation\"").doesNotContain("data-availability=\"UNAVAILABLE\"");
        assertThat(row(body, gleb.id())).contains("class=\"self\"").contains(">вы<");
        // the navigation's tab leads an agent to a period with a published roster
        HttpResponse<String> tab = agent.get("/agent/workforce/roster");
        assertThat(tab.statusCode()).isEqualTo(302);
        assertThat(tab.headers().firstValue("Location").orElseThrow()).contains("/agent/workforce/periods/");
    }

    private static String dmy(java.time.LocalDate date) {
        return String.format("%02d.%02d.%d", date.getDayOfMonth(), date.getMonthValue(), date.getYear());
    }

    /** The by-agent row of a user. */
    private static String row(String body, long userId) {
        int start = body.indexOf("<tr data-user=\"" + userId + "\"");
        assertThat(start).as("row of user %s", userId).isPositive();
        return body.substring(start, body.indexOf("</tr>", start));
    }

    /** One shift of a row's cell. */
    private static String cell(String row, ShiftSlot slot) {
        int day = row.indexOf("<td data-date=\"" + slot.date() + "\"");
        assertThat(day).as("cell of %s", slot.date()).isPositive();
        int start = row.indexOf("data-template=\"" + slot.templateId() + "\"", day);
        return row.substring(start, row.indexOf("</div>", start));
    }

    private static long count(String text, String part) {
        long n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
