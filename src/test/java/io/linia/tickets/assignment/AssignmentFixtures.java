package io.linia.tickets.assignment;

import io.linia.accounts.Actor;
import io.linia.accounts.AgentShifts;
import io.linia.accounts.Role;
import io.linia.accounts.UserAdministration;
import io.linia.accounts.UserCommand;
import io.linia.accounts.UserDirectory;
import io.linia.routing.AssignmentMode;
import io.linia.routing.AssignmentRules;
import io.linia.routing.GroupCommand;
import io.linia.routing.RoutingAdministration;
import io.linia.routing.RoutingDirectory;
import io.linia.tickets.Channel;
import io.linia.tickets.TicketCommands;
import io.linia.tickets.TicketService;
import io.linia.tickets.TicketState;
import io.linia.tickets.TicketView;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/** Groups, agents and waiting tickets of their own for each assignment test (the store is shared by all tests). */
final class AssignmentFixtures {

    static final String PASSWORD = "linia2026";

    private final RoutingAdministration routingAdmin;
    private final RoutingDirectory routing;
    private final AssignmentRules rules;
    private final UserAdministration users;
    private final UserDirectory directory;
    private final AgentShifts shifts;
    private final TicketService tickets;
    private final JdbcTemplate jdbc;

    AssignmentFixtures(RoutingAdministration routingAdmin, RoutingDirectory routing, AssignmentRules rules,
                       UserAdministration users, UserDirectory directory, AgentShifts shifts, TicketService tickets,
                       JdbcTemplate jdbc) {
        this.routingAdmin = routingAdmin;
        this.routing = routing;
        this.rules = rules;
        this.users = users;
        this.directory = directory;
        this.shifts = shifts;
        this.tickets = tickets;
        this.jdbc = jdbc;
    }

    static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    Actor demo(String login) {
        return directory.userByLogin(login).orElseThrow().toActor();
    }

    long group(AssignmentMode mode, boolean certificationRequired) {
        String code = unique("as-");
        long id = routingAdmin.createGroup(new GroupCommand(code, "Группа " + code, "Group " + code, null, true)).id();
        rules.configure(id, mode, certificationRequired);
        return id;
    }

    Actor agent(long groupId, boolean onShift) {
        String login = unique("agent-");
        Actor agent = users.createUser(new UserCommand(login, login + "@example.org", "Agent " + login, PASSWORD,
                Set.of(Role.AGENT_L2), Set.of(groupId), "en", true)).toActor();
        if (onShift) {
            shifts.changeShift(agent, agent.id(), true);
        }
        return agent;
    }

    Actor customer() {
        String login = unique("cust-");
        return users.createUser(new UserCommand(login, login + "@example.org", "Customer " + login, PASSWORD,
                Set.of(Role.CUSTOMER), Set.of(), "en", true)).toActor();
    }

    /** A ticket created by {@code customer} and escalated by a first-line agent to {@code groupId}: it enters that queue. */
    String escalated(Actor customer, long groupId) {
        TicketView created = tickets.create(customer, new TicketCommands.NewTicket("Не открывается вложение " + unique(""),
                "Со вчерашнего дня не открываются вложения.", null, null, null, null), Channel.WEB);
        long category = routing.categoryByCode("password-forgotten").orElseThrow().id();
        return tickets.escalate(demo("l1"), created.number(),
                new TicketCommands.Escalate(category, groupId, null, created.version())).number();
    }

    TicketView get(String number) {
        return tickets.get(demo("lead"), number);
    }

    /** A second-line agent who works all the given groups. */
    Actor agentOf(Set<Long> groupIds) {
        String login = unique("agent-");
        return users.createUser(new UserCommand(login, login + "@example.org", "Agent " + login, PASSWORD,
                Set.of(Role.AGENT_L2), groupIds, "en", true)).toActor();
    }

    /** One unassigned ticket in the group's queue in {@code state} (NEW or OPEN), queued at {@code queuedAt}; its id. */
    long waiting(long groupId, Actor customer, TicketState state, Instant queuedAt) {
        long id = jdbc.queryForObject("select coalesce(max(id), 0) from ticket", Long.class) + 1_000_000L;
        Timestamp queued = Timestamp.from(queuedAt);
        jdbc.update("""
                insert into ticket (id, subject, customer_id, customer_email, customer_name, channel, group_id, line,
                                    state, priority, reopen_count, created_at, updated_at, queued_at, version)
                values (?, ?, ?, ?, ?, 'WEB', ?, 'SECOND', ?, 'NORMAL', 0, ?, ?, ?, 0)""",
                id, "Waiting " + state, customer.id(), customer.name() + "@example.org", customer.name(), groupId,
                state.name(), queued, queued, queued);
        return id;
    }

    /**
     * {@code count} unassigned tickets waiting in the group's queue, written straight into the table
     * (thousands through the service would take a minute). Ids far above the sequence's; oldest first.
     */
    List<Long> waitingInGroup(long groupId, Actor customer, int count) {
        long base = jdbc.queryForObject("select coalesce(max(id), 0) from ticket", Long.class) + 1_000_000L;
        Instant start = Instant.now().minusSeconds(count + 3600L);
        List<Object[]> rows = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long id = base + i;
            Timestamp queued = Timestamp.from(start.plusSeconds(i));
            rows.add(new Object[] {id, "Bulk " + i, customer.id(), customer.name() + "@example.org", customer.name(),
                    groupId, queued, queued, queued});
            ids.add(id);
        }
        jdbc.batchUpdate("""
                insert into ticket (id, subject, customer_id, customer_email, customer_name, channel, group_id, line,
                                    state, priority, reopen_count, created_at, updated_at, queued_at, version)
                values (?, ?, ?, ?, ?, 'WEB', ?, 'SECOND', 'OPEN', 'NORMAL', 0, ?, ?, ?, 0)""", rows);
        return ids;
    }
}
