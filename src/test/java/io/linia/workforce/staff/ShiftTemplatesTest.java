package io.linia.workforce.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.linia.accounts.Actor;
import io.linia.accounts.UserAdministration;
import io.linia.accounts.UserDirectory;
import io.linia.shared.DomainException;
import io.linia.workforce.Availability;
import io.linia.workforce.DayKind;
import io.linia.workforce.ShiftSlot;
import io.linia.workforce.WorkforcePlanning;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Shift templates on a real store: the seeded three, slots of the default calendar across its holidays,
 * editing by team leads and administrators only, the code's uniqueness, stale forms, and a template
 * agents have answered for that keeps its hours.
 */
@StaffStoreTest
class ShiftTemplatesTest {

    @Autowired
    StaffStoreTest.StaffClock clock;
    @Autowired
    ShiftTemplates templates;
    @Autowired
    WorkforcePlanning planning;
    @Autowired
    PlanningPeriods periods;
    @Autowired
    AvailabilitySheets sheets;
    @Autowired
    UserAdministration administration;
    @Autowired
    UserDirectory users;

    StaffFixtures fx;
    Actor lead;
    Actor admin;

    @BeforeEach
    void setUp() {
        fx = new StaffFixtures(clock, periods, administration, users);
        lead = fx.actor("lead");
        admin = fx.actor("admin");
    }

    @Test
    void theSeededTemplatesAreTwoWeekdayShiftsAndOneOnWeekendsAndHolidaysOfTheDefaultCalendar() {
        assertThat(templates.list()).filteredOn(t -> t.id() <= 3).extracting(t -> t.code() + " " + t.dayKind() + " " + t.hours())
                .containsExactly("weekday-morning WEEKDAY 09:00–15:00", "weekday-evening WEEKDAY 15:00–21:00",
                        "weekend-day WEEKEND_OR_HOLIDAY 10:00–18:00");
        assertThat(templates.get(3).length()).isEqualTo(Duration.ofHours(8));

        // 12 June 2026, a Friday, is Russia Day in «Поддержка (Москва)»; 4 November, a Wednesday, too
        List<ShiftSlot> june = planning.slots(LocalDate.of(2026, 6, 11), LocalDate.of(2026, 6, 12)).stream()
                .filter(s -> s.templateId() <= 3).toList();
        assertThat(june).extracting(s -> s.date().getDayOfMonth() + "/" + s.templateId()).containsExactly("11/1", "11/2", "12/3");
        assertThat(june.get(2).dayKind()).isEqualTo(DayKind.WEEKEND_OR_HOLIDAY);
        assertThat(june.get(2).start()).isEqualTo(Instant.parse("2026-06-12T07:00:00Z"));
        assertThat(june.get(0).start()).isEqualTo(Instant.parse("2026-06-11T06:00:00Z"));
        assertThat(planning.slots(LocalDate.of(2026, 11, 4), LocalDate.of(2026, 11, 4))).filteredOn(s -> s.templateId() <= 3)
                .extracting(ShiftSlot::templateId).containsExactly(3L);
    }

    @Test
    void leadsAndAdminsEditTemplatesAgentsDoNotAndEveryBadFieldIsNamed() {
        String code = "test-" + UUID.randomUUID().toString().substring(0, 6);
        ShiftTemplateView night = templates.create(lead, new ShiftTemplateCommand(code, "Поздняя", "Late", DayKind.WEEKDAY,
                LocalTime.of(21, 0), LocalTime.MIDNIGHT, false, null));
        assertThat(night.hours()).isEqualTo("21:00–24:00");
        assertThat(night.active()).isFalse();

        assertThatThrownBy(() -> templates.create(fx.actor("l1"), new ShiftTemplateCommand(code + "x", "Смена", "Shift",
                DayKind.WEEKDAY, LocalTime.of(9, 0), LocalTime.of(12, 0), true, null)))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.FORBIDDEN));
        assertThatThrownBy(() -> templates.create(admin, new ShiftTemplateCommand(code.toUpperCase(), "Смена", "Shift",
                DayKind.WEEKDAY, LocalTime.of(9, 0), LocalTime.of(12, 0), true, null)))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.field()).isEqualTo("code");
                    assertThat(e.messageKey()).isEqualTo("wfstaff.template.codeTaken");
                });
        assertThatThrownBy(() -> templates.update(admin, night.id(), new ShiftTemplateCommand(code, "Поздняя", "Late",
                DayKind.WEEKDAY, LocalTime.of(21, 0), LocalTime.of(20, 0), true, night.version())))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.field()).isEqualTo("end"));

        ShiftTemplateView renamed = templates.update(admin, night.id(), new ShiftTemplateCommand(code, "Ночная", "Night",
                DayKind.WEEKEND_OR_HOLIDAY, LocalTime.of(18, 0), LocalTime.MIDNIGHT, false, night.version()));
        assertThat(renamed.version()).isGreaterThan(night.version());
        assertThat(renamed.dayKind()).isEqualTo(DayKind.WEEKEND_OR_HOLIDAY);
        assertThatThrownBy(() -> templates.update(lead, night.id(), new ShiftTemplateCommand(code, "Ещё", "More",
                DayKind.WEEKEND_OR_HOLIDAY, LocalTime.of(18, 0), LocalTime.MIDNIGHT, false, night.version())))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.kind()).isEqualTo(DomainException.Kind.CONFLICT);
                    assertThat(e.properties()).containsEntry("currentVersion", renamed.version());
                });
        assertThat(templates.get(night.id()).nameRu()).isEqualTo("Ночная");
    }

    @Test
    void aTemplateAgentsHaveAnsweredForKeepsItsHoursButMayBeRenamedOrDeactivatedWhichTakesItsSlotsAway() {
        String code = "test-" + UUID.randomUUID().toString().substring(0, 6);
        PeriodView period = fx.openPeriod(lead, 2);
        ShiftTemplateView late = templates.create(lead, new ShiftTemplateCommand(code, "Поздняя", "Late", DayKind.WEEKDAY,
                LocalTime.of(21, 0), LocalTime.MIDNIGHT, true, null));
        Actor anna = fx.actor("l1");
        sheets.save(anna, period.id(), anna.id(), new SheetCommand(List.of(
                new SheetCommand.Entry(period.firstDay(), late.id(), Availability.PREFERRED)), null, null));

        assertThatThrownBy(() -> templates.update(lead, late.id(), new ShiftTemplateCommand(code, "Поздняя", "Late",
                DayKind.WEEKDAY, LocalTime.of(20, 0), LocalTime.MIDNIGHT, true, late.version())))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.field()).isEqualTo("start");
                    assertThat(e.messageKey()).isEqualTo("wfstaff.template.inUse");
                    assertThat(e.args()).containsExactly(1L);
                });
        assertThat(planning.availability(period.firstDay(), period.lastDay())).anyMatch(e -> e.templateId() == late.id());

        ShiftTemplateView off = templates.update(lead, late.id(), new ShiftTemplateCommand(code, "Поздняя (до декабря)", "Late",
                DayKind.WEEKDAY, LocalTime.of(21, 0), LocalTime.MIDNIGHT, false, late.version()));
        assertThat(off.active()).isFalse();
        assertThat(planning.slots(period.firstDay(), period.lastDay())).noneMatch(s -> s.templateId() == late.id());
        assertThat(planning.availability(period.firstDay(), period.lastDay())).noneMatch(e -> e.templateId() == late.id());
        assertThat(sheets.sheet(anna, period.id(), anna.id()).cells()).noneMatch(c -> c.templateId() == late.id());

        // once the period has passed, the answers no longer bind the template's hours
        fx.setClock(period.lastDay().plusDays(1).atStartOfDay(StaffFixtures.MOSCOW).toInstant());
        ShiftTemplateView moved = templates.update(lead, late.id(), new ShiftTemplateCommand(code, "Поздняя", "Late",
                DayKind.WEEKDAY, LocalTime.of(20, 0), LocalTime.MIDNIGHT, false, off.version()));
        assertThat(moved.start()).isEqualTo(LocalTime.of(20, 0));
    }
}
