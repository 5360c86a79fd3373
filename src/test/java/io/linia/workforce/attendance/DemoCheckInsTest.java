package io.linia.workforce.attendance;

import static io.linia.workforce.attendance.OnShiftDesk.MORNING;
import static org.assertj.core.api.Assertions.assertThat;

import io.linia.accounts.AgentShifts;
import io.linia.accounts.UserAdministration;
import io.linia.accounts.UserDirectory;
import io.linia.accounts.UserRef;
import io.linia.routing.AssignmentRules;
import io.linia.routing.RoutingAdministration;
import io.linia.routing.RoutingDirectory;
import io.linia.tickets.TicketService;
import io.linia.workforce.schedule.Rosters;
import io.linia.workforce.staff.PlanningPeriods;
import io.linia.workforce.staff.StaffProfiles;
import io.linia.workforce.staff.StaffStoreTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * With {@code linia.demo.agents-on-shift} (on in these tests, as by default) a demo agent whom the roster
 * takes off shift checks in again at once, so the demo keeps agents to take tickets at any hour; an agent
 * of one's own goes off shift as the roster says.
 */
@StaffStoreTest
class DemoCheckInsTest {

    @Autowired StaffStoreTest.StaffClock clock;
    @Autowired PlanningPeriods periods;
    @Autowired StaffProfiles profiles;
    @Autowired UserAdministration administration;
    @Autowired UserDirectory users;
    @Autowired Rosters rosters;
    @Autowired RoutingAdministration routingAdmin;
    @Autowired RoutingDirectory routing;
    @Autowired AssignmentRules rules;
    @Autowired TicketService tickets;
    @Autowired JdbcTemplate jdbc;
    @Autowired AgentShifts shifts;
    @Autowired OnShiftPass pass;

    @Test
    void aDemoAgentTheRosterTakesOffShiftChecksInAgainWhileARealAgentGoesOff() {
        OnShiftDesk desk = new OnShiftDesk(clock, periods, profiles, administration, users, rosters, routingAdmin, routing, rules, tickets, jdbc);
        UserRef demo = users.userByLogin("l1b").orElseThrow();
        UserRef own = desk.agent("Своя Сотрудница", null);
        desk.give(demo, 0, MORNING);
        desk.give(own, 0, MORNING);
        desk.publish();
        int before = desk.log(demo).size();

        desk.clock(desk.at(0, 9, 0, 30));
        pass.pass();
        assertThat(shifts.onShift(demo.id())).isTrue();
        assertThat(shifts.onShift(own.id())).isTrue();
        desk.clock(desk.at(0, 15, 0, 30));
        pass.pass();

        assertThat(shifts.onShift(own.id())).isFalse();
        assertThat(shifts.onShift(demo.id())).as("the demo check-in").isTrue();
        assertThat(desk.log(demo).subList(before, desk.log(demo).size())).containsExactly("off/SCHEDULE", "on/AGENT");
    }
}
