package io.linia;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.linia.accounts.Actor;
import io.linia.accounts.UserDirectory;
import io.linia.support.BrowserSession;
import io.linia.workforce.Availability;
import io.linia.workforce.AvailabilityEntry;
import io.linia.workforce.DayKind;
import io.linia.workforce.WorkforcePlanning;
import io.linia.workforce.staff.AvailabilitySheets;
import io.linia.workforce.staff.PeriodView;
import io.linia.workforce.staff.PlanningPeriods;
import io.linia.workforce.staff.SheetView;
import java.time.DayOfWeek;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * An agent fills part of their availability grid in a real browser (a cell by keyboard, one by mouse,
 * a weekly pattern) and the team lead sees at once that she has entered it, no longer in the list of
 * those who have not, and her answers in her grid.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"linia.demo.tickets=false",
        "linia.test.context=shift-availability"})
@ActiveProfiles("test")
class ShiftAvailabilityBrowserTest {

    @RegisterExtension
    static final BrowserSession browser = new BrowserSession();

    @Autowired
    PlanningPeriods periods;
    @Autowired
    AvailabilitySheets sheets;
    @Autowired
    WorkforcePlanning planning;
    @Autowired
    UserDirectory users;

    @Test
    void anAgentFillsPartOfTheGridAndTheLeadSeesIt() {
        Actor lead = users.userByLogin("lead").orElseThrow().toActor();
        Actor anna = users.userByLogin("l1").orElseThrow().toActor();
        // the demo's period, open for entry
        PeriodView period = periods.upcoming(lead).stream().filter(PeriodView::openForEntry).findFirst().orElseThrow();
        SheetView sheet = sheets.sheet(anna, period.id(), anna.id());
        SheetView.Cell weekdayMorning = sheet.cells().stream().filter(c -> c.dayKind() == DayKind.WEEKDAY).findFirst().orElseThrow();
        SheetView.Cell weekend = sheet.cells().stream().filter(c -> c.date().getDayOfWeek() == DayOfWeek.SATURDAY).findFirst().orElseThrow();
        String morningId = id(weekdayMorning);
        String weekendId = id(weekend);

        Page agent = browser.signIn("anna", "l1");
        browser.step(agent, "opens-her-grid", () -> {
            agent.locator("#nav-shifts").click();
            Locator row = agent.locator("#periods tr[data-period='" + period.id() + "']");
            assertThat(row.locator(".my-sheet")).containsText("не заполнено");
            row.locator(".my-sheet a").click();
            assertThat(agent.locator("h1")).hasText("Моя доступность");
            assertThat(agent.locator("#sheet-state")).containsText("Ещё не заполнено");
            assertThat(agent.locator("#" + morningId + "-AVAILABLE")).isChecked();
        });
        browser.step(agent, "marks-cells-by-keyboard-and-mouse", () -> {
            // the radios of a cell are one group: focus the chosen one, the left arrow picks "cannot"
            agent.locator("#" + morningId + "-AVAILABLE").focus();
            agent.keyboard().press("ArrowLeft");
            assertThat(agent.locator("#" + morningId + "-UNAVAILABLE")).isChecked();
            agent.locator("label[for='" + weekendId + "-PREFERRED']").click();
            assertThat(agent.locator("#" + weekendId + "-PREFERRED")).isChecked();
        });
        browser.step(agent, "applies-a-pattern-and-saves", () -> {
            agent.locator("#pattern-days").selectOption("THURSDAY");
            agent.locator("#pattern-template").selectOption(String.valueOf(weekdayEveningTemplate(sheet)));
            agent.locator("#pattern-value").selectOption("UNAVAILABLE");
            agent.locator("#note").fill("Семинары по четвергам вечером");
            agent.locator("#apply-pattern").click();
            assertThat(agent.locator("#flash-success")).containsText("доступность сохранена");
            assertThat(agent.locator("#sheet-state")).containsText("Сохранено");
            assertThat(agent.locator("#" + morningId + "-UNAVAILABLE")).isChecked();
            assertThat(agent.locator("#" + weekendId + "-PREFERRED")).isChecked();
            assertThat(agent.locator("#note")).hasValue("Семинары по четвергам вечером");
        });

        List<AvailabilityEntry> stored = planning.availability(period.firstDay(), period.lastDay()).stream()
                .filter(e -> e.userId() == anna.id()).toList();
        long thursdays = sheet.cells().stream().filter(c -> c.date().getDayOfWeek() == DayOfWeek.THURSDAY
                && c.templateId() == weekdayEveningTemplate(sheet)).count();
        assertThat(stored).contains(new AvailabilityEntry(anna.id(), weekdayMorning.date(), weekdayMorning.templateId(), Availability.UNAVAILABLE),
                new AvailabilityEntry(anna.id(), weekend.date(), weekend.templateId(), Availability.PREFERRED));
        assertThat(stored).filteredOn(e -> e.date().getDayOfWeek() == DayOfWeek.THURSDAY).hasSize((int) thursdays)
                .allSatisfy(e -> assertThat(e.availability()).isEqualTo(Availability.UNAVAILABLE));

        Page lead1 = browser.signIn("lead", "lead");
        browser.step(lead1, "sees-who-has-entered", () -> {
            lead1.locator("#nav-shifts").click();
            lead1.locator("#periods tr[data-period='" + period.id() + "'] td a").first().click();
            Locator annaRow = lead1.locator("#agents tr[data-user='" + anna.id() + "']");
            assertThat(annaRow).hasAttribute("data-entered", "true");
            assertThat(annaRow).containsText("Семинары по четвергам вечером");
            assertThat(annaRow.locator(".entered")).containsText(Pattern.compile("\\d{2}\\.\\d{2}\\.\\d{4} \\d{2}:\\d{2}"));
            assertThat(lead1.locator("#missing-list")).not().containsText("Анна Кузнецова");
            assertThat(lead1.locator("#missing-list")).containsText("Дмитрий Орлов");
            assertThat(lead1.locator("#deadline")).containsText("приём доступности до");
        });
        browser.step(lead1, "opens-her-grid", () -> {
            lead1.locator("#agents tr[data-user='" + anna.id() + "'] a").first().click();
            assertThat(lead1.locator("h1")).hasText("Доступность: Анна Кузнецова");
            assertThat(lead1.locator("#" + morningId + "-UNAVAILABLE")).isChecked();
            assertThat(lead1.locator("#" + weekendId + "-PREFERRED")).isChecked();
            assertThat(lead1.locator("#grid-counts")).hasText(Pattern.compile("Не могу: " + (thursdays + 1) + ", хочу: 1\\."));
        });
    }

    /** The id prefix of a cell's radios, as the page writes it. */
    private static String id(SheetView.Cell cell) {
        return "c-" + cell.date() + "-" + cell.templateId();
    }

    /** The weekday shift starting latest (the evening one). */
    private static long weekdayEveningTemplate(SheetView sheet) {
        return sheet.cells().stream().filter(c -> c.dayKind() == DayKind.WEEKDAY)
                .max(java.util.Comparator.comparing(SheetView.Cell::start)).orElseThrow().templateId();
    }
}
