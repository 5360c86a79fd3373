package io.linia.workforce.staff;

import io.linia.accounts.Actor;
import io.linia.accounts.Role;
import io.linia.accounts.UserAdministration;
import io.linia.accounts.UserCommand;
import io.linia.accounts.UserDirectory;
import io.linia.accounts.UserRef;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Periods and agents of a test's own: the store is shared by every workforce test, so each opens a
 * period on dates no other test uses (from March 2027 on, after the demo period) and makes the agents
 * whose counts it asserts.
 */
public final class StaffFixtures {

    public static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    /** Mondays handed out to tests, 8 weeks apart. */
    private static final AtomicInteger NEXT = new AtomicInteger();
    private static final LocalDate FIRST_FREE_MONDAY = LocalDate.of(2027, 3, 1);

    private final StaffStoreTest.StaffClock clock;
    private final PlanningPeriods periods;
    private final UserAdministration administration;
    private final UserDirectory users;

    public StaffFixtures(StaffStoreTest.StaffClock clock, PlanningPeriods periods, UserAdministration administration, UserDirectory users) {
        this.clock = clock;
        this.periods = periods;
        this.administration = administration;
        this.users = users;
    }

    public Actor actor(String login) {
        return users.userByLogin(login).orElseThrow().toActor();
    }

    /** A Monday no other test has; the clock is set to 10:00 Moscow two weeks before it. */
    public LocalDate freshMonday() {
        LocalDate monday = FIRST_FREE_MONDAY.plusWeeks(8L * NEXT.getAndIncrement());
        clock.set(monday.minusDays(14).atTime(10, 0).atZone(MOSCOW).toInstant());
        return monday;
    }

    /** A period of {@code weeks} from a fresh Monday, availability due 7 days before it at 18:00 Moscow. */
    public PeriodView openPeriod(Actor lead, int weeks) {
        LocalDate monday = freshMonday();
        return periods.open(lead, new PeriodCommand(monday, weeks, monday.minusDays(7).atTime(18, 0).atZone(MOSCOW).toOffsetDateTime()));
    }

    public void setClock(Instant at) {
        clock.set(at);
    }

    /** A new agent of their own (password as the demo's), with a contract when {@code salary} is given. */
    public UserRef newAgent(Role role, String name) {
        String login = "wf-" + UUID.randomUUID().toString().substring(0, 8);
        return administration.createUser(new UserCommand(login, login + "@linia.test", name, "linia2026", Set.of(role), Set.of(),
                "ru", true));
    }

    public static ContractCommand contract(LocalDate from, String salary, int shifts, String rate, int perWeek) {
        return new ContractCommand(from, new BigDecimal(salary), new BigDecimal(rate), "RUB", shifts, perWeek);
    }
}
