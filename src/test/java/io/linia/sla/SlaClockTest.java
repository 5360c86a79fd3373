package io.linia.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.linia.accounts.Actor;
import io.linia.accounts.UserDirectory;
import io.linia.accounts.UserRef;
import io.linia.routing.CategoryRef;
import io.linia.routing.RoutingDirectory;
import io.linia.shared.DomainException;
import io.linia.sla.TicketTargetView.State;
import io.linia.support.ApiFixtures;
import io.linia.support.ApiResponse;
import io.linia.support.StoreTest;
import io.linia.tickets.Channel;
import io.linia.tickets.Line;
import io.linia.tickets.Priority;
import io.linia.tickets.SlaState;
import io.linia.tickets.TicketCommands;
import io.linia.tickets.TicketService;
import io.linia.tickets.TicketSummary;
import io.linia.tickets.TicketView;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestPropertySource;

/**
 * Service levels over a ticket's life with a clock the test moves: targets start when a ticket enters
 * a queue, an answer meets the response target, waiting for the customer pauses the clock and their
 * reply resumes it, the pass finds warnings and breaches, tells the team lead and applies the policy's
 * breach action. Calendar-time policies here; the business-calendar maths has its own tests.
 */
@StoreTest
@Import(SlaClockTest.MovableClock.class)
@org.springframework.test.context.event.RecordApplicationEvents
@TestPropertySource(properties = {"linia.sla.evaluate=false", "linia.test.context=sla-clock", "linia.test.pg.schema=ctx_sla"})
class SlaClockTest {

    /** Linia's clock, moved by the test (the scheduled pass is off: the test runs it). */
    @TestConfiguration(proxyBeanMethods = false)
    static class MovableClock {
        @Bean
        @Primary
        Moving movingClock() {
            return new Moving();
        }
    }

    static final class Moving extends io.linia.support.MovingClock {
    }

    @Autowired
    Moving clock;
    @Autowired
    ServiceLevels levels;
    @Autowired
    TicketService tickets;
    @Autowired
    UserDirectory users;
    @Autowired
    RoutingDirectory routing;
    @Autowired
    io.linia.accounts.UserAdministration administration;
    @Autowired
    io.linia.routing.RoutingAdministration routingAdmin;
    @Autowired
    io.linia.routing.BusinessCalendars calendars;
    @org.springframework.boot.test.web.server.LocalServerPort
    int port;
    @Autowired
    org.springframework.test.context.event.ApplicationEvents events;

    private Actor admin;
    private Actor lead;
    private Actor agent;
    private Actor customer;

    @BeforeEach
    void actors() {
        admin = actor("admin");
        lead = actor("lead");
        agent = actor("l1");
        customer = actor("customer");
    }

    @Test
    void responseIsMetByTheAnswerWaitingPausesAndABreachRaisesThePriorityAndTellsTheLead() {
        CategoryRef category = categoryWithOwnPolicy(30, 20, 120, true);
        Instant t0 = clock.instant();
        TicketView t = tickets.create(customer, new TicketCommands.NewTicket("Сроки", "Проверка сроков", null, null,
                category.id(), Priority.HIGH), Channel.WEB);

        assertThat(target(t, SlaTarget.FIRST_RESPONSE)).satisfies(g -> {
            assertThat(g.dueAt()).isEqualTo(t0.plus(Duration.ofMinutes(30)));
            assertThat(g.state()).isEqualTo(State.RUNNING);
        });
        assertThat(target(t, SlaTarget.RESOLUTION).dueAt()).isEqualTo(t0.plus(Duration.ofMinutes(120)));
        assertThat(summary(t).slaDueAt()).isEqualTo(t0.plus(Duration.ofMinutes(30)));
        assertThat(summary(t).slaState()).isEqualTo(SlaState.OK);

        clock.advance(Duration.ofMinutes(25)); // past 80 % of the first response
        ServiceLevels.EvaluationResult first = levels.evaluate(admin);
        assertThat(first.warned()).isGreaterThanOrEqualTo(1);
        assertThat(summary(t).slaState()).isEqualTo(SlaState.WARNING);
        assertThat(levels.notices(lead, 50)).anySatisfy(n -> {
            assertThat(n.ticketId()).isEqualTo(t.id());
            assertThat(n.kind()).isEqualTo(SlaNoticeView.Kind.WARNING);
        });

        clock.advance(Duration.ofMinutes(1));
        tickets.askForInformation(agent, t.number(), new TicketCommands.AskForInformation("Уточните адрес ящика", null));
        assertThat(target(t, SlaTarget.FIRST_RESPONSE).state()).isEqualTo(State.MET);
        assertThat(target(t, SlaTarget.RESOLUTION).state()).isEqualTo(State.PAUSED);

        clock.advance(Duration.ofHours(3)); // waiting for the customer costs nothing
        levels.evaluate(admin);
        assertThat(levels.forTicket(agent, t.number())).noneMatch(g -> g.state() == State.BREACHED);
        assertThat(summary(t).slaState()).isNotEqualTo(SlaState.BREACHED);

        tickets.customerMessage(customer, t.number(), new TicketCommands.CustomerMessage("ivan@mail.example"));
        Instant resumed = clock.instant();
        assertThat(target(t, SlaTarget.RESOLUTION).dueAt()).isEqualTo(resumed.plus(Duration.ofMinutes(120 - 26)));
        assertThat(target(t, SlaTarget.NEXT_RESPONSE).dueAt()).isEqualTo(resumed.plus(Duration.ofMinutes(20)));

        clock.advance(Duration.ofMinutes(21));
        ServiceLevels.EvaluationResult breach = levels.evaluate(admin);
        assertThat(breach.breached()).isGreaterThanOrEqualTo(1);
        assertThat(summary(t).slaState()).isEqualTo(SlaState.BREACHED);
        assertThat(summary(t).priority()).isEqualTo(Priority.URGENT);
        assertThat(levels.notices(lead, 50)).anySatisfy(n -> {
            assertThat(n.ticketId()).isEqualTo(t.id());
            assertThat(n.kind()).isEqualTo(SlaNoticeView.Kind.BREACH);
            assertThat(n.target()).isEqualTo(SlaTarget.NEXT_RESPONSE);
        });

        TicketView now = tickets.get(agent, t.number());
        tickets.answer(agent, t.number(), new TicketCommands.Answer("Готово", null, null, now.version(), null));
        assertThat(levels.forTicket(agent, t.number())).filteredOn(g -> g.finishedAt() != null)
                .extracting(TicketTargetView::target, TicketTargetView::state)
                .contains(org.assertj.core.groups.Tuple.tuple(SlaTarget.NEXT_RESPONSE, State.BREACHED),
                        org.assertj.core.groups.Tuple.tuple(SlaTarget.RESOLUTION, State.MET),
                        org.assertj.core.groups.Tuple.tuple(SlaTarget.FIRST_RESPONSE, State.MET));
        assertThat(summary(t).slaState()).isEqualTo(SlaState.NONE);
        assertThat(summary(t).slaDueAt()).isNull();
    }

    @Test
    void everyFinishedTargetIsPublishedOnceWithItsOutcomeForReports() {
        CategoryRef category = categoryWithOwnPolicy(30, 20, 120, false);
        Instant t0 = clock.instant();
        TicketView t = tickets.create(customer, new TicketCommands.NewTicket("Итоги сроков", "Проверка итогов", null, null,
                category.id(), Priority.NORMAL), Channel.WEB);
        clock.advance(Duration.ofMinutes(10));
        Instant answered = clock.instant();
        tickets.askForInformation(agent, t.number(), new TicketCommands.AskForInformation("Уточните адрес ящика", null));
        tickets.customerMessage(customer, t.number(), new TicketCommands.CustomerMessage("ivan@mail.example"));
        clock.advance(Duration.ofMinutes(25)); // the next response (20 min) is late; nobody ran the pass, it is late all the same
        Instant solved = clock.instant();
        TicketView now = tickets.get(agent, t.number());
        tickets.answer(agent, t.number(), new TicketCommands.Answer("Готово", null, null, now.version(), null));

        List<SlaTargetFinished> finished = events.stream(SlaTargetFinished.class).filter(f -> f.ticketId() == t.id()).toList();
        assertThat(finished).extracting(SlaTargetFinished::target, SlaTargetFinished::met, SlaTargetFinished::finishedAt)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(SlaTarget.FIRST_RESPONSE, true, answered),
                        org.assertj.core.groups.Tuple.tuple(SlaTarget.NEXT_RESPONSE, false, solved),
                        org.assertj.core.groups.Tuple.tuple(SlaTarget.RESOLUTION, true, solved));
        assertThat(finished).allSatisfy(f -> assertThat(f.line()).isEqualTo(Line.FIRST));
        assertThat(finished).filteredOn(f -> f.target() != SlaTarget.NEXT_RESPONSE)
                .allSatisfy(f -> assertThat(f.startedAt()).isEqualTo(t0));
    }

    @Test
    void aTicketWrittenOnFridayEveningIsDueOnSaturdayAfterTheShiftStarts() {
        // the seeded calendar: weekdays 9–21, weekends 10–18 (Moscow); the seeded first-line promise: 60 business minutes
        clock.set(Instant.parse("2026-11-27T17:50:00Z")); // Friday 20:50 in Moscow
        TicketView t = tickets.create(customer, new TicketCommands.NewTicket("В пятницу вечером", "Не приходят письма",
                null, null, null, Priority.NORMAL), Channel.WEB);

        TicketTargetView first = target(t, SlaTarget.FIRST_RESPONSE);
        assertThat(first.businessTime()).isTrue();
        assertThat(first.dueAt()).isEqualTo(Instant.parse("2026-11-28T07:50:00Z")); // Saturday 10:50: 10 min on Friday + 50
        assertThat(first.remaining()).isEqualTo(Duration.ofMinutes(60));
        clock.set(Instant.parse("2026-11-28T07:00:00Z")); // Saturday 10:00: the shift starts, 50 minutes left
        assertThat(target(t, SlaTarget.FIRST_RESPONSE).remaining()).isEqualTo(Duration.ofMinutes(50));
    }

    @Test
    void escalationEndsTheFirstLineStintAndStartsTheGroupsTargets() {
        CategoryRef category = categoryWithOwnPolicy(60, null, 240, false);
        TicketView t = tickets.create(customer, new TicketCommands.NewTicket("Передача", "На вторую линию", null, null,
                category.id(), Priority.NORMAL), Channel.WEB);
        clock.advance(Duration.ofMinutes(10));
        long group = category.defaultGroupId() != null ? category.defaultGroupId() : routing.activeGroups().get(0).id();

        tickets.escalate(agent, t.number(), new TicketCommands.Escalate(category.id(), group, "Нужна вторая линия", null));

        List<TicketTargetView> all = levels.forTicket(actor("lead"), t.number());
        assertThat(all).filteredOn(g -> g.finishedAt() != null).extracting(TicketTargetView::state).containsOnly(State.MET);
        assertThat(all).filteredOn(g -> g.finishedAt() == null).isNotEmpty()
                .allSatisfy(g -> assertThat(g.policy()).doesNotStartWith("Тест SLA"));
        assertThat(summary(t).line()).isEqualTo(Line.SECOND);
        assertThat(summary(t).slaDueAt()).isNotNull();
    }

    @Test
    void theQueueSortsByDueTimeWhenAsked() {
        CategoryRef slow = categoryWithOwnPolicy(240, null, null, false);
        CategoryRef fast = categoryWithOwnPolicy(5, null, null, false);
        TicketView a = tickets.create(customer, new TicketCommands.NewTicket("Долгий", "Срок 4 часа", null, null,
                slow.id(), Priority.LOW), Channel.WEB);
        clock.advance(Duration.ofSeconds(1));
        TicketView b = tickets.create(customer, new TicketCommands.NewTicket("Срочный", "Срок 5 минут", null, null,
                fast.id(), Priority.LOW), Channel.WEB);

        List<Long> byArrival = tickets.firstLineQueue(agent, 1000, false).stream().map(TicketSummary::id)
                .filter(id -> id == a.id() || id == b.id()).toList();
        List<Long> byDue = tickets.firstLineQueue(agent, 1000, true).stream().map(TicketSummary::id)
                .filter(id -> id == a.id() || id == b.id()).toList();

        assertThat(byArrival).containsExactly(a.id(), b.id());
        assertThat(byDue).containsExactly(b.id(), a.id());
    }

    @Test
    void aPolicyWithoutTargetsOrWithBothResolutionUnitsIsRefused() {
        assertThatThrownBy(() -> levels.create(admin, new SlaPolicyCommand("Пустая", Line.FIRST, null, null, null,
                null, null, null, null, false, null, false, null, true, null)))
                .isInstanceOf(DomainException.class).hasFieldOrPropertyWithValue("field", "firstResponseMinutes");
        assertThatThrownBy(() -> levels.create(admin, new SlaPolicyCommand("Двойная", Line.FIRST, null, null, null,
                null, null, 60, 2, false, null, false, null, true, null)))
                .isInstanceOf(DomainException.class).hasFieldOrPropertyWithValue("field", "resolutionDays");
        assertThatThrownBy(() -> levels.create(agent, new SlaPolicyCommand("Чужая", Line.FIRST, null, null, null,
                10, null, null, null, false, null, false, null, true, null))).isInstanceOf(DomainException.class);
        assertThat(levels.policies(admin)).extracting(SlaPolicyView::name).doesNotContain("Пустая", "Двойная", "Чужая");
    }

    @Test
    void theSeededPoliciesKeepTheSeedsPromises() {
        List<SlaPolicyView> policies = levels.policies(admin);
        assertThat(policies).anySatisfy(p -> {
            assertThat(p.line()).isEqualTo(Line.FIRST);
            assertThat(p.priority()).isEqualTo(Priority.NORMAL);
            assertThat(p.firstResponseMinutes()).isEqualTo(60);
            assertThat(p.businessTime()).isTrue();
        });
        assertThat(policies).anySatisfy(p -> {
            assertThat(p.groupId()).isEqualTo(routing.groupByCode("recovery").orElseThrow().id());
            assertThat(p.resolutionDays()).isEqualTo(5);
        });
    }

    @Test
    void theApiChangesPoliciesForAdminsOnlyAndExplainsBadInput() {
        ApiFixtures fx = new ApiFixtures(port, administration, users);
        long category = routing.activeCategories().get(routing.activeCategories().size() - 1).id();
        Map<String, Object> policy = new java.util.HashMap<>(Map.of("name", "API: срочные", "line", "FIRST",
                "priority", "URGENT", "categoryId", category, "firstResponseMinutes", 10, "businessTime", false, "active", true));

        ApiResponse created = fx.as("admin").post("/api/v1/sla/policies", policy);
        assertThat(created.status()).isEqualTo(201);
        long id = created.json().path("id").asLong();
        assertThat(fx.as("l1").post("/api/v1/sla/policies", policy).status()).isEqualTo(403);

        policy.put("firstResponseMinutes", 0);
        ApiResponse bad = fx.as("admin").post("/api/v1/sla/policies", policy);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().toString()).contains("firstResponseMinutes");

        policy.put("firstResponseMinutes", 12);
        policy.put("version", 99);
        assertThat(fx.as("admin").put("/api/v1/sla/policies/" + id, policy).status()).isEqualTo(409);
        policy.put("version", created.json().path("version").asLong());
        ApiResponse updated = fx.as("admin").put("/api/v1/sla/policies/" + id, policy);
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().path("firstResponseMinutes").asInt()).isEqualTo(12);

        TicketView t = tickets.create(customer, new TicketCommands.NewTicket("API", "Сроки через API", null, null, category,
                Priority.URGENT), Channel.WEB);
        ApiResponse targets = fx.as("l1").get("/api/v1/tickets/" + t.number() + "/sla");
        assertThat(targets.status()).isEqualTo(200);
        assertThat(targets.json().get(0).path("target").asText()).isEqualTo("FIRST_RESPONSE");
        assertThat(targets.json().get(0).path("policy").asText()).isEqualTo("API: срочные");
        assertThat(fx.as("customer").get("/api/v1/tickets/" + t.number() + "/sla").status()).isIn(403, 404);
    }

    @Test
    void aBreachAlsoNotifiesTheAssigneeAndTheNamedPersonWhenThePolicySaysSo() {
        CategoryRef category = routingAdmin.createCategory(new io.linia.routing.CategoryCommand(
                "sla-notify-" + System.nanoTime() % 100000, "Уведомления SLA", "SLA notices", null, true));
        Actor trainer = actor("trainer");
        Actor otherAgent = actor("l1b");
        levels.create(admin, new SlaPolicyCommand("Уведомить всех", Line.FIRST, null, Priority.LOW, category.id(),
                10, null, null, null, false, null, false, null, true, trainer.id(), true, null));
        TicketView t = tickets.create(customer, new TicketCommands.NewTicket("Кого уведомить", "Проверка уведомлений", null, null,
                category.id(), Priority.LOW), Channel.WEB);
        tickets.take(agent, t.number(), null);
        assertThat(target(t, SlaTarget.FIRST_RESPONSE).policy()).isEqualTo("Уведомить всех");

        clock.advance(Duration.ofMinutes(11));
        levels.evaluate(admin);

        for (Actor told : List.of(lead, agent, trainer)) {
            assertThat(levels.notices(told, 50)).as(told.name()).anySatisfy(n -> {
                assertThat(n.ticketId()).isEqualTo(t.id());
                assertThat(n.kind()).isEqualTo(SlaNoticeView.Kind.BREACH);
            });
        }
        assertThat(levels.notices(otherAgent, 50)).noneMatch(n -> n.ticketId() == t.id());
        // the warning before it went to the team lead only
        assertThat(levels.notices(trainer, 50)).filteredOn(n -> n.ticketId() == t.id())
                .extracting(SlaNoticeView::kind).containsExactly(SlaNoticeView.Kind.BREACH);
    }

    @Test
    void theApiRefusesWhatThePolicyFormRefusesAndShowsTheCoverage() {
        ApiFixtures fx = new ApiFixtures(port, administration, users);
        long customerId = users.userByLogin("customer").orElseThrow().id();
        long calendar = calendars.all().get(0).id();
        long group = routing.groupByCode("web").orElseThrow().id();
        Map<String, Object> policy = new java.util.HashMap<>(Map.of("name", "API: проверка", "line", "FIRST",
                "firstResponseMinutes", 10, "businessTime", false, "active", true));

        Map<String, Object> calendarInCalendarTime = new java.util.HashMap<>(policy);
        calendarInCalendarTime.put("calendarId", calendar);
        assertField(fx.as("admin").post("/api/v1/sla/policies", calendarInCalendarTime), "calendarId");
        Map<String, Object> unknownCalendar = new java.util.HashMap<>(calendarInCalendarTime);
        unknownCalendar.put("businessTime", true);
        unknownCalendar.put("calendarId", 999999);
        assertField(fx.as("admin").post("/api/v1/sla/policies", unknownCalendar), "calendarId");
        Map<String, Object> groupOnFirstLine = new java.util.HashMap<>(policy);
        groupOnFirstLine.put("groupId", group);
        assertField(fx.as("admin").post("/api/v1/sla/policies", groupOnFirstLine), "groupId");
        Map<String, Object> notifyCustomer = new java.util.HashMap<>(policy);
        notifyCustomer.put("notifyUserId", customerId);
        assertField(fx.as("admin").post("/api/v1/sla/policies", notifyCustomer), "notifyUserId");
        Map<String, Object> tooLong = new java.util.HashMap<>(policy);
        tooLong.put("firstResponseMinutes", 600000);
        ApiResponse range = fx.as("admin").post("/api/v1/sla/policies", tooLong);
        assertField(range, "firstResponseMinutes");
        assertThat(range.json().path("errors").get(0).path("message").asText())
                .isEqualTo("A target is from 1 minute to 365 days (525,600 minutes)");
        assertThat(levels.policies(admin)).noneMatch(p -> p.name().equals("API: проверка"));

        ApiResponse coverage = fx.as("lead").get("/api/v1/sla/coverage");
        assertThat(coverage.status()).isEqualTo(200);
        assertThat(coverage.json().path("queues").get(0).path("line").asText()).isEqualTo("FIRST");
        assertThat(coverage.json().path("queues").get(0).path("policyByPriority").has("NORMAL")).isTrue();
        assertThat(fx.as("customer").get("/api/v1/sla/coverage").status()).isEqualTo(403);
    }

    private static void assertField(ApiResponse response, String field) {
        assertThat(response.status()).as(response.request()).isEqualTo(400);
        assertThat(response.json().path("field").asText()).as(response.request()).isEqualTo(field);
    }

    // ------------------------------------------------------------------ helpers

    private static int sequence;

    /** A category of its own with a calendar-time policy for the first line (more specific than the seeded ones). */
    private CategoryRef categoryWithOwnPolicy(Integer first, Integer next, Integer resolution, boolean raise) {
        CategoryRef category = routing.activeCategories().get(sequence++ % routing.activeCategories().size());
        levels.create(admin, new SlaPolicyCommand("Тест SLA " + category.id() + " " + sequence, Line.FIRST, null, null,
                category.id(), first, next, resolution, null, false, null, raise, null, true, null));
        return category;
    }

    private TicketTargetView target(TicketView t, SlaTarget target) {
        return levels.forTicket(agent, t.number()).stream().filter(g -> g.target() == target && g.finishedAt() == null)
                .findFirst().orElseGet(() -> levels.forTicket(agent, t.number()).stream()
                        .filter(g -> g.target() == target).reduce((x, y) -> y).orElseThrow());
    }

    private TicketSummary summary(TicketView t) {
        return tickets.summaryOf(t.id()).orElseThrow();
    }

    private Actor actor(String login) {
        return users.userByLogin(login).map(UserRef::toActor).orElseThrow();
    }
}
