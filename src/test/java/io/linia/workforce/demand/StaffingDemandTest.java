package io.linia.workforce.demand;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.linia.accounts.Actor;
import io.linia.accounts.UserAdministration;
import io.linia.accounts.UserDirectory;
import io.linia.routing.RoutingDirectory;
import io.linia.tickets.Channel;
import io.linia.tickets.Line;
import io.linia.tickets.Priority;
import io.linia.tickets.TicketCommands;
import io.linia.tickets.TicketService;
import io.linia.tickets.TicketView;
import io.linia.workforce.HourlySeries;
import io.linia.workforce.RosterNeed;
import io.linia.workforce.ShiftStaffing;
import io.linia.workforce.ShiftStaffingQueue;
import io.linia.workforce.WorkforcePlanning;
import io.linia.workforce.staff.PlanningPeriods;
import io.linia.workforce.staff.StaffFixtures;
import io.linia.workforce.staff.StaffStoreTest;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The desk's own tickets as the workforce reads them. Tickets are created at the test's own dates (fresh
 * Mondays, 8 weeks apart): a test that counts queue shares takes a second fresh Monday so that its 8-week
 * history holds only its own tickets.
 */
@StaffStoreTest
class StaffingDemandTest {

    @Autowired
    StaffStoreTest.StaffClock clock;
    @Autowired
    PlanningPeriods periods;
    @Autowired
    UserAdministration administration;
    @Autowired
    UserDirectory users;
    @Autowired
    TicketService tickets;
    @Autowired
    RoutingDirectory routing;
    @Autowired
    WorkforcePlanning planning;
    @Autowired
    StaffingDemand demand;
    @Autowired
    StaffingSettingsStore settings;

    StaffFixtures fx;
    Actor customer;

    @BeforeEach
    void setUp() {
        fx = new StaffFixtures(clock, periods, administration, users);
        customer = fx.actor("olga");
    }

    @Test
    void arrivalsAreCountedPerWallClockHourOfTheDesksZone() {
        LocalDate monday = fx.freshMonday();
        createAt(monday, 9, 15);
        createAt(monday, 9, 15);
        createAt(monday, 9, 59);
        createAt(monday, 10, 0);
        createAt(monday.plusDays(1), 20, 30);
        createAt(monday.plusDays(2), 0, 0); // the next day: outside

        HourlySeries actual = demand.actual(monday, monday.plusDays(1));

        assertThat(actual.start()).isEqualTo(monday.atStartOfDay());
        assertThat(actual.hours()).isEqualTo(48);
        assertThat(actual.value(9)).isEqualTo(3);
        assertThat(actual.value(10)).isEqualTo(1);
        assertThat(actual.value(24 + 20)).isEqualTo(1);
        double total = 0;
        for (int h = 0; h < actual.hours(); h++) {
            total += actual.value(h);
        }
        assertThat(total).isEqualTo(5);
    }

    @Test
    void theQueuesAreTheWholeFirstLineAndEachGroupsSecondLineWithItsShareOfTheHistory() {
        fx.freshMonday();
        LocalDate monday = fx.freshMonday();
        LocalDate today = monday.minusDays(14);
        long web = routing.groupByCode("web").orElseThrow().id();
        long recovery = routing.groupByCode("recovery").orElseThrow().id();
        long category = routing.categoryByCode("folders-filters").orElseThrow().id();
        Actor l1 = fx.actor("l1");
        for (int i = 0; i < 3; i++) {
            createAt(today.minusDays(3), 11, i);
        }
        TicketView escalated = createAt(today.minusDays(2), 12, 0);
        tickets.escalate(l1, escalated.number(), new TicketCommands.Escalate(category, web, null, escalated.version()));
        fx.setClock(today.atTime(10, 0).atZone(StaffFixtures.MOSCOW).toInstant());
        // too few tickets to measure: the default 40 % of the second line, split evenly over the groups
        assertThat(demand.queues()).filteredOn(q -> q.line() == Line.SECOND)
                .allSatisfy(q -> assertThat(q.share()).isCloseTo(0.4 / routing.activeGroups().size(), within(1e-9)));
        assertThat(demand.queueShares().measured()).isFalse();
        assertThat(demand.queueShares().tickets()).isEqualTo(4);
        // measured from 4 tickets on
        Actor lead = fx.actor("lead");
        StaffingSettingsCommand measureFrom4 = withShareMinTickets(StaffingSettingsStore.commandOf(settings.current()), 4);
        settings.save(lead, measureFrom4);
        try {
            queuesAndNeeds(today, web, recovery);
        } finally {
            settings.reset(lead);
        }
    }

    private static StaffingSettingsCommand withShareMinTickets(StaffingSettingsCommand c, int tickets) {
        return new StaffingSettingsCommand(c.firstLineHandlingMinutes(), c.secondLineHandlingMinutes(), c.serviceLevelPercent(),
                c.answerWithinMinutes(), c.shrinkagePercent(), c.aggregation(), c.carryClosedHours(), c.firstLineMinimum(),
                c.secondLineMinimum(), c.secondLineSharePercent(), tickets, c.version());
    }

    private void queuesAndNeeds(LocalDate today, long web, long recovery) {
        List<ShiftStaffingQueue> queues = demand.queues();

        assertThat(queues.get(0)).isEqualTo(new ShiftStaffingQueue(Line.FIRST, RosterNeed.WHOLE_LINE, 1.0, 1));
        assertThat(queues).filteredOn(q -> q.groupId() == web).singleElement()
                .satisfies(q -> assertThat(q.share()).isCloseTo(0.25, within(1e-9)));
        assertThat(queues).filteredOn(q -> q.groupId() == recovery).singleElement()
                .satisfies(q -> assertThat(q.share()).isZero());
        assertThat(queues).filteredOn(q -> q.line() == Line.SECOND).hasSize(routing.activeGroups().size());

        // the need: every shift of the next week has its first-line seats, at least the floor of 1
        LocalDate nextMonday = today.plusDays(7);
        List<ShiftStaffing> staffing = demand.staffing(nextMonday, nextMonday.plusDays(6));
        assertThat(staffing).hasSize(planning.slots(nextMonday, nextMonday.plusDays(6)).size() * queues.size());
        assertThat(staffing).filteredOn(s -> s.line() == Line.FIRST).allSatisfy(s -> assertThat(s.required()).isGreaterThanOrEqualTo(1));
        List<RosterNeed> needs = demand.needs(nextMonday, nextMonday.plusDays(6));
        assertThat(needs).allSatisfy(n -> assertThat(n.required()).isPositive());
        assertThat(needs).filteredOn(n -> n.groupId() == RosterNeed.WHOLE_LINE)
                .hasSize(planning.slots(nextMonday, nextMonday.plusDays(6)).size());
        // the forecast covers every hour of the week
        assertThat(demand.forecast(nextMonday, nextMonday.plusDays(6)).expected().hours()).isEqualTo(7 * 24);
    }

    private TicketView createAt(LocalDate date, int hour, int minute) {
        fx.setClock(date.atTime(hour, minute).atZone(StaffFixtures.MOSCOW).toInstant());
        return tickets.create(customer, new TicketCommands.NewTicket("Вопрос о ящике", "Как настроить папку для рассылок?",
                null, null, null, Priority.NORMAL), Channel.WEB);
    }
}
