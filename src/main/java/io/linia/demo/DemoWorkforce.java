package io.linia.demo;

import io.linia.accounts.Actor;
import io.linia.accounts.UserDirectory;
import io.linia.accounts.UserRef;
import io.linia.workforce.Availability;
import io.linia.workforce.DayKind;
import io.linia.workforce.staff.AvailabilitySheets;
import io.linia.workforce.staff.ContractCommand;
import io.linia.workforce.staff.PeriodCommand;
import io.linia.workforce.staff.PeriodView;
import io.linia.workforce.staff.PlanningCalendar;
import io.linia.workforce.staff.PlanningPeriods;
import io.linia.workforce.staff.ProfileView;
import io.linia.workforce.staff.SheetCommand;
import io.linia.workforce.staff.SheetView;
import io.linia.workforce.staff.ShiftTemplateView;
import io.linia.workforce.staff.ShiftTemplates;
import io.linia.workforce.staff.StaffProfiles;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The shift desk of the demo ({@code linia.demo.enabled}): the team lead gives every demo agent a
 * contract (students on the first line, fewer shifts for the trainer, a raise for Maria from next
 * month) and opens the next planning period; two agents have already entered their availability,
 * so the lead's page shows who has not. Contracts only while no agent has one, the period and the
 * availability only while there is no period at all.
 */
@Component
@Order(30)
class DemoWorkforce implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoWorkforce.class);

    /** login → salary, shifts in it, extra shift rate, most shifts a week. */
    private static final Map<String, Object[]> CONTRACTS = Map.of(
            "l1", new Object[]{"38000.00", 12, "3000.00", 5},
            "l1b", new Object[]{"30000.00", 10, "2800.00", 4},
            "trainer", new Object[]{"25000.00", 8, "3000.00", 3},
            "l2", new Object[]{"55000.00", 14, "4200.00", 5},
            "l2web", new Object[]{"48000.00", 12, "4000.00", 5},
            "l2mail", new Object[]{"50000.00", 13, "4000.00", 6});

    private final UserDirectory users;
    private final StaffProfiles profiles;
    private final PlanningPeriods periods;
    private final AvailabilitySheets sheets;
    private final ShiftTemplates templates;
    private final PlanningCalendar calendar;
    private final boolean enabled;

    DemoWorkforce(UserDirectory users, StaffProfiles profiles, PlanningPeriods periods, AvailabilitySheets sheets,
                  ShiftTemplates templates, PlanningCalendar calendar, @Value("${linia.demo.enabled:true}") boolean enabled) {
        this.users = users;
        this.profiles = profiles;
        this.periods = periods;
        this.sheets = sheets;
        this.templates = templates;
        this.calendar = calendar;
        this.enabled = enabled;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled) {
            return;
        }
        Optional<Actor> lead = users.userByLogin("lead").map(UserRef::toActor);
        // only on the demo desk itself: a real desk that happens to have a "lead" gets no contracts or period by surprise
        boolean demoDesk = users.userByLogin("l2web").map(UserRef::email).filter("maria.sokolova@linia.local"::equals).isPresent();
        if (lead.isEmpty() || !demoDesk) {
            return;
        }
        seedContracts(lead.get());
        seedPeriod(lead.get());
    }

    private void seedContracts(Actor lead) {
        List<ProfileView> all = profiles.profiles(lead);
        if (all.stream().anyMatch(p -> !p.contracts().isEmpty())) {
            return;
        }
        LocalDate thisMonth = calendar.today().withDayOfMonth(1);
        for (ProfileView p : all) {
            Object[] c = CONTRACTS.get(p.login());
            if (c == null) {
                continue;
            }
            profiles.setContract(lead, p.userId(), contract(thisMonth, c[0], c[1], c[2], c[3]));
            if ("l2web".equals(p.login())) {
                // a raise agreed for next month: the page shows both, the roster of next month plans with it
                profiles.setContract(lead, p.userId(), contract(thisMonth.plusMonths(1), "52000.00", 12, "4300.00", 5));
            }
        }
    }

    private static ContractCommand contract(LocalDate from, Object salary, Object shifts, Object rate, Object perWeek) {
        return new ContractCommand(from, new BigDecimal((String) salary), new BigDecimal((String) rate), "RUB", (Integer) shifts,
                (Integer) perWeek);
    }

    private void seedPeriod(Actor lead) {
        if (!periods.list(lead).isEmpty()) {
            return;
        }
        PeriodView period = periods.open(lead, periods.next());
        List<ShiftTemplateView> all = templates.list();
        Long morning = all.stream().filter(t -> t.active() && t.dayKind() == DayKind.WEEKDAY && t.start().equals(LocalTime.of(9, 0)))
                .map(ShiftTemplateView::id).findFirst().orElse(null);
        // Maria studies: lectures on Tuesday and Thursday mornings; she likes weekend shifts
        users.userByLogin("l2web").ifPresent(maria -> enter(maria.toActor(), period, cell -> {
            DayOfWeek day = cell.date().getDayOfWeek();
            if (morning != null && cell.templateId() == morning && (day == DayOfWeek.TUESDAY || day == DayOfWeek.THURSDAY)) {
                return Availability.UNAVAILABLE;
            }
            return cell.dayKind() == DayKind.WEEKEND_OR_HOLIDAY ? Availability.PREFERRED : Availability.AVAILABLE;
        }, "Лекции по вторникам и четвергам до 14:00, выходные — с радостью."));
        // Sergey prefers weekday mornings and has an exam on the second Wednesday
        LocalDate exam = period.firstDay().plusDays(9);
        users.userByLogin("l2").ifPresent(sergey -> enter(sergey.toActor(), period, cell -> {
            if (cell.date().equals(exam)) {
                return Availability.UNAVAILABLE;
            }
            return morning != null && cell.templateId() == morning ? Availability.PREFERRED : Availability.AVAILABLE;
        }, "Экзамен " + exam.getDayOfMonth() + "." + String.format("%02d", exam.getMonthValue()) + ", в этот день не смогу."));
        log.info("Demo planning period {}–{} opened, availability due {}", period.firstDay(), period.lastDay(),
                calendar.format(period.availabilityDue()));
    }

    private void enter(Actor agent, PeriodView period, java.util.function.Function<SheetView.Cell, Availability> answer, String note) {
        SheetView sheet = sheets.sheet(agent, period.id(), agent.id());
        List<SheetCommand.Entry> entries = new ArrayList<>();
        for (SheetView.Cell cell : sheet.cells()) {
            Availability a = answer.apply(cell);
            if (a != Availability.AVAILABLE) {
                entries.add(new SheetCommand.Entry(cell.date(), cell.templateId(), a));
            }
        }
        sheets.save(agent, period.id(), agent.id(), new SheetCommand(entries, note, sheet.version()));
    }
}
