package io.linia.workforce.attendance;

import static io.linia.workforce.attendance.OnShiftDesk.EVENING;
import static io.linia.workforce.attendance.OnShiftDesk.MORNING;
import static org.assertj.core.api.Assertions.assertThat;

import io.linia.accounts.AgentShifts;
import io.linia.accounts.ShiftChanged.Source;
import io.linia.accounts.UserAdministration;
import io.linia.accounts.UserDirectory;
import io.linia.accounts.UserRef;
import io.linia.routing.AssignmentMode;
import io.linia.routing.AssignmentRules;
import io.linia.routing.RoutingAdministration;
import io.linia.routing.RoutingDirectory;
import io.linia.tickets.TicketService;
import io.linia.tickets.TicketState;
import io.linia.workforce.schedule.Rosters;
import io.linia.workforce.staff.PlanningPeriods;
import io.linia.workforce.staff.StaffProfiles;
import io.linia.workforce.staff.StaffStoreTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The published roster drives the on-shift flag, on H2 and on PostgreSQL, with the clock in the test's
 * hand: a shift's start puts the agent on shift and assignment picks them, its end takes them off and
 * returns their tickets to the queue; back-to-back shifts stay on; a check-out by hand holds until the
 * next boundary; a roster published or withdrawn mid-shift applies at the next pass; two passes at once
 * change a flag once; a pass after downtime jumps to the present.
 */
@StaffStoreTest
class OnShiftPassTest {

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
    @Autowired Attendance attendance;

    OnShiftDesk desk;

    @BeforeEach
    void setUp() {
        desk = new OnShiftDesk(clock, periods, profiles, administration, users, rosters, routingAdmin, routing, rules, tickets, jdbc);
    }

    @Test
    void aShiftStartPutsTheAgentOnShiftForRoundRobinAndItsEndReturnsTheirTicketsToTheQueue() {
        long group = desk.group(AssignmentMode.ROUND_ROBIN);
        UserRef anna = desk.agent("Анна Сменная", group);
        desk.give(anna, 0, MORNING);
        desk.publish();

        desk.clock(desk.at(0, 8, 59, 0));
        pass.pass();
        assertThat(shifts.onShift(anna.id())).isFalse();
        String early = desk.escalated(group);
        assertThat(desk.ticket(early).assigneeId()).as("nobody of the group on shift yet").isNull();

        desk.clock(desk.at(0, 9, 0, 20));
        pass.pass();
        assertThat(shifts.onShift(anna.id())).isTrue();
        assertThat(desk.log(anna)).containsExactly("on/SCHEDULE");
        String during = desk.escalated(group);
        assertThat(desk.ticket(during).assigneeId()).as("round-robin picks the agent the roster put on shift").isEqualTo(anna.id());

        desk.clock(desk.at(0, 14, 59, 50));
        pass.pass();
        assertThat(shifts.onShift(anna.id())).isTrue();

        desk.clock(desk.at(0, 15, 0, 10));
        pass.pass();
        assertThat(shifts.onShift(anna.id())).isFalse();
        assertThat(desk.log(anna)).containsExactly("on/SCHEDULE", "off/SCHEDULE");
        assertThat(desk.ticket(during).assigneeId()).as("back in the group's queue").isNull();
        assertThat(desk.ticket(during).state()).isEqualTo(TicketState.OPEN);
        assertThat(desk.ticket(during).groupId()).isEqualTo(group);
    }

    @Test
    void leastLoadedAssignmentChoosesOnlyAmongTheAgentsTheRosterHasOnShift() {
        long group = desk.group(AssignmentMode.LEAST_LOADED);
        UserRef morning = desk.agent("Утренний Агент", group);
        UserRef evening = desk.agent("Вечерний Агент", group);
        desk.give(morning, 1, MORNING);
        desk.give(evening, 1, EVENING);
        desk.publish();

        desk.clock(desk.at(1, 10, 0, 0));
        pass.pass();
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            numbers.add(desk.escalated(group));
        }
        assertThat(numbers).allSatisfy(n -> assertThat(desk.ticket(n).assigneeId()).isEqualTo(morning.id()));

        desk.clock(desk.at(1, 15, 0, 30));
        pass.pass();
        assertThat(shifts.onShift(morning.id())).isFalse();
        assertThat(shifts.onShift(evening.id())).isTrue();
        String next = desk.escalated(group);
        assertThat(desk.ticket(next).assigneeId()).isEqualTo(evening.id());
        // the morning agent's three tickets went back to the queue and on to the one agent on shift now
        assertThat(numbers).allSatisfy(n -> assertThat(desk.ticket(n).assigneeId()).isEqualTo(evening.id()));
    }

    @Test
    void backToBackShiftsKeepTheAgentOnShiftWithoutFlapping() {
        UserRef anna = desk.agent("Анна Двойная", null);
        desk.give(anna, 2, MORNING);
        desk.give(anna, 2, EVENING);
        desk.publish();

        desk.clock(desk.at(2, 9, 0, 15));
        pass.pass();
        desk.clock(desk.at(2, 15, 0, 0));
        OnShiftPass.Result atChange = pass.pass();
        desk.clock(desk.at(2, 15, 0, 30));
        pass.pass();

        assertThat(shifts.onShift(anna.id())).isTrue();
        assertThat(atChange.reconciled()).as("the boundary was seen").isGreaterThanOrEqualTo(1);
        assertThat(desk.log(anna)).as("on once, never off and on again").containsExactly("on/SCHEDULE");

        desk.clock(desk.at(2, 21, 0, 5));
        pass.pass();
        assertThat(shifts.onShift(anna.id())).isFalse();
        assertThat(desk.log(anna)).containsExactly("on/SCHEDULE", "off/SCHEDULE");
    }

    @Test
    void aCheckOutByHandHoldsUntilTheAgentsNextBoundaryAndAnUnplannedCheckInStays() {
        UserRef anna = desk.agent("Анна Ушедшая", null);
        UserRef boris = desk.agent("Борис Внеплановый", null);
        desk.give(anna, 3, MORNING);
        desk.give(anna, 3, EVENING);
        desk.publish();

        desk.clock(desk.at(3, 9, 0, 10));
        pass.pass();
        desk.clock(desk.at(3, 11, 0, 0));
        shifts.changeShift(desk.actor(anna), anna.id(), false);
        shifts.changeShift(desk.actor(boris), boris.id(), true);
        for (int minute = 1; minute <= 5; minute++) {
            desk.clock(desk.at(3, 11, minute, 0));
            pass.pass();
        }
        desk.clock(desk.at(3, 14, 59, 30));
        pass.pass();
        assertThat(shifts.onShift(anna.id())).as("her check-out holds through the morning shift").isFalse();
        assertThat(shifts.onShift(boris.id())).as("an unplanned shift is not the roster's to end").isTrue();

        desk.clock(desk.at(3, 15, 0, 10));
        pass.pass();
        assertThat(shifts.onShift(anna.id())).as("her evening shift begins: the roster puts her on again").isTrue();
        assertThat(desk.log(anna)).containsExactly("on/SCHEDULE", "off/AGENT", "on/SCHEDULE");
        assertThat(desk.log(boris)).containsExactly("on/AGENT");

        AgentNow now = attendance.agent(desk.lead, anna.id());
        assertThat(now.onShift()).isTrue();
        assertThat(now.source()).isEqualTo(Source.SCHEDULE);
        assertThat(now.scheduledNow().templateId()).isEqualTo(EVENING);
        assertThat(now.today()).hasSize(2);
        assertThat(now.today().get(0).leftAt()).as("the morning shift: left early at 11:00").isEqualTo(desk.at(3, 11, 0, 0));
        assertThat(now.today().get(0).absent()).isFalse();
        assertThat(now.today().get(1).leftEarly()).isFalse();
        assertThat(attendance.agent(desk.lead, boris.id()).unplanned()).isTrue();
    }

    @Test
    void aRosterPublishedOrWithdrawnMidShiftAppliesAtTheNextPass() {
        UserRef anna = desk.agent("Анна Поздняя", null);
        desk.give(anna, 4, MORNING);

        desk.clock(desk.at(4, 10, 0, 0));
        pass.pass();
        assertThat(shifts.onShift(anna.id())).as("a draft puts nobody on shift").isFalse();

        desk.publish();
        desk.clock(desk.at(4, 10, 0, 30));
        pass.pass();
        assertThat(shifts.onShift(anna.id())).isTrue();

        desk.withdraw();
        desk.clock(desk.at(4, 11, 0, 0));
        pass.pass();
        assertThat(shifts.onShift(anna.id())).isFalse();
        assertThat(desk.log(anna)).containsExactly("on/SCHEDULE", "off/SCHEDULE");
        assertThat(attendance.agent(desk.lead, anna.id()).scheduledNow()).isNull();
    }

    @Test
    void twoPassesAtOnceChangeTheFlagOnce() throws Exception {
        UserRef anna = desk.agent("Анна Двухузловая", null);
        desk.give(anna, 7, MORNING);
        desk.publish();
        desk.clock(desk.at(7, 9, 0, 5));

        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                done.add(nodes.submit(() -> {
                    start.await();
                    try {
                        return pass.pass().on();
                    } catch (org.springframework.dao.DataAccessException lockTimeout) {
                        return 0; // the other node holds the lock: this one skips its pass, as the scheduled pass does
                    }
                }));
            }
            int on = 0;
            for (Future<Integer> f : done) {
                on += f.get();
            }
            assertThat(on).isEqualTo(1);
        } finally {
            nodes.shutdownNow();
        }
        assertThat(shifts.onShift(anna.id())).isTrue();
        assertThat(desk.log(anna)).containsExactly("on/SCHEDULE");
        assertThat(jdbc.queryForObject("select count(*) from roster_attendance where user_id = ?", Integer.class, anna.id())).isEqualTo(1);
    }

    @Test
    void aPassAfterDowntimeJumpsToThePresentWithoutReplayingOldBoundaries() {
        UserRef anna = desk.agent("Анна Простоя", null);
        desk.give(anna, 1, MORNING);
        desk.give(anna, 2, MORNING);
        desk.give(anna, 3, EVENING);
        desk.publish();

        desk.clock(desk.at(1, 9, 1, 0));
        pass.pass();
        assertThat(shifts.onShift(anna.id())).isTrue();

        // down from Tuesday 09:01 to Wednesday 16:00: Tuesday's end and Wednesday's whole morning shift passed unseen
        desk.clock(desk.at(2, 16, 0, 0));
        pass.pass();
        assertThat(shifts.onShift(anna.id())).isFalse();
        assertThat(desk.log(anna)).as("one change to the present, nothing replayed").containsExactly("on/SCHEDULE", "off/SCHEDULE");

        desk.clock(desk.at(3, 15, 0, 10));
        pass.pass();
        assertThat(shifts.onShift(anna.id())).isTrue();
        assertThat(pass.lastPass()).isEqualTo(desk.at(3, 15, 0, 10));
    }
}
