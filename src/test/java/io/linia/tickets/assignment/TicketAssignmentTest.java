package io.linia.tickets.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.linia.accounts.Actor;
import io.linia.accounts.AgentShifts;
import io.linia.accounts.UserAdministration;
import io.linia.accounts.UserDirectory;
import io.linia.routing.AssignmentMode;
import io.linia.routing.AssignmentRules;
import io.linia.routing.RoutingAdministration;
import io.linia.routing.RoutingDirectory;
import io.linia.shared.DomainException;
import io.linia.support.StoreProfiles;
import io.linia.support.StoreTest;
import io.linia.tickets.Line;
import io.linia.tickets.NextTicket;
import io.linia.tickets.TicketAction;
import io.linia.tickets.TicketAssignment;
import io.linia.tickets.TicketCommands;
import io.linia.tickets.TicketNumber;
import io.linia.tickets.TicketService;
import io.linia.tickets.TicketState;
import io.linia.tickets.TicketView;
import io.linia.tickets.internal.QueueLocks;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Next ticket, automatic assignment and the end of a shift, on H2 and on PostgreSQL. */
@StoreTest
class TicketAssignmentTest {

    @Autowired TicketAssignment assignment;
    @Autowired TicketService tickets;
    @Autowired AgentShifts shifts;
    @Autowired AssignmentRules rules;
    @Autowired RoutingAdministration routingAdmin;
    @Autowired RoutingDirectory routing;
    @Autowired UserAdministration users;
    @Autowired UserDirectory directory;
    @Autowired JdbcTemplate jdbc;
    @Autowired QueueLocks locks;
    @Autowired PlatformTransactionManager transactions;

    AssignmentFixtures fx;
    Actor customer;

    @BeforeEach
    void setUp() {
        fx = new AssignmentFixtures(routingAdmin, routing, rules, users, directory, shifts, tickets, jdbc);
        customer = fx.customer();
    }

    @Test
    void concurrentNextTicketCallsGetDistinctTicketsAndSkipNone() throws Exception {
        int threads = 8;
        int callsEach = StoreProfiles.postgres() ? 500 : 100;
        long group = fx.group(AssignmentMode.MANUAL, false);
        List<Actor> agents = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            agents.add(fx.agent(group, true));
        }
        List<Long> waiting = fx.waitingInGroup(group, customer, threads * callsEach);

        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CyclicBarrier start = new CyclicBarrier(threads);
        List<Future<List<Long>>> results = new ArrayList<>();
        try {
            for (Actor agent : agents) {
                results.add(pool.submit(() -> {
                    start.await();
                    List<Long> got = new ArrayList<>();
                    for (int i = 0; i < callsEach; i++) {
                        NextTicket t = assignment.next(agent);
                        assertThat(t.assigneeId()).isEqualTo(agent.id());
                        got.add(t.id());
                    }
                    return got;
                }));
            }
            List<Long> all = new ArrayList<>();
            for (Future<List<Long>> f : results) {
                all.addAll(f.get());
            }
            assertThat(all).hasSize(threads * callsEach);
            assertThat(new HashSet<>(all)).hasSize(threads * callsEach).containsExactlyInAnyOrderElementsOf(waiting);
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.queryForObject("select count(*) from ticket where group_id = ? and assignee_id is null",
                Long.class, group)).isZero();
        assertThatThrownBy(() -> assignment.next(agents.get(0)))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.kind()).isEqualTo(DomainException.Kind.NOT_FOUND);
                    assertThat(e.messageKey()).isEqualTo("assignment.nothingWaiting");
                });
    }

    @Test
    void nextTicketIsTheOldestUnassignedOfTheAgentsQueues() {
        long group = fx.group(AssignmentMode.MANUAL, false);
        Actor agent = fx.agent(group, false);
        String first = fx.escalated(customer, group);
        String second = fx.escalated(customer, group);

        NextTicket got = assignment.next(agent);
        assertThat(got.number()).isEqualTo(first);
        assertThat(got.assigneeId()).isEqualTo(agent.id());
        assertThat(got.state()).isEqualTo(TicketState.OPEN);
        TicketView whole = fx.get(first);
        assertThat(got.version()).isEqualTo(whole.version());
        assertThat(got.link()).isEqualTo("/api/v1/tickets/" + first);
        assertThat(whole.assigneeId()).isEqualTo(agent.id());
        assertThat(whole.history().get(whole.history().size() - 1).action()).isEqualTo(TicketAction.TAKE);
        assertThat(assignment.next(agent).number()).isEqualTo(second);
        assertThatThrownBy(() -> assignment.next(agent)).isInstanceOf(DomainException.class)
                .hasFieldOrPropertyWithValue("kind", DomainException.Kind.NOT_FOUND);
    }

    @Test
    void nextTicketTakesTheOldestAcrossAllTheAgentsGroupsAndBothWaitingStates() {
        long a = fx.group(AssignmentMode.MANUAL, false);
        long b = fx.group(AssignmentMode.MANUAL, false);
        long elsewhere = fx.group(AssignmentMode.MANUAL, false);
        Actor agent = fx.agentOf(Set.of(a, b));
        Instant now = Instant.now();
        long openInA = fx.waiting(a, customer, TicketState.OPEN, now.minusSeconds(3600));
        long newInB = fx.waiting(b, customer, TicketState.NEW, now.minusSeconds(7200));
        long newInA = fx.waiting(a, customer, TicketState.NEW, now.minusSeconds(10800));
        long openInB = fx.waiting(b, customer, TicketState.OPEN, now.minusSeconds(1800));
        fx.waiting(elsewhere, customer, TicketState.OPEN, now.minusSeconds(99999));

        List<Long> taken = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            NextTicket t = assignment.next(agent);
            assertThat(t.assigneeId()).isEqualTo(agent.id());
            assertThat(t.state()).as("a new ticket is open once taken").isEqualTo(TicketState.OPEN);
            taken.add(t.id());
        }
        assertThat(taken).containsExactly(newInA, newInB, openInA, openInB);
        TicketView.HistoryView take = fx.get(TicketNumber.format(newInA)).history().get(0);
        assertThat(take.action()).isEqualTo(TicketAction.TAKE);
        assertThat(take.fromState()).isEqualTo(TicketState.NEW);
        assertThat(take.toState()).isEqualTo(TicketState.OPEN);
        assertThatThrownBy(() -> assignment.next(agent)).isInstanceOf(DomainException.class)
                .hasFieldOrPropertyWithValue("kind", DomainException.Kind.NOT_FOUND);
    }

    @Test
    void withoutWaitingForTheDiskOnlyTheTakingTransactionCommitsAsynchronously() {
        Assumptions.assumeTrue(StoreProfiles.postgres(), "synchronous_commit is PostgreSQL's");
        long group = fx.group(AssignmentMode.MANUAL, false);
        Actor agent = fx.agent(group, false);
        long waiting = fx.waiting(group, customer, TicketState.NEW, Instant.now().minusSeconds(60));
        TransactionTemplate tx = new TransactionTemplate(transactions);

        String during = tx.execute(s -> {
            QueueLocks.Taken taken = locks.takeOldestUnassigned(List.of(new QueueLocks.Queue(Line.SECOND, group)),
                    agent, Instant.now(), false).orElseThrow();
            assertThat(taken.id()).isEqualTo(waiting);
            assertThat(taken.before()).isEqualTo(TicketState.NEW);
            return jdbc.queryForObject("show synchronous_commit", String.class);
        });

        String after = tx.execute(s -> jdbc.queryForObject("show synchronous_commit", String.class));
        assertThat(during).isEqualTo("off");
        assertThat(after).as("other transactions wait for the disk").isEqualTo("on");
        TicketView taken = fx.get(TicketNumber.format(waiting));
        assertThat(taken.assigneeId()).isEqualTo(agent.id());
        assertThat(taken.state()).isEqualTo(TicketState.OPEN);
        assertThat(taken.history()).singleElement().satisfies(h -> {
            assertThat(h.action()).isEqualTo(TicketAction.TAKE);
            assertThat(h.detail()).isEqualTo(agent.name());
        });
    }

    @Test
    void roundRobinGivesEachAgentOnShiftTheSameShare() {
        long group = fx.group(AssignmentMode.ROUND_ROBIN, false);
        List<Actor> onShift = List.of(fx.agent(group, true), fx.agent(group, true), fx.agent(group, true));
        Actor offShift = fx.agent(group, false);
        Map<Long, Long> perAgent = new java.util.HashMap<>();
        List<Long> order = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Long assignee = fx.get(fx.escalated(customer, group)).assigneeId();
            assertThat(assignee).isNotNull();
            order.add(assignee);
            perAgent.merge(assignee, 1L, Long::sum);
        }
        assertThat(perAgent).containsOnlyKeys(onShift.stream().map(Actor::id).toList())
                .allSatisfy((agent, count) -> assertThat(count).isEqualTo(4L));
        assertThat(perAgent).doesNotContainKey(offShift.id());
        // in turn, not in bursts
        for (int i = 3; i < order.size(); i++) {
            assertThat(order.get(i)).isEqualTo(order.get(i - 3));
        }
        assertThat(Set.copyOf(order.subList(0, 3))).hasSize(3);
    }

    @Test
    void leastLoadedGivesTheTicketToTheAgentWithFewestUnfinished() {
        long group = fx.group(AssignmentMode.MANUAL, false);
        Actor busy = fx.agent(group, true);
        Actor idle = fx.agent(group, true);
        fx.escalated(customer, group);
        fx.escalated(customer, group);
        assignment.next(busy);
        assignment.next(busy);
        rules.configure(group, AssignmentMode.LEAST_LOADED, false);

        assertThat(fx.get(fx.escalated(customer, group)).assigneeId()).isEqualTo(idle.id());   // 2 : 0
        assertThat(fx.get(fx.escalated(customer, group)).assigneeId()).isEqualTo(idle.id());   // 2 : 1
        Long tie = fx.get(fx.escalated(customer, group)).assigneeId();                         // 2 : 2
        assertThat(tie).isEqualTo(busy.id());
    }

    @Test
    void certifiedGroupsTicketsGoOnlyToCertifiedAgents() {
        long group = fx.group(AssignmentMode.ROUND_ROBIN, true);
        Actor certified = fx.agent(group, true);
        Actor uncertified = fx.agent(group, true);
        shifts.certify(certified.id(), Set.of(group));
        for (int i = 0; i < 3; i++) {
            assertThat(fx.get(fx.escalated(customer, group)).assigneeId()).isEqualTo(certified.id());
        }

        rules.configure(group, AssignmentMode.MANUAL, true);
        String waiting = fx.escalated(customer, group);
        assertThat(fx.get(waiting).assigneeId()).isNull();
        assertThatThrownBy(() -> assignment.next(uncertified)).isInstanceOf(DomainException.class)
                .hasFieldOrPropertyWithValue("kind", DomainException.Kind.NOT_FOUND);
        assertThat(assignment.next(certified).number()).isEqualTo(waiting);
    }

    @Test
    void withNobodyOnShiftTheTicketWaitsUnassigned() {
        long group = fx.group(AssignmentMode.ROUND_ROBIN, false);
        Actor agent = fx.agent(group, false);
        String number = fx.escalated(customer, group);
        assertThat(fx.get(number).assigneeId()).isNull();
        assertThat(assignment.next(agent).number()).isEqualTo(number);
    }

    @Test
    void goingOffShiftReturnsTicketsInWorkToTheQueueWithHistory() {
        long group = fx.group(AssignmentMode.MANUAL, false);
        Actor leaving = fx.agent(group, true);
        String open = fx.escalated(customer, group);
        String asked = fx.escalated(customer, group);
        assertThat(assignment.next(leaving).number()).isEqualTo(open);
        NextTicket waitingForCustomer = assignment.next(leaving);
        tickets.askForInformation(leaving, asked, new TicketCommands.AskForInformation("Какой у вас логин?",
                waitingForCustomer.version()));

        shifts.changeShift(leaving, leaving.id(), false);

        TicketView released = fx.get(open);
        assertThat(released.assigneeId()).isNull();
        assertThat(released.state()).isEqualTo(TicketState.OPEN);
        TicketView.HistoryView last = released.history().get(released.history().size() - 1);
        assertThat(last.action()).isEqualTo(TicketAction.RELEASE);
        assertThat(last.detail()).isEqualTo(leaving.name());
        assertThat(fx.get(asked).assigneeId()).as("waiting for the customer: kept").isEqualTo(leaving.id());
        assertThat(shifts.onShift(leaving.id())).isFalse();
    }

    @Test
    void releasedTicketGoesToAnotherAgentOnShiftInAnAutomaticGroup() {
        long group = fx.group(AssignmentMode.ROUND_ROBIN, false);
        Actor leaving = fx.agent(group, true);
        String number = fx.escalated(customer, group);
        assertThat(fx.get(number).assigneeId()).isEqualTo(leaving.id());
        Actor staying = fx.agent(group, true);

        shifts.changeShift(fx.demo("lead"), leaving.id(), false);

        assertThat(fx.get(number).assigneeId()).isEqualTo(staying.id());
    }

    @Test
    void customersAndOthersCannotChangeSomeoneElsesShift() {
        long group = fx.group(AssignmentMode.MANUAL, false);
        Actor agent = fx.agent(group, false);
        Actor colleague = fx.agent(group, false);
        assertThatThrownBy(() -> shifts.changeShift(colleague, agent.id(), true)).isInstanceOf(DomainException.class)
                .hasFieldOrPropertyWithValue("kind", DomainException.Kind.FORBIDDEN);
        assertThatThrownBy(() -> shifts.changeShift(customer, customer.id(), true)).isInstanceOf(DomainException.class)
                .hasFieldOrPropertyWithValue("kind", DomainException.Kind.FORBIDDEN);
        shifts.changeShift(fx.demo("lead"), agent.id(), true);
        assertThat(shifts.onShift(agent.id())).isTrue();
    }

    @Test
    void onlyAgentsPullNextTicket() {
        for (Actor notAnAgent : List.of(customer, fx.demo("lead"), fx.demo("admin"))) {
            assertThatThrownBy(() -> assignment.next(notAnAgent)).isInstanceOf(DomainException.class)
                    .hasFieldOrPropertyWithValue("kind", DomainException.Kind.FORBIDDEN);
        }
    }
}
