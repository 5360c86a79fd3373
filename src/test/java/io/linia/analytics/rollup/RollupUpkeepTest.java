package io.linia.analytics.rollup;

import static org.assertj.core.api.Assertions.assertThat;

import io.linia.accounts.Actor;
import io.linia.accounts.UserDirectory;
import io.linia.accounts.UserRef;
import io.linia.routing.CategoryRef;
import io.linia.routing.RoutingDirectory;
import io.linia.support.StoreTest;
import io.linia.tickets.Channel;
import io.linia.tickets.Priority;
import io.linia.tickets.TicketCommands;
import io.linia.tickets.TicketService;
import io.linia.tickets.TicketView;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * The rollups' upkeep off the commands' threads: a command only queues its ticket (nothing counted when it returns,
 * counted once the worker has run); a ticket whose queued count was lost (as in a crash) is counted by the next
 * catch-up from the kept watermark, and the rollups then equal a rebuild. Same context as {@link RollupsEqualRecountTest}:
 * the worker counts only when asked (fewer than a batch wait) and no catch-up runs by itself.
 */
@StoreTest
@Import(RollupsEqualRecountTest.MovableClock.class)
@TestPropertySource(properties = {"linia.sla.evaluate=false", "linia.test.context=analytics-rollups",
        "linia.test.pg.schema=ctx_analytics_rollups", RollupsEqualRecountTest.UPKEEP_BATCH, RollupsEqualRecountTest.UPKEEP_DELAY,
        RollupsEqualRecountTest.UPKEEP_CATCH_UP,
        RollupsEqualRecountTest.NO_IDLE_RULES, RollupsEqualRecountTest.NO_AUTO_CLOSE, RollupsEqualRecountTest.NO_FIRST_AUTO_CLOSE})
class RollupUpkeepTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Autowired
    io.linia.support.MovingClock clock;
    @Autowired
    TicketService tickets;
    @Autowired
    UserDirectory users;
    @Autowired
    RoutingDirectory routing;
    @Autowired
    RollupUpkeep upkeep;
    @Autowired
    RollupStore store;
    @Autowired
    RollupRebuild rebuild;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aCommandOnlyQueuesItsTicketAndTheWorkerCountsIt() {
        assertThat(upkeep.awaitIdle(WAIT)).isTrue();
        clock.advance(Duration.ofHours(1));
        long createdBefore = sum(store.all(), Figures.CREATED);

        TicketView t = create("Очередь: письма не приходят");

        // the command has returned on this thread: its ticket waits in the queue, nothing of it is counted
        assertThat(upkeep.waitingIds()).contains(t.id());
        assertThat(counted(t.id())).isEmpty();
        assertThat(sum(store.all(), Figures.CREATED)).isEqualTo(createdBefore);

        assertThat(upkeep.awaitIdle(WAIT)).isTrue();
        assertThat(upkeep.waitingIds()).doesNotContain(t.id());
        assertThat(counted(t.id())).contains(lastStep(t.id()));
        assertThat(sum(store.all(), Figures.CREATED)).isEqualTo(createdBefore + 1);
    }

    @Test
    void aTicketWhoseCountWasLostIsCountedByTheCatchUp() throws Exception {
        assertThat(upkeep.awaitIdle(WAIT)).isTrue();
        clock.advance(Duration.ofHours(2));
        upkeep.catchUpNow(WAIT); // the watermark now
        assertThat(upkeep.watermark()).contains(clock.instant());
        clock.advance(Duration.ofMinutes(30));
        long createdBefore = sum(store.all(), Figures.CREATED);

        TicketView t = create("Потерянный счёт");
        assertThat(upkeep.waitingIds()).contains(t.id());
        upkeep.forgetWaiting(); // the node went down before its worker's turn
        assertThat(upkeep.awaitIdle(WAIT)).isTrue();
        assertThat(counted(t.id())).isEmpty();
        assertThat(sum(store.all(), Figures.CREATED)).isEqualTo(createdBefore);

        clock.advance(Duration.ofMinutes(1));
        int recounted = upkeep.catchUpNow(WAIT);

        assertThat(recounted).isGreaterThanOrEqualTo(1);
        assertThat(counted(t.id())).contains(lastStep(t.id()));
        assertThat(sum(store.all(), Figures.CREATED)).isEqualTo(createdBefore + 1);
        assertThat(upkeep.watermark()).contains(clock.instant());
        // counted again, nothing counted twice: what is kept equals a rebuild from the histories
        Map<Cell, long[]> kept = store.all();
        RollupsEqualRecountTest.rebuildAndWait(rebuild);
        Map<Cell, long[]> rebuilt = store.all();
        assertThat(rebuilt.keySet()).isEqualTo(kept.keySet());
        rebuilt.forEach((cell, f) -> assertThat(f).as("cell %s", cell).containsExactly(kept.get(cell)));
    }

    @Test
    void aLaterCatchUpWithNothingNewCountsNothingAndTheWatermarkNeverGoesBack() throws Exception {
        assertThat(upkeep.awaitIdle(WAIT)).isTrue();
        clock.advance(Duration.ofDays(1));
        upkeep.catchUpNow(WAIT);
        java.time.Instant mark = clock.instant();
        clock.advance(Duration.ofHours(1)); // beyond the 5-minute margin: nothing changed since
        assertThat(upkeep.catchUpNow(WAIT)).isZero();
        assertThat(upkeep.watermark()).contains(clock.instant());
        clock.set(mark); // a node whose clock is behind
        upkeep.catchUpNow(WAIT);
        assertThat(upkeep.watermark()).contains(mark.plus(Duration.ofHours(1)));
        clock.set(mark.plus(Duration.ofHours(1)));
    }

    private TicketView create(String subject) {
        List<CategoryRef> categories = routing.activeCategories();
        Actor customer = users.userByLogin("customer").map(UserRef::toActor).orElseThrow();
        return tickets.create(customer, new TicketCommands.NewTicket(subject, "Текст", null, null, categories.get(0).id(), Priority.NORMAL),
                Channel.WEB);
    }

    private Optional<Long> counted(long ticketId) {
        return jdbc.queryForList("select last_step_id from analytics_ticket where ticket_id = ?", Long.class, ticketId).stream()
                .filter(step -> step >= 0).findFirst();
    }

    private long lastStep(long ticketId) {
        return jdbc.queryForObject("select max(id) from ticket_history where ticket_id = ?", Long.class, ticketId);
    }

    private static long sum(Map<Cell, long[]> cells, int figure) {
        return cells.values().stream().mapToLong(f -> f[figure]).sum();
    }
}
