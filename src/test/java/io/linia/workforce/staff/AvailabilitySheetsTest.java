package io.linia.workforce.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.linia.accounts.Actor;
import io.linia.accounts.Role;
import io.linia.accounts.UserAdministration;
import io.linia.accounts.UserDirectory;
import io.linia.accounts.UserRef;
import io.linia.shared.DomainException;
import io.linia.workforce.Availability;
import io.linia.workforce.AvailabilityEntry;
import io.linia.workforce.WorkforcePlanning;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Agents' availability sheets on a real store: a grid saved and read back (only what differs from
 * "available" is kept), the deadline that refuses an agent but not the team lead, a stale sheet,
 * entries that name no shift of the period, and the lead's list of who has not entered.
 */
@StaffStoreTest
class AvailabilitySheetsTest {

    @Autowired
    StaffStoreTest.StaffClock clock;
    @Autowired
    AvailabilitySheets sheets;
    @Autowired
    PlanningPeriods periods;
    @Autowired
    StaffProfiles profiles;
    @Autowired
    WorkforcePlanning planning;
    @Autowired
    UserAdministration administration;
    @Autowired
    UserDirectory users;

    StaffFixtures fx;
    Actor lead;
    Actor anna;

    @BeforeEach
    void setUp() {
        fx = new StaffFixtures(clock, periods, administration, users);
        lead = fx.actor("lead");
        anna = fx.actor("l1");
    }

    @Test
    void anAgentsGridIsSavedAndReadBackAndOnlyWhatIsNotAvailableIsKept() {
        PeriodView period = fx.openPeriod(lead, 2);
        SheetView empty = sheets.sheet(anna, period.id(), anna.id());
        assertThat(empty.entered()).isFalse();
        assertThat(empty.version()).isEqualTo(-1);
        assertThat(empty.editable()).isTrue();
        // two weeks of the seeded templates: 10 weekdays × 2 shifts + 4 weekend days × 1, a weekday holiday
        // of the seeded calendar (8 March 2027, a Monday) having the one weekend-and-holiday shift instead
        assertThat(empty.cells()).hasSize(planning.slots(period.firstDay(), period.lastDay()).size()).hasSizeBetween(22, 24).allSatisfy(c -> assertThat(c.availability()).isEqualTo(Availability.AVAILABLE));

        LocalDate tuesday = period.firstDay().plusDays(1);
        long morning = cellAt(empty, tuesday, 0).templateId();
        long evening = cellAt(empty, tuesday, 1).templateId();
        LocalDate saturday = period.firstDay().plusDays(5);
        SheetView saved = sheets.save(anna, period.id(), anna.id(), new SheetCommand(List.of(
                new SheetCommand.Entry(tuesday, morning, Availability.UNAVAILABLE),
                new SheetCommand.Entry(tuesday, evening, Availability.AVAILABLE),
                new SheetCommand.Entry(saturday, cellAt(empty, saturday, 0).templateId(), Availability.PREFERRED)),
                "  Лекции по вторникам утром  ", -1L));

        assertThat(saved.entered()).isTrue();
        assertThat(saved.enteredAt()).isEqualTo(clock.instant());
        assertThat(saved.savedByName()).isEqualTo("Анна Кузнецова");
        assertThat(saved.note()).isEqualTo("Лекции по вторникам утром");
        SheetView read = sheets.sheet(lead, period.id(), anna.id());
        assertThat(read.cells()).filteredOn(c -> c.availability() != Availability.AVAILABLE)
                .extracting(c -> c.date() + "/" + c.availability())
                .containsExactlyInAnyOrder(tuesday + "/UNAVAILABLE", saturday + "/PREFERRED");
        assertThat(planning.availability(period.firstDay(), period.lastDay())).filteredOn(e -> e.userId() == anna.id())
                .containsExactlyInAnyOrder(new AvailabilityEntry(anna.id(), tuesday, morning, Availability.UNAVAILABLE),
                        new AvailabilityEntry(anna.id(), saturday, cellAt(empty, saturday, 0).templateId(), Availability.PREFERRED));

        // the whole sheet is replaced: what is not listed any more is available again, a changed answer is changed
        clock.advance(Duration.ofHours(1));
        SheetView second = sheets.save(anna, period.id(), anna.id(), new SheetCommand(List.of(
                new SheetCommand.Entry(tuesday, evening, Availability.PREFERRED),
                new SheetCommand.Entry(tuesday, morning, Availability.PREFERRED)), null, read.version()));
        assertThat(second.enteredAt()).isEqualTo(saved.enteredAt());
        assertThat(second.savedAt()).isEqualTo(clock.instant());
        assertThat(second.note()).isNull();
        assertThat(planning.availability(period.firstDay(), period.lastDay())).filteredOn(e -> e.userId() == anna.id())
                .containsExactly(new AvailabilityEntry(anna.id(), tuesday, morning, Availability.PREFERRED),
                        new AvailabilityEntry(anna.id(), tuesday, evening, Availability.PREFERRED));
    }

    @Test
    void afterTheDeadlineTheAgentIsRefusedWithTheDeadlineNamedAndTheLeadMayStillChangeIt() {
        PeriodView period = fx.openPeriod(lead, 2);
        SheetView sheet = sheets.sheet(anna, period.id(), anna.id());
        SheetCommand.Entry monday = new SheetCommand.Entry(period.firstDay(), cellAt(sheet, period.firstDay(), 0).templateId(),
                Availability.UNAVAILABLE);
        sheets.save(anna, period.id(), anna.id(), new SheetCommand(List.of(monday), null, null));

        fx.setClock(period.availabilityDue().plusSeconds(60));
        SheetView late = sheets.sheet(anna, period.id(), anna.id());
        assertThat(late.editable()).isFalse();
        assertThat(late.period().phase()).isEqualTo(PeriodView.Phase.ENTRY_CLOSED);
        assertThatThrownBy(() -> sheets.save(anna, period.id(), anna.id(), new SheetCommand(List.of(), "передумала", null)))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.kind()).isEqualTo(DomainException.Kind.CONFLICT);
                    assertThat(e.messageKey()).isEqualTo("wfstaff.availability.pastDeadline");
                    assertThat(e.args()[1]).asString().contains(StaffPagesTime.moscow(period.availabilityDue())).contains("Europe/Moscow");
                    assertThat(e.properties()).containsEntry("availabilityDue", period.availabilityDue());
                });
        // nothing changed
        assertThat(sheets.sheet(lead, period.id(), anna.id()).cells()).filteredOn(c -> c.availability() == Availability.UNAVAILABLE)
                .hasSize(1);

        SheetView byLead = sheets.save(lead, period.id(), anna.id(), new SheetCommand(List.of(), "экзамен перенесли", null));
        assertThat(sheets.sheet(lead, period.id(), anna.id()).editable()).isTrue();
        assertThat(byLead.savedByName()).isEqualTo("Елена Морозова");
        assertThat(byLead.cells()).allSatisfy(c -> assertThat(c.availability()).isEqualTo(Availability.AVAILABLE));
        assertThat(periods.status(lead, period.id()).agents()).filteredOn(a -> a.userId() == anna.id()).singleElement()
                .satisfies(a -> {
                    assertThat(a.savedByPlanner()).isTrue();
                    assertThat(a.note()).isEqualTo("экзамен перенесли");
                });

        // the lead moves the deadline later: entry opens again for the agent
        PeriodView reopened = periods.changeDeadline(lead, period.id(), new DeadlineCommand(
                period.firstDay().minusDays(1).atTime(12, 0).atZone(StaffFixtures.MOSCOW).toOffsetDateTime(), null));
        assertThat(reopened.phase()).isEqualTo(PeriodView.Phase.OPEN);
        assertThat(sheets.save(anna, period.id(), anna.id(), new SheetCommand(List.of(monday), null, null)).entered()).isTrue();
    }

    @Test
    void theLeadSeesWhoHasEnteredAndWhenAndWhoHasNot() {
        PeriodView period = fx.openPeriod(lead, 3);
        UserRef newcomer = fx.newAgent(Role.AGENT_L1, "Новенький Тестов");
        UserRef disabled = fx.newAgent(Role.AGENT_L2, "Ушедший Тестов");
        administration.updateUser(disabled.id(), new io.linia.accounts.UserCommand(disabled.login(), disabled.email(),
                disabled.displayName(), null, disabled.roles(), disabled.groupIds(), "ru", false));
        Actor dmitry = fx.actor("l1b");
        sheets.save(anna, period.id(), anna.id(), new SheetCommand(List.of(), "всё могу", -1L));
        clock.advance(Duration.ofMinutes(30));
        sheets.save(dmitry, period.id(), dmitry.id(), new SheetCommand(List.of(), null, null));

        PeriodStatus status = periods.status(lead, period.id());

        assertThat(status.agents()).extracting(PeriodStatus.AgentSheet::userId).contains(anna.id(), dmitry.id(), newcomer.id())
                .doesNotContain(disabled.id(), fx.actor("lead").id(), fx.actor("admin").id());
        assertThat(status.agents()).filteredOn(a -> a.userId() == dmitry.id()).singleElement().satisfies(a -> {
            assertThat(a.entered()).isTrue();
            assertThat(a.savedAt()).isEqualTo(clock.instant());
            assertThat(a.savedByPlanner()).isFalse();
        });
        assertThat(status.missing()).extracting(PeriodStatus.AgentSheet::name).contains("Новенький Тестов", "Сергей Волков")
                .doesNotContain("Анна Кузнецова", "Дмитрий Орлов");
        assertThat(status.missing()).filteredOn(a -> a.userId() == newcomer.id()).singleElement()
                .satisfies(a -> assertThat(a.contract()).isFalse());
        assertThat(status.period().entered()).isEqualTo(2);
        assertThat(status.period().missing()).isEqualTo(status.missing().size());
        assertThat(periods.list(lead)).filteredOn(p -> p.id() == period.id()).singleElement()
                .satisfies(p -> assertThat(p.entered()).isEqualTo(2));

        assertThatThrownBy(() -> periods.status(anna, period.id())).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.FORBIDDEN));
    }

    @Test
    void aStaleSheetAndEntriesThatAreNoShiftOfThePeriodAreRefusedByField() {
        PeriodView period = fx.openPeriod(lead, 2);
        SheetView sheet = sheets.sheet(anna, period.id(), anna.id());
        long morning = cellAt(sheet, period.firstDay(), 0).templateId();
        LocalDate saturday = period.firstDay().plusDays(5);

        assertThatThrownBy(() -> sheets.save(anna, period.id(), anna.id(), new SheetCommand(List.of(
                new SheetCommand.Entry(period.firstDay(), morning, Availability.PREFERRED),
                new SheetCommand.Entry(saturday, morning, Availability.UNAVAILABLE)), null, null)))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.field()).isEqualTo("entries[1].templateId"));
        assertThatThrownBy(() -> sheets.save(anna, period.id(), anna.id(), new SheetCommand(List.of(
                new SheetCommand.Entry(period.lastDay().plusDays(1), morning, Availability.PREFERRED)), null, null)))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.field()).isEqualTo("entries[0].date"));
        assertThatThrownBy(() -> sheets.save(anna, period.id(), anna.id(), new SheetCommand(List.of(
                new SheetCommand.Entry(period.firstDay(), morning, Availability.PREFERRED),
                new SheetCommand.Entry(period.firstDay(), morning, Availability.UNAVAILABLE)), null, null)))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.field()).isEqualTo("entries[1].templateId"));
        assertThatThrownBy(() -> sheets.save(anna, period.id(), anna.id(), new SheetCommand(List.of(
                new SheetCommand.Entry(period.firstDay(), morning, null)), null, null)))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.field()).isEqualTo("entries[0].availability"));
        assertThat(sheets.sheet(anna, period.id(), anna.id()).entered()).isFalse();

        SheetView first = sheets.save(anna, period.id(), anna.id(), new SheetCommand(List.of(), null, -1L));
        sheets.save(lead, period.id(), anna.id(), new SheetCommand(List.of(
                new SheetCommand.Entry(period.firstDay(), morning, Availability.PREFERRED)), null, first.version()));
        assertThatThrownBy(() -> sheets.save(anna, period.id(), anna.id(), new SheetCommand(List.of(), null, first.version())))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.kind()).isEqualTo(DomainException.Kind.CONFLICT);
                    assertThat(e.args()).containsExactly("Елена Морозова");
                    assertThat(e.properties()).containsKey("currentVersion");
                });
        assertThat(sheets.sheet(anna, period.id(), anna.id()).cells()).filteredOn(c -> c.availability() == Availability.PREFERRED)
                .hasSize(1);

        Actor dmitry = fx.actor("l1b");
        assertThatThrownBy(() -> sheets.save(dmitry, period.id(), anna.id(), new SheetCommand(List.of(), null, null)))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.FORBIDDEN));
        assertThatThrownBy(() -> sheets.sheet(lead, period.id(), lead.id()))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.NOT_FOUND));
    }

    /** The n-th shift (by start) of a date on the sheet. */
    static SheetView.Cell cellAt(SheetView sheet, LocalDate date, int n) {
        return sheet.cells().stream().filter(c -> c.date().equals(date)).toList().get(n);
    }

    /** Deadlines as refusals write them. */
    static final class StaffPagesTime {
        static String moscow(java.time.Instant instant) {
            return java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm").format(instant.atZone(StaffFixtures.MOSCOW));
        }
    }
}
