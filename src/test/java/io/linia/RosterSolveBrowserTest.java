package io.linia;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.Media;
import io.linia.accounts.Actor;
import io.linia.accounts.UserDirectory;
import io.linia.support.BrowserSession;
import io.linia.workforce.DayKind;
import io.linia.workforce.schedule.RosterJobs;
import io.linia.workforce.schedule.RosterView;
import io.linia.workforce.schedule.Rosters;
import io.linia.workforce.schedule.ScheduledShift;
import io.linia.workforce.staff.AvailabilitySheets;
import io.linia.workforce.staff.PeriodView;
import io.linia.workforce.staff.PlanningPeriods;
import io.linia.workforce.staff.SheetView;
import java.time.DayOfWeek;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * Issue 6's browser test: an agent marks in her grid every Monday shift as impossible and one Saturday as
 * wished; the team lead builds the roster on its page, watches the solve's progress, and the roster the
 * page shows when it ends never puts her on a Monday and gives her the Saturday. The printed page keeps
 * the grid and drops the buttons.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"linia.demo.tickets=false",
        "linia.test.context=roster-solve", "linia.workforce.roster.time-limit=6s",
        // the need from this desk's own (few) tickets, not the demo's imported 8 weeks at the seed desk's scale: with seats
        // for 49 agents a shift and 6 agents every seat is short, and a 6 s solve spends itself on the coverage
        "linia.demo.arrivals.enabled=false"})
@ActiveProfiles("test")
class RosterSolveBrowserTest {

    @RegisterExtension
    static final BrowserSession browser = new BrowserSession();

    @Autowired
    PlanningPeriods periods;
    @Autowired
    AvailabilitySheets sheets;
    @Autowired
    Rosters rosters;
    @Autowired
    RosterJobs jobs;
    @Autowired
    UserDirectory users;

    @Test
    void anAgentsAvailabilityEnteredInTheUiIsRespectedByTheRosterTheLeadSolves() throws Exception {
        Actor lead = users.userByLogin("lead").orElseThrow().toActor();
        Actor olga = users.userByLogin("l1b").orElseThrow().toActor();
        PeriodView period = periods.upcoming(lead).stream().filter(PeriodView::openForEntry).findFirst().orElseThrow();
        SheetView sheet = sheets.sheet(olga, period.id(), olga.id());
        SheetView.Cell saturday = sheet.cells().stream().filter(c -> c.date().getDayOfWeek() == DayOfWeek.SATURDAY
                && c.dayKind() == DayKind.WEEKEND_OR_HOLIDAY).findFirst().orElseThrow();
        String saturdayId = "c-" + saturday.date() + "-" + saturday.templateId();

        Page agent = browser.signIn("olga", "l1b");
        browser.step(agent, "enters-her-availability", () -> {
            agent.locator("#nav-shifts").click();
            agent.locator("#periods tr[data-period='" + period.id() + "'] .my-sheet a").click();
            assertThat(agent.locator("h1")).hasText("Моя доступность");
            agent.locator("label[for='" + saturdayId + "-PREFERRED']").click();
            agent.locator("#pattern-days").selectOption("MONDAY");
            agent.locator("#pattern-template").selectOption("");
            agent.locator("#pattern-value").selectOption("UNAVAILABLE");
            agent.locator("#apply-pattern").click();
            assertThat(agent.locator("#flash-success")).containsText("доступность сохранена");
            assertThat(agent.locator("#" + saturdayId + "-PREFERRED")).isChecked();
        });
        List<SheetView.Cell> mondays = sheet.cells().stream().filter(c -> c.date().getDayOfWeek() == DayOfWeek.MONDAY).toList();
        assertThat(mondays).isNotEmpty();

        Page page = browser.signIn("lead", "lead");
        browser.step(page, "solves-and-watches-the-progress", () -> {
            page.locator("#nav-shifts").click();
            page.locator("#tab-roster").click();
            assertThat(page.locator("h1")).containsText("График смен");
            assertThat(page.locator("#no-roster")).isVisible();
            assertThat(page.locator("#timeLimit")).hasValue("6");
            page.locator("#solve").click();
            assertThat(page.locator("#solve-status")).hasText(Pattern.compile("Идёт расчёт|В очереди на расчёт"));
            assertThat(page.locator("#stop-solve")).isVisible();
            // the poll updates the elapsed time while the solve runs
            assertThat(page.locator("#solve-improvements")).containsText(Pattern.compile("улучшений: [1-9]"),
                    new LocatorAssertions.ContainsTextOptions().setTimeout(10_000));
        });
        browser.step(page, "sees-the-roster-when-it-ends", () -> {
            // the page reloads itself when the solve has ended and its roster is saved
            assertThat(page.locator("#solve-status")).hasText("Расчёт завершён", new LocatorAssertions.HasTextOptions().setTimeout(30_000));
            assertThat(page.locator("#solve-saved")).isVisible();
            assertThat(page.locator("#state-badge")).hasText("Черновик");
            Locator row = page.locator("#by-agent tr[data-user='" + olga.id() + "']");
            assertThat(row).isVisible();
            assertThat(row.locator("td[data-date='" + mondays.get(0).date() + "'] .cell-shift[data-assigned='true']")).hasCount(0);
            assertThat(row.locator("td[data-date='" + mondays.get(0).date() + "'] .cell-shift[data-availability='UNAVAILABLE']"))
                    .hasCount((int) mondays.stream().filter(c -> c.date().equals(mondays.get(0).date())).count());
            assertThat(page.locator("#explanation")).containsText("Почему график такой");
        });
        assertThat(jobs.awaitEnd(period.id(), Duration.ofSeconds(5))).isTrue();
        RosterView roster = rosters.ofPeriod(lead, period.id()).orElseThrow();
        List<ScheduledShift> hers = roster.shifts().stream().filter(s -> s.userId() == olga.id()).toList();
        assertThat(hers).isNotEmpty().noneMatch(s -> s.date().getDayOfWeek() == DayOfWeek.MONDAY);
        assertThat(hers).anyMatch(s -> s.date().equals(saturday.date()) && s.templateId() == saturday.templateId());

        browser.step(page, "sees-her-wished-saturday", () -> {
            int week = (int) (java.time.temporal.ChronoUnit.DAYS.between(period.firstDay(), saturday.date()) / 7) + 1;
            page.locator("#week-switcher a").nth(week - 1).click();
            Locator cell = page.locator("#by-agent tr[data-user='" + olga.id() + "'] td[data-date='" + saturday.date() + "'] .cell-shift[data-template='"
                    + saturday.templateId() + "']");
            assertThat(cell).hasAttribute("data-assigned", "true");
            assertThat(cell).hasAttribute("data-availability", "PREFERRED");
            assertThat(page.locator("#explain-agents tr[data-user='" + olga.id() + "'] .preferred-honoured")).containsText("выполнено 1 из 1");
        });
        browser.step(page, "pins-her-saturday-by-hand", () -> {
            Locator cell = page.locator("#by-agent tr[data-user='" + olga.id() + "'] td[data-date='" + saturday.date() + "'] .cell-shift[data-template='"
                    + saturday.templateId() + "']");
            assertThat(cell).hasAttribute("data-pinned", "false");
            cell.locator(".edit-pin").click();
            assertThat(page.locator("#edit-success")).hasText("Смена закреплена.");
            assertThat(cell).hasAttribute("data-pinned", "true");
            assertThat(page.locator("#state-badge")).hasText("Черновик");
        });
        assertThat(rosters.pins(period.id())).contains(new io.linia.workforce.RosterPin(olga.id(), saturday.date(), saturday.templateId()));
        browser.step(page, "prints", () -> {
            page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
            assertThat(page.locator("#by-agent")).isVisible();
            assertThat(page.locator("#roster-actions")).isHidden();
            assertThat(page.locator("#workforce-nav")).isHidden();
            assertThat(page.locator(".navbar")).isHidden();
            browser.screenshot(page, "print-view");
            page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.SCREEN));
        });
    }
}
