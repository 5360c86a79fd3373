package io.linia.analytics.rollup;

import static org.assertj.core.api.Assertions.assertThat;

import io.linia.accounts.Actor;
import io.linia.accounts.UserDirectory;
import io.linia.accounts.UserRef;
import io.linia.routing.CategoryRef;
import io.linia.routing.GroupRef;
import io.linia.routing.RoutingDirectory;
import io.linia.shared.DomainException;
import io.linia.support.StoreTest;
import io.linia.tickets.Channel;
import io.linia.tickets.CloseReason;
import io.linia.tickets.Line;
import io.linia.tickets.Priority;
import io.linia.tickets.TicketCommands;
import io.linia.tickets.TicketService;
import io.linia.tickets.TicketState;
import io.linia.tickets.TicketView;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestPropertySource;

/**
 * The rollups kept from the tickets' events equal a rebuild from the tickets' histories, cell by cell, after a seeded
 * random life of tickets (creates, answers, questions, escalations, replies, solves, returns, reopens, closes,
 * recategorisations) through the real {@link TicketService}, over several days of a moving clock; and their totals
 * match a count kept by the test itself from what each command answered.
 */
@StoreTest
@Import(RollupsEqualRecountTest.MovableClock.class)
@TestPropertySource(properties = {"linia.sla.evaluate=false", "linia.test.context=analytics-rollups",
        "linia.test.pg.schema=ctx_analytics_rollups", RollupsEqualRecountTest.UPKEEP_BATCH, RollupsEqualRecountTest.UPKEEP_DELAY,
        RollupsEqualRecountTest.UPKEEP_CATCH_UP,
        RollupsEqualRecountTest.NO_IDLE_RULES, RollupsEqualRecountTest.NO_AUTO_CLOSE, RollupsEqualRecountTest.NO_FIRST_AUTO_CLOSE})
class RollupsEqualRecountTest {

    /** The worker counts a batch as soon as 7 tickets wait, meanwhile the commands go on (and never by the clock). */
    static final String UPKEEP_BATCH = "linia.analytics.upkeep.batch-size=7";
    /** Fewer than 7 wait until a test asks ({@link RollupUpkeep#awaitIdle}): what waits is then known. */
    static final String UPKEEP_DELAY = "linia.analytics.upkeep.delay=1d";
    /** No catch-up but those a test runs itself. */
    static final String UPKEEP_CATCH_UP = "linia.analytics.upkeep.catch-up-interval=1d";
    /**
     * No background job changes tickets behind the tests' backs: with the clock moved days ahead the idle rules and the
     * auto-close of solved tickets would add history steps at any moment, and a catch-up would then rightly count them.
     */
    static final String NO_IDLE_RULES = "linia.automation.idle-rules=false";
    static final String NO_AUTO_CLOSE = "linia.tickets.auto-close-every=PT1000H";
    static final String NO_FIRST_AUTO_CLOSE = "linia.tickets.auto-close-first-after=PT1000H";

    @TestConfiguration(proxyBeanMethods = false)
    static class MovableClock {
        @Bean
        @Primary
        io.linia.support.MovingClock analyticsClock() {
            return new io.linia.support.MovingClock();
        }
    }

    private static final Set<TicketState> UNFINISHED = Set.of(TicketState.NEW, TicketState.OPEN, TicketState.WAITING_FOR_CUSTOMER);

    @Autowired
    io.linia.support.MovingClock clock;
    @Autowired
    TicketService tickets;
    @Autowired
    UserDirectory users;
    @Autowired
    RoutingDirectory routing;
    @Autowired
    RollupStore store;
    @Autowired
    RollupRebuild rebuild;
    @Autowired
    RollupUpkeep upkeep;

    @Test
    void rollupsKeptFromEventsEqualARebuildAfterARandomLifeOfTickets() throws Exception {
        assertThat(upkeep.awaitIdle(Duration.ofSeconds(60))).isTrue();
        rebuildAndWait(rebuild); // the demo's own tickets, whatever way they were made, counted alike
        Map<Cell, long[]> before = store.all();

        Random random = new Random(20261126L);
        Actor customer = actor("customer");
        Actor l1 = actor("l1");
        Actor lead = actor("lead");
        List<Actor> secondLine = List.of(actor("l2"), actor("l2web"), actor("l2mail"));
        List<CategoryRef> categories = routing.activeCategories();
        List<GroupRef> groups = routing.activeGroups();
        Map<Long, TicketView> mine = new HashMap<>();
        Set<Long> everEscalated = new java.util.HashSet<>();
        long solvedMoves = 0;
        long created = 0;

        for (int step = 0; step < 400; step++) {
            clock.advance(Duration.ofMinutes(1 + random.nextInt(90)));
            List<Long> ids = new ArrayList<>(mine.keySet());
            java.util.Collections.sort(ids);
            int op = ids.isEmpty() ? 0 : random.nextInt(10);
            TicketView t = ids.isEmpty() ? null : mine.get(ids.get(random.nextInt(ids.size())));
            TicketView after;
            try {
                after = switch (op) {
                    case 0, 1 -> tickets.create(customer, new TicketCommands.NewTicket("Тема " + step, "Текст " + step, null, null,
                            random.nextInt(3) == 0 ? null : categories.get(random.nextInt(categories.size())).id(), Priority.NORMAL),
                            Channel.values()[random.nextInt(Channel.values().length)]);
                    case 2 -> tickets.answer(l1, t.number(), new TicketCommands.Answer("Ответ", null, null, null));
                    case 3 -> tickets.askForInformation(l1, t.number(), new TicketCommands.AskForInformation("Уточните", null));
                    case 4 -> {
                        CategoryRef c = categories.get(random.nextInt(categories.size()));
                        GroupRef g = groups.get(random.nextInt(groups.size()));
                        yield tickets.escalate(l1, t.number(), new TicketCommands.Escalate(c.id(), g.id(), "Дальше", null));
                    }
                    case 5 -> tickets.solve(member(secondLine, t, lead), t.number(), new TicketCommands.Solve("Решено", null));
                    case 6 -> tickets.returnToFirstLine(member(secondLine, t, lead), t.number(),
                            new TicketCommands.ReturnToFirstLine("Не наше", null));
                    case 7 -> tickets.customerMessage(customer, t.number(), new TicketCommands.CustomerMessage("Снова не работает"));
                    case 8 -> tickets.recategorise(lead, t.number(),
                            new TicketCommands.Recategorise(categories.get(random.nextInt(categories.size())).id(), null));
                    default -> random.nextBoolean()
                            ? tickets.reply(member(secondLine, t, lead), t.number(), new TicketCommands.Reply("Смотрим", null))
                            : tickets.close(lead, t.number(), new TicketCommands.Close(CloseReason.DUPLICATE, null, null));
                };
            } catch (DomainException | org.springframework.dao.OptimisticLockingFailureException refused) {
                // not allowed in this state or for this person, or Linia's own assignment changed it meanwhile: nothing changed
                continue;
            }
            if (t == null || after.id() != t.id()) {
                created++;
                mine.put(after.id(), after);
                continue;
            }
            if (after.state() == TicketState.SOLVED && t.state() != TicketState.SOLVED) {
                solvedMoves++;
            }
            if (after.line() == Line.SECOND) {
                everEscalated.add(after.id());
            }
            mine.put(after.id(), after);
        }
        // two changes of tickets in one hour cell at once: the cell's upserts must not lose either
        concurrently(mine);
        // the commands only queued their tickets (a batch of 7 was counted on the worker's thread meanwhile): the rest now
        assertThat(upkeep.awaitIdle(Duration.ofSeconds(60))).isTrue();
        assertThat(upkeep.waiting()).isZero();

        Map<Cell, long[]> kept = store.all();
        Map<List<Object>, Long> keptDays = store.backlogDays();
        Map<List<Object>, List<Long>> keptLocalDays = store.allDays();

        assertThat(created).isGreaterThan(50);
        assertThat(solvedMoves).isGreaterThan(5);
        assertThat(everEscalated).hasSizeGreaterThan(5);
        Map<Cell, long[]> added = TicketFlows.difference(kept, before);
        assertThat(sum(added, Figures.CREATED)).isEqualTo(created + 2);
        assertThat(sum(added, Figures.SOLVED)).isEqualTo(solvedMoves);
        assertThat(sum(added, Figures.ESCALATED)).isEqualTo(everEscalated.size());
        Map<String, Long> openByPlace = new HashMap<>();
        mine.values().stream().map(v -> tickets.summaryOf(v.id()).orElseThrow())
                .filter(s -> UNFINISHED.contains(s.state()))
                .forEach(s -> openByPlace.merge(s.line() + "/" + (s.line() == Line.FIRST || s.groupId() == null ? 0 : s.groupId()), 1L, Long::sum));
        Map<String, Long> keptOpen = new HashMap<>();
        added.forEach((cell, f) -> keptOpen.merge(cell.line() + "/" + cell.groupId(), f[Figures.BACKLOG], Long::sum));
        keptOpen.values().removeIf(v -> v == 0);
        assertThat(keptOpen).isEqualTo(openByPlace);

        rebuildAndWait(rebuild);
        Map<Cell, long[]> rebuilt = store.all();
        assertThat(rebuilt.keySet()).isEqualTo(kept.keySet());
        rebuilt.forEach((cell, f) -> assertThat(f).as("cell %s", cell).containsExactly(kept.get(cell)));
        assertThat(store.backlogDays()).isEqualTo(keptDays);
        assertThat(store.allDays()).isEqualTo(keptLocalDays);
        // the desk's days hold exactly the sums of their hours
        Map<List<Object>, List<Long>> fromHours = new java.util.HashMap<>();
        rebuilt.forEach((cell, f) -> {
            long day = java.time.LocalDate.ofInstant(java.time.Instant.ofEpochSecond(cell.hour() * 3600), store.dayZone()).toEpochDay();
            List<Long> sum = fromHours.computeIfAbsent(List.of((int) day, cell.channel(), cell.categoryId(), cell.line(), cell.groupId()),
                    k -> new ArrayList<>(java.util.Collections.nCopies(Figures.SIZE, 0L)));
            for (int i = 0; i < Figures.SIZE; i++) {
                sum.set(i, sum.get(i) + f[i]);
            }
        });
        fromHours.values().removeIf(v -> v.stream().allMatch(x -> x == 0));
        assertThat(new java.util.HashMap<>(keptLocalDays)).isEqualTo(fromHours);
    }

    private void concurrently(Map<Long, TicketView> mine) throws Exception {
        Actor customer = actor("customer");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<TicketView>> both = List.of(
                    () -> tickets.create(customer, new TicketCommands.NewTicket("Одновременно 1", "Текст", null, null, null, null), Channel.WEB),
                    () -> tickets.create(customer, new TicketCommands.NewTicket("Одновременно 2", "Текст", null, null, null, null), Channel.WEB));
            for (Future<TicketView> f : pool.invokeAll(both)) {
                TicketView v = f.get();
                mine.put(v.id(), v);
            }
        } finally {
            pool.shutdown();
        }
    }

    private Actor member(List<Actor> secondLine, TicketView t, Actor otherwise) {
        return secondLine.stream().filter(a -> a.memberOf(t.groupId())).findFirst().orElse(otherwise);
    }

    static void rebuildAndWait(RollupRebuild rebuild) throws InterruptedException {
        assertThat(rebuild.start()).isTrue();
        long deadline = System.currentTimeMillis() + 60_000;
        while (rebuild.status().running() && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertThat(rebuild.status().state()).isEqualTo(RollupRebuild.State.DONE);
        assertThat(rebuild.status().percent()).isEqualTo(100);
    }

    private static long sum(Map<Cell, long[]> cells, int figure) {
        return cells.values().stream().mapToLong(f -> f[figure]).sum();
    }

    private Actor actor(String login) {
        return users.userByLogin(login).map(UserRef::toActor).orElseThrow();
    }
}
