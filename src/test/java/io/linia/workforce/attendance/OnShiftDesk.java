package io.linia.workforce.attendance;

import io.linia.accounts.Actor;
import io.linia.accounts.Role;
import io.linia.accounts.UserAdministration;
import io.linia.accounts.UserCommand;
import io.linia.accounts.UserDirectory;
import io.linia.accounts.UserRef;
import io.linia.routing.AssignmentMode;
import io.linia.routing.AssignmentRules;
import io.linia.routing.GroupCommand;
import io.linia.routing.RoutingAdministration;
import io.linia.routing.RoutingDirectory;
import io.linia.tickets.Channel;
import io.linia.tickets.TicketCommands;
import io.linia.tickets.TicketService;
import io.linia.tickets.TicketView;
import io.linia.workforce.schedule.Rosters;
import io.linia.workforce.staff.PeriodView;
import io.linia.workforce.staff.PlanningPeriods;
import io.linia.workforce.staff.StaffFixtures;
import io.linia.workforce.staff.StaffProfiles;
import io.linia.workforce.staff.StaffStoreTest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/** A period, a group and agents of a test's own, shifts given and published, tickets escalated into the group. */
final class OnShiftDesk {

    static final long MORNING = 1; // weekdays 09:00–15:00 Moscow
    static final long EVENING = 2; // weekdays 15:00–21:00 Moscow

    final StaffFixtures fx;
    final Actor lead;
    final PeriodView period;
    final Rosters rosters;
    private final StaffProfiles profiles;
    private final UserAdministration administration;
    private final UserDirectory users;
    private final RoutingAdministration routingAdmin;
    private final RoutingDirectory routing;
    private final AssignmentRules rules;
    private final TicketService tickets;
    private final JdbcTemplate jdbc;
    private final Actor customer;

    OnShiftDesk(StaffStoreTest.StaffClock clock, PlanningPeriods periods, StaffProfiles profiles, UserAdministration administration,
                UserDirectory users, Rosters rosters, RoutingAdministration routingAdmin, RoutingDirectory routing, AssignmentRules rules,
                TicketService tickets, JdbcTemplate jdbc) {
        this.fx = new StaffFixtures(clock, periods, administration, users);
        this.profiles = profiles;
        this.administration = administration;
        this.users = users;
        this.rosters = rosters;
        this.routingAdmin = routingAdmin;
        this.routing = routing;
        this.rules = rules;
        this.tickets = tickets;
        this.jdbc = jdbc;
        this.lead = fx.actor("lead");
        this.period = fx.openPeriod(lead, 2);
        String login = "os-cust-" + UUID.randomUUID().toString().substring(0, 8);
        this.customer = administration.createUser(new UserCommand(login, login + "@example.org", "Customer " + login, "linia2026",
                Set.of(Role.CUSTOMER), Set.of(), "en", true)).toActor();
    }

    LocalDate monday() {
        return period.firstDay();
    }

    /** The instant on the period's {@code day}-th day (0: Monday) at this Moscow time. */
    Instant at(int day, int hour, int minute, int second) {
        return monday().plusDays(day).atTime(LocalTime.of(hour, minute, second)).atZone(StaffFixtures.MOSCOW).toInstant();
    }

    void clock(Instant at) {
        fx.setClock(at);
    }

    long group(AssignmentMode mode) {
        String code = "os-" + UUID.randomUUID().toString().substring(0, 8);
        long id = routingAdmin.createGroup(new GroupCommand(code, "Группа " + code, "Group " + code, null, true)).id();
        rules.configure(id, mode, false);
        return id;
    }

    /** A second-line agent of the group with a contract (so the lead can give them shifts), off shift. */
    UserRef agent(String name, Long groupId) {
        String login = "os-" + UUID.randomUUID().toString().substring(0, 8);
        UserRef agent = administration.createUser(new UserCommand(login, login + "@linia.test", name, "linia2026", Set.of(Role.AGENT_L2),
                groupId == null ? Set.of() : Set.of(groupId), "ru", true));
        profiles.setContract(lead, agent.id(), StaffFixtures.contract(period.firstDay().minusDays(14), "40000", 10, "3000", 6));
        return agent;
    }

    Actor actor(UserRef user) {
        return users.user(user.id()).orElseThrow().toActor();
    }

    /** The lead gives the shift (the clock stays where the test has it). */
    void give(UserRef agent, int day, long template) {
        rosters.give(lead, period.id(), agent.id(), monday().plusDays(day), template, null);
    }

    void publish() {
        rosters.publish(lead, period.id(), null);
    }

    void withdraw() {
        rosters.withdraw(lead, period.id(), null);
    }

    /** A ticket a first-line agent escalates into the group: automatic assignment runs on it. */
    String escalated(long groupId) {
        TicketView created = tickets.create(customer, new TicketCommands.NewTicket("Не приходит письмо " + UUID.randomUUID(),
                "Не приходит письмо для входа.", null, null, null, null), Channel.WEB);
        long category = routing.categoryByCode("password-forgotten").orElseThrow().id();
        return tickets.escalate(users.userByLogin("l1").orElseThrow().toActor(), created.number(),
                new TicketCommands.Escalate(category, groupId, null, created.version())).number();
    }

    TicketView ticket(String number) {
        return tickets.get(lead, number);
    }

    /** The agent's attendance log entries: "on"/"off" with the source, oldest first. */
    java.util.List<String> log(UserRef agent) {
        return jdbc.queryForList("select on_shift, source from attendance_log where user_id = ? order by id", agent.id()).stream()
                .map(r -> (Boolean.TRUE.equals(r.get("on_shift")) ? "on/" : "off/") + r.get("source")).toList();
    }
}
