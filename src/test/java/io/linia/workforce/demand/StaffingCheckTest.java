package io.linia.workforce.demand;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.linia.accounts.Actor;
import io.linia.accounts.Role;
import io.linia.accounts.UserAdministration;
import io.linia.accounts.UserDirectory;
import io.linia.accounts.UserRef;
import io.linia.shared.DomainException;
import io.linia.tickets.Line;
import io.linia.workforce.RosterNeed;
import io.linia.workforce.schedule.Rosters;
import io.linia.workforce.staff.PeriodView;
import io.linia.workforce.staff.PlanningPeriods;
import io.linia.workforce.staff.StaffFixtures;
import io.linia.workforce.staff.StaffProfiles;
import io.linia.workforce.staff.StaffStoreTest;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The need next to the period's roster: a whole-line need is met by any first-line agent on the shift, a
 * group's need only by agents on that group's seats; without a roster nothing is scheduled.
 */
@StaffStoreTest
class StaffingCheckTest {

    /** The weekday morning and evening templates the migration seeds. */
    static final long MORNING = 1;
    static final long EVENING = 2;

    @Autowired
    StaffStoreTest.StaffClock clock;
    @Autowired
    PlanningPeriods periods;
    @Autowired
    UserAdministration administration;
    @Autowired
    UserDirectory users;
    @Autowired
    StaffProfiles profiles;
    @Autowired
    Rosters rosters;
    @Autowired
    StaffingCheck check;

    @Test
    void firstLineAgentsOnAShiftMeetItsWholeLineNeed() {
        StaffFixtures fx = new StaffFixtures(clock, periods, administration, users);
        Actor lead = fx.actor("lead");
        PeriodView period = fx.openPeriod(lead, 2);
        LocalDate monday = period.firstDay();
        UserRef anna = fx.newAgent(Role.AGENT_L1, "Анна Потребная");
        UserRef boris = fx.newAgent(Role.AGENT_L1, "Борис Потребный");
        profiles.setContract(lead, anna.id(), StaffFixtures.contract(monday.minusDays(14), "40000", 10, "3000", 5));
        profiles.setContract(lead, boris.id(), StaffFixtures.contract(monday.minusDays(14), "40000", 10, "3000", 5));

        StaffingCheck.Report before = check.of(lead, period.id());
        assertThat(before.roster()).isFalse();
        assertThat(before.rows()).isNotEmpty().allSatisfy(r -> assertThat(r.scheduled()).isNull());
        assertThat(before.from()).isEqualTo(monday);

        rosters.give(lead, period.id(), anna.id(), monday, MORNING, null);
        rosters.give(lead, period.id(), boris.id(), monday, MORNING, null);
        rosters.give(lead, period.id(), boris.id(), monday.plusDays(1), EVENING, null);
        StaffingCheck.Report after = check.of(lead, period.id());

        assertThat(after.roster()).isTrue();
        assertThat(after.published()).isFalse();
        StaffingCheck.Row mondayMorning = row(after, monday, MORNING);
        assertThat(mondayMorning.required()).isPositive();
        assertThat(mondayMorning.scheduled()).isEqualTo(2);
        assertThat(mondayMorning.difference()).isEqualTo(2 - mondayMorning.required());
        StaffingCheck.Row tuesdayEvening = row(after, monday.plusDays(1), EVENING);
        assertThat(tuesdayEvening.scheduled()).isEqualTo(1);
        assertThat(tuesdayEvening.difference()).isEqualTo(1 - tuesdayEvening.required());
        StaffingCheck.Row wednesdayMorning = row(after, monday.plusDays(2), MORNING);
        assertThat(wednesdayMorning.scheduled()).isZero();
        assertThat(wednesdayMorning.difference()).isEqualTo(-wednesdayMorning.required()).isNegative();
        // first-line agents on a seat beyond the need fill no group's second line
        assertThat(after.rows()).filteredOn(r -> r.line() == Line.SECOND).allSatisfy(r -> assertThat(r.scheduled()).isZero());
        assertThatThrownBy(() -> check.of(fx.actor("l1"), period.id()))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.FORBIDDEN));
    }

    private static StaffingCheck.Row row(StaffingCheck.Report report, LocalDate date, long template) {
        return report.rows().stream().filter(r -> r.date().equals(date) && r.templateId() == template && r.line() == Line.FIRST
                && r.groupId() == RosterNeed.WHOLE_LINE).findFirst().orElseThrow();
    }
}
