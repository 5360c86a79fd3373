package io.linia.workforce.staff;

import io.linia.accounts.Actor;
import io.linia.accounts.UserDirectory;
import io.linia.accounts.UserRef;
import io.linia.shared.DomainException;
import io.linia.workforce.Availability;
import io.linia.workforce.staff.PeriodView.Phase;
import java.time.DayOfWeek;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Planning periods: a planner opens the next one (whole weeks from a Monday) with a deadline for the
 * agents' availability, moves the deadline (later to give more time, or now to close entry early) and
 * follows who has entered theirs. Periods never overlap, so each date belongs to at most one.
 */
@Service
public class PlanningPeriods {

    public static final int MIN_WEEKS = 2;
    public static final int MAX_WEEKS = 6;
    public static final int DEFAULT_WEEKS = 4;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private final PlanningPeriodRepository periods;
    private final AvailabilitySheetRepository sheets;
    private final StaffProfiles profiles;
    private final UserDirectory users;
    private final PlanningCalendar calendar;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final TransactionTemplate readOnly;

    PlanningPeriods(PlanningPeriodRepository periods, AvailabilitySheetRepository sheets, StaffProfiles profiles,
                    UserDirectory users, PlanningCalendar calendar, Clock clock, PlatformTransactionManager transactions) {
        this.periods = periods;
        this.sheets = sheets;
        this.profiles = profiles;
        this.users = users;
        this.calendar = calendar;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /** Every period, the latest first (staff). */
    public List<PeriodView> list(Actor actor) {
        StaffAccess.requireStaff(actor);
        return views(readOnly.execute(s -> periods.findAllByOrderByFirstDayDesc()));
    }

    /** Periods that have not ended, soonest first: what agents enter availability for and planners follow. */
    public List<PeriodView> upcoming(Actor actor) {
        StaffAccess.requireStaff(actor);
        return views(readOnly.execute(s -> periods.findNotEndedBy(calendar.today())));
    }

    /** How many periods open for entry still wait for this agent's availability (0 for anyone not an agent). */
    public int awaiting(Actor actor) {
        if (!StaffAccess.isAgent(actor.roles())) {
            return 0;
        }
        Instant now = clock.instant();
        List<PlanningPeriod> open = readOnly.execute(s -> periods.findNotEndedBy(calendar.today())).stream()
                .filter(p -> p.openForEntry(now)).toList();
        if (open.isEmpty()) {
            return 0;
        }
        Set<Long> entered = new java.util.HashSet<>();
        for (Object[] row : readOnly.execute(s -> sheets.sheetOwners(open.stream().map(PlanningPeriod::id).toList()))) {
            if (((Number) row[1]).longValue() == actor.id()) {
                entered.add(((Number) row[0]).longValue());
            }
        }
        return (int) open.stream().filter(p -> !entered.contains(p.id())).count();
    }

    /** @throws DomainException not found */
    public PeriodView get(Actor actor, long id) {
        StaffAccess.requireStaff(actor);
        return views(List.of(find(id))).get(0);
    }

    /** What the form to open the next period starts with: the Monday after the last period (or after next week), 4 weeks, due a week before at 18:00. */
    public PeriodCommand next() {
        LocalDate today = calendar.today();
        ZoneId zone = calendar.current().zone();
        LocalDate after = readOnly.execute(s -> periods.findAllByOrderByFirstDayDesc()).stream().findFirst()
                .map(p -> p.lastDay().plusDays(1)).filter(d -> d.isAfter(today.plusDays(7))).orElse(today.plusDays(8));
        LocalDate first = after.with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
        LocalDate dueDay = first.minusDays(7);
        if (!dueDay.isAfter(today)) {
            dueDay = first.minusDays(1);
        }
        return new PeriodCommand(first, DEFAULT_WEEKS, dueDay.atTime(LocalTime.of(18, 0)).atZone(zone).toOffsetDateTime());
    }

    /** @throws DomainException forbidden unless a planner; invalid at the first field refused */
    public PeriodView open(Actor actor, PeriodCommand command) {
        StaffAccess.requirePlanner(actor);
        Map<String, DomainException> problems = problems(command);
        if (!problems.isEmpty()) {
            throw problems.values().iterator().next();
        }
        PlanningPeriod period;
        try {
            period = tx.execute(s -> periods.saveAndFlush(new PlanningPeriod(command.firstDay(), command.weeks(),
                    command.availabilityDue().toInstant(), actor.id(), clock.instant())));
        } catch (DataIntegrityViolationException e) {
            // opened by another planner a moment ago
            throw DomainException.invalid("firstDay", "wfstaff.period.overlaps", DATE.format(command.firstDay()),
                    DATE.format(command.firstDay().plusWeeks(command.weeks()).minusDays(1)));
        }
        return views(List.of(period)).get(0);
    }

    /** Every refusal of an opening by field (for the form), empty when it can be opened. */
    public Map<String, DomainException> problems(PeriodCommand command) {
        Map<String, DomainException> problems = new LinkedHashMap<>();
        LocalDate today = calendar.today();
        LocalDate first = command.firstDay();
        if (first == null) {
            problems.put("firstDay", DomainException.invalid("firstDay", "wfstaff.period.firstDayRequired"));
        } else if (first.getDayOfWeek() != DayOfWeek.MONDAY) {
            problems.put("firstDay", DomainException.invalid("firstDay", "wfstaff.period.monday", DATE.format(first)));
        } else if (!first.isAfter(today)) {
            problems.put("firstDay", DomainException.invalid("firstDay", "wfstaff.period.future"));
        }
        Integer weeks = command.weeks();
        if (weeks == null || weeks < MIN_WEEKS || weeks > MAX_WEEKS) {
            problems.put("weeks", DomainException.invalid("weeks", "wfstaff.period.weeks", MIN_WEEKS, MAX_WEEKS));
        }
        if (!problems.containsKey("firstDay") && !problems.containsKey("weeks")) {
            LocalDate last = first.plusWeeks(weeks).minusDays(1);
            readOnly.execute(s -> periods.findOverlapping(first, last)).stream().findFirst().ifPresent(p ->
                    problems.put("firstDay", DomainException.invalid("firstDay", "wfstaff.period.overlaps",
                            DATE.format(p.firstDay()), DATE.format(p.lastDay()))));
        }
        if (command.availabilityDue() == null) {
            problems.put("availabilityDue", DomainException.invalid("availabilityDue", "wfstaff.period.dueRequired"));
        } else {
            Instant due = command.availabilityDue().toInstant();
            if (!due.isAfter(clock.instant())) {
                problems.put("availabilityDue", DomainException.invalid("availabilityDue", "wfstaff.period.dueFuture"));
            } else if (first != null && !due.isBefore(calendar.current().startOf(first))) {
                problems.put("availabilityDue", DomainException.invalid("availabilityDue", "wfstaff.period.dueBeforeStart",
                        DATE.format(first)));
            }
        }
        return problems;
    }

    /**
     * Moves the deadline: later (entry opens again), or to now and earlier to close entry; never to or
     * past the period's start.
     *
     * @throws DomainException forbidden; invalid at {@code availabilityDue}; conflict when stale; not found
     */
    public PeriodView changeDeadline(Actor actor, long id, DeadlineCommand command) {
        StaffAccess.requirePlanner(actor);
        if (command.availabilityDue() == null) {
            throw DomainException.invalid("availabilityDue", "wfstaff.period.dueRequired");
        }
        Instant due = command.availabilityDue().toInstant();
        PlanningPeriod saved;
        try {
            saved = tx.execute(s -> {
                PlanningPeriod period = find(id);
                if (command.version() != null && command.version() != period.version()) {
                    throw stale(period);
                }
                if (!due.isBefore(calendar.current().startOf(period.firstDay()))) {
                    throw DomainException.invalid("availabilityDue", "wfstaff.period.dueBeforeStart", DATE.format(period.firstDay()));
                }
                period.changeDeadline(due);
                periods.flush();
                return period;
            });
        } catch (OptimisticLockingFailureException e) {
            throw stale(find(id));
        }
        return views(List.of(saved)).get(0);
    }

    /** Closes entry now (the deadline becomes this moment). */
    public PeriodView closeEntry(Actor actor, long id, Long version) {
        return changeDeadline(actor, id, new DeadlineCommand(clock.instant().atZone(calendar.current().zone()).toOffsetDateTime(),
                version));
    }

    /** Deletes a period opened by mistake, with every sheet entered for it. */
    public void delete(Actor actor, long id, Long version) {
        StaffAccess.requirePlanner(actor);
        try {
            tx.executeWithoutResult(s -> {
                PlanningPeriod period = find(id);
                if (version != null && version != period.version()) {
                    throw stale(period);
                }
                periods.delete(period);
                periods.flush();
            });
        } catch (OptimisticLockingFailureException e) {
            throw stale(find(id));
        }
    }

    /** Every agent of the desk and their sheet for the period (planners). */
    public PeriodStatus status(Actor actor, long id) {
        StaffAccess.requirePlanner(actor);
        PlanningPeriod period = find(id);
        List<UserRef> agents = profiles.agents().stream().filter(UserRef::enabled).toList();
        Map<Long, AvailabilitySheet> byUser = new HashMap<>();
        Map<Long, long[]> counts = new HashMap<>();
        readOnly.executeWithoutResult(s -> {
            sheets.findByPeriodId(id).forEach(sheet -> byUser.put(sheet.userId(), sheet));
            for (Object[] row : sheets.countEntries(id)) {
                long[] c = counts.computeIfAbsent((Long) row[0], k -> new long[2]);
                c[row[1] == Availability.UNAVAILABLE ? 0 : 1] += ((Number) row[2]).longValue();
            }
        });
        Set<Long> contracted = profiles.withContractOn(period.firstDay());
        Map<Long, UserRef> people = new HashMap<>();
        List<PeriodStatus.AgentSheet> rows = new ArrayList<>();
        for (UserRef agent : agents) {
            AvailabilitySheet sheet = byUser.get(agent.id());
            if (sheet == null) {
                rows.add(new PeriodStatus.AgentSheet(agent.id(), agent.displayName(), agent.email(), StaffAccess.lineOf(agent.roles()),
                        false, null, null, null, false, 0, 0, null, contracted.contains(agent.id())));
                continue;
            }
            long[] c = counts.getOrDefault(sheet.id(), new long[2]);
            UserRef by = people.computeIfAbsent(sheet.savedBy(), uid -> users.user(uid).orElse(null));
            rows.add(new PeriodStatus.AgentSheet(agent.id(), agent.displayName(), agent.email(), StaffAccess.lineOf(agent.roles()),
                    true, sheet.enteredAt(), sheet.savedAt(), by == null ? "#" + sheet.savedBy() : by.displayName(),
                    sheet.savedBy() != agent.id(), c[0], c[1], sheet.note(), contracted.contains(agent.id())));
        }
        return new PeriodStatus(views(List.of(period)).get(0), rows);
    }

    PlanningPeriod find(long id) {
        return readOnly.execute(s -> periods.findById(id))
                .orElseThrow(() -> DomainException.notFound("wfstaff.period.notFound", id));
    }

    static String dates(PlanningPeriod period) {
        return DATE.format(period.firstDay()) + "–" + DATE.format(period.lastDay());
    }

    private static DomainException stale(PlanningPeriod period) {
        return DomainException.conflict("wfstaff.period.stale", dates(period)).with("currentVersion", period.version());
    }

    PeriodView view(PlanningPeriod period) {
        return views(List.of(period)).get(0);
    }

    private List<PeriodView> views(Collection<PlanningPeriod> list) {
        if (list.isEmpty()) {
            return List.of();
        }
        Map<Long, Long> entered = new HashMap<>();
        Set<Long> agentIds = new java.util.HashSet<>();
        profiles.agents().stream().filter(UserRef::enabled).forEach(u -> agentIds.add(u.id()));
        // only sheets of the desk's agents now count (the sheet of someone who has left is not "entered")
        for (Object[] row : readOnly.execute(s -> sheets.sheetOwners(list.stream().map(PlanningPeriod::id).toList()))) {
            if (agentIds.contains(((Number) row[1]).longValue())) {
                entered.merge(((Number) row[0]).longValue(), 1L, Long::sum);
            }
        }
        Instant now = clock.instant();
        LocalDate today = calendar.today();
        ShiftCalendar shiftCalendar = calendar.current();
        Map<Long, String> names = new HashMap<>();
        List<PeriodView> views = new ArrayList<>();
        for (PlanningPeriod p : list) {
            Phase phase = p.openForEntry(now) ? Phase.OPEN
                    : today.isBefore(p.firstDay()) ? Phase.ENTRY_CLOSED
                    : today.isAfter(p.lastDay()) ? Phase.ENDED : Phase.RUNNING;
            String openedBy = names.computeIfAbsent(p.openedBy(), uid -> users.user(uid).map(UserRef::displayName).orElse("#" + uid));
            views.add(new PeriodView(p.id(), p.firstDay(), p.lastDay(), p.weeks(), p.availabilityDue(), shiftCalendar.zone().getId(),
                    phase, p.openedBy(), openedBy, p.openedAt(), entered.getOrDefault(p.id(), 0L), agentIds.size(), p.version()));
        }
        return views;
    }
}
