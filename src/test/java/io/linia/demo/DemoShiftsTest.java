package io.linia.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.linia.accounts.Actor;
import io.linia.accounts.AgentShifts;
import io.linia.accounts.Role;
import io.linia.accounts.UserAdministration;
import io.linia.accounts.UserCommand;
import io.linia.accounts.UserDirectory;
import io.linia.accounts.UserRef;
import io.linia.routing.AssignmentMode;
import io.linia.routing.AssignmentRules;
import io.linia.routing.GroupRef;
import io.linia.routing.QueueAssignment;
import io.linia.routing.RoutingDirectory;
import io.linia.support.StoreTest;
import io.linia.tickets.Channel;
import io.linia.tickets.Priority;
import io.linia.tickets.TicketCommands;
import io.linia.tickets.TicketService;
import io.linia.tickets.TicketView;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The demo's agents start on shift, so that "next ticket" and automatic assignment work in the demo at once; nobody else does. */
@StoreTest
class DemoShiftsTest {

    @Autowired
    AgentShifts shifts;
    @Autowired
    UserDirectory users;
    @Autowired
    UserAdministration administration;
    @Autowired
    AssignmentRules rules;
    @Autowired
    RoutingDirectory routing;
    @Autowired
    TicketService tickets;

    @Test
    void theDemoAgentsAreOnShiftAfterSeedingAndNobodyElseIs() {
        for (String agent : List.of("l1", "l1b", "l2", "l2web", "l2mail", "trainer")) {
            assertThat(shifts.onShift(id(agent))).as(agent).isTrue();
        }
        for (String other : List.of("lead", "admin", "customer", "olga")) {
            assertThat(shifts.onShift(id(other))).as(other).isFalse();
        }
        assertThat(shifts.onShift(Role.AGENT_L1, null, false)).extracting(UserRef::login).contains("l1", "l1b", "trainer");
        GroupRef recovery = routing.groupByCode("recovery").orElseThrow();
        assertThat(shifts.onShift(Role.AGENT_L2, recovery.id(), false)).extracting(UserRef::login).contains("l2");
    }

    @Test
    void aRealAgentCreatedLaterStartsOffShift() {
        String login = "real-" + UUID.randomUUID().toString().substring(0, 8);
        UserRef agent = administration.createUser(new UserCommand(login, login + "@example.org", "Real " + login, "linia2026",
                Set.of(Role.AGENT_L1), Set.of(), "ru", true));
        assertThat(shifts.onShift(agent.id())).isFalse();
    }

    @Test
    void aRoundRobinDemoGroupHandsANewTicketToItsAgentOnShift() {
        GroupRef mobile = routing.groupByCode("mobile").orElseThrow();
        QueueAssignment before = rules.group(mobile.id()).orElseThrow();
        rules.configure(mobile.id(), AssignmentMode.ROUND_ROBIN, false);
        try {
            Actor customer = users.userByLogin("customer").orElseThrow().toActor();
            Actor l1 = users.userByLogin("l1").orElseThrow().toActor();
            TicketView t = tickets.create(customer, new TicketCommands.NewTicket("Приложение не открывается",
                    "После обновления приложение Почты сразу закрывается.", null, null, null, Priority.NORMAL), Channel.WEB);
            long category = routing.categoryByCode("mobile-android").orElseThrow().id();
            tickets.escalate(l1, t.number(), new TicketCommands.Escalate(category, mobile.id(), null, t.version()));

            // l2web is the demo's only member of «Мобильные приложения» and is on shift: the ticket is hers at once
            assertThat(tickets.summaryOf(t.id()).orElseThrow().assigneeId()).isEqualTo(id("l2web"));
        } finally {
            rules.configure(mobile.id(), before.mode(), before.certificationRequired());
        }
    }

    private long id(String login) {
        return users.userByLogin(login).orElseThrow().id();
    }
}
