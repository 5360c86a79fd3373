package io.linia.workforce.attendance;

import io.linia.accounts.Actor;
import io.linia.accounts.AgentShifts;
import io.linia.accounts.UserDirectory;
import io.linia.accounts.UserRef;
import io.linia.shared.DomainException;
import io.linia.workforce.schedule.Rosters;
import io.linia.workforce.schedule.ScheduledShift;
import io.linia.workforce.staff.PlanningCalendar;
import io.linia.workforce.staff.StaffAccess;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * "On shift now": who the published roster has on shift, who is on shift, since when and by whose
 * doing, and how the day's shifts were kept (late check-in, absent, left early). Agents read their own
 * state, team leads and administrators everyone's; check-in and check-out go through
 * {@link AgentShifts#changeShift} (the agent their own, a lead anyone's) and hold until the agent's next
 * roster boundary ({@link OnShiftPass}).
 */
@Service
public class Attendance {

    private static final int NEXT_SHIFT_DAYS = 14;

    private final AgentShifts shifts;
    private final UserDirectory users;
    private final Rosters rosters;
    private final AttendanceLog log;
    private final OnShiftPass pass;
    private final PlanningCalendar calendar;
    private final Clock clock;
    private final Duration grace;

    Attendance(AgentShifts shifts, UserDirectory users, Rosters rosters, AttendanceLog log, OnShiftPass pass,
               PlanningCalendar calendar, Clock clock, @Value("${linia.workforce.on-shift.grace:PT5M}") Duration grace) {
        this.shifts = shifts;
        this.users = users;
        this.rosters = rosters;
        this.log = log;
        this.pass = pass;
        this.calendar = calendar;
        this.clock = clock;
        this.grace = grace;
    }

    /**
     * Every agent now (team leads and administrators).
     *
     * @throws DomainException forbidden unless a planner
     */
    public DeskNow desk(Actor actor) {
        StaffAccess.requirePlanner(actor);
        Instant now = clock.instant();
        ZoneId zone = calendar.current().zone();
        LocalDate day = LocalDate.ofInstant(now, zone);
        List<UserRef> agents = users.withAnyRole(StaffAccess.AGENT_ROLES).stream().filter(UserRef::enabled).toList();
        List<AgentNow> rows = build(agents, now, zone, day);
        List<AgentNow> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparing((AgentNow a) -> a.scheduledNow() == null).thenComparing(a -> !a.onShift())
                .thenComparing(AgentNow::name).thenComparingLong(AgentNow::userId));
        List<AttendanceEntry> today = new ArrayList<>(log.between(null, day.atStartOfDay(zone).toInstant(), now));
        java.util.Collections.reverse(today);
        return new DeskNow(now, zone, day, pass.lastPass(), sorted, today);
    }

    /**
     * One agent now: the agent themselves or a planner.
     *
     * @throws DomainException forbidden; not found for an unknown user; invalid when the user is no agent
     */
    public AgentNow agent(Actor actor, long userId) {
        StaffAccess.requireSelfOrPlanner(actor, userId);
        UserRef user = users.user(userId).orElseThrow(() -> DomainException.notFound("linia.error.userNotFound", userId));
        if (!StaffAccess.isAgent(user.roles())) {
            throw DomainException.invalid("userId", "wfnow.error.notAgent", user.displayName());
        }
        Instant now = clock.instant();
        ZoneId zone = calendar.current().zone();
        return build(List.of(user), now, zone, LocalDate.ofInstant(now, zone)).get(0);
    }

    /** The agent's own changes today, newest first (themselves or a planner). */
    public List<AttendanceEntry> dayLog(Actor actor, long userId) {
        StaffAccess.requireSelfOrPlanner(actor, userId);
        Instant now = clock.instant();
        ZoneId zone = calendar.current().zone();
        List<AttendanceEntry> entries = new ArrayList<>(log.between(userId, LocalDate.ofInstant(now, zone).atStartOfDay(zone).toInstant(), now));
        java.util.Collections.reverse(entries);
        return entries;
    }

    /**
     * Checks the agent in or out: the agent themselves, or a team lead or administrator for them. The
     * state holds until the agent's next roster boundary.
     *
     * @throws DomainException forbidden; not found; invalid when the user is no agent
     */
    public AgentNow checkIn(Actor actor, long userId, boolean onShift) {
        StaffAccess.requireSelfOrPlanner(actor, userId);
        UserRef user = users.user(userId).orElseThrow(() -> DomainException.notFound("linia.error.userNotFound", userId));
        if (!StaffAccess.isAgent(user.roles())) {
            throw DomainException.invalid("userId", "wfnow.error.notAgent", user.displayName());
        }
        shifts.changeShift(actor, userId, onShift);
        return agent(actor, userId);
    }

    private List<AgentNow> build(List<UserRef> agents, Instant now, ZoneId zone, LocalDate day) {
        if (agents.isEmpty()) {
            return List.of();
        }
        Map<Long, List<ScheduledShift>> published = new HashMap<>();
        // yesterday too: a shift may run past midnight into today
        for (ScheduledShift s : rosters.published(day.minusDays(1), day.plusDays(NEXT_SHIFT_DAYS))) {
            published.computeIfAbsent(s.userId(), k -> new ArrayList<>()).add(s);
        }
        Instant dayStart = day.atStartOfDay(zone).toInstant();
        Instant from = dayStart;
        for (List<ScheduledShift> own : published.values()) {
            for (ScheduledShift s : own) {
                if (s.end().isAfter(dayStart) && s.start().isBefore(from)) {
                    from = s.start();
                }
            }
        }
        Map<Long, List<AttendanceEntry>> entries = new HashMap<>();
        List<Long> ids = agents.stream().map(UserRef::id).toList();
        java.util.Set<Long> wanted = new java.util.HashSet<>(ids);
        for (AttendanceEntry e : log.between(agents.size() == 1 ? ids.get(0) : null, from, now)) {
            if (wanted.contains(e.userId())) {
                entries.computeIfAbsent(e.userId(), k -> new ArrayList<>()).add(e);
            }
        }
        Map<Long, AttendanceEntry> last = log.last(ids);
        java.util.Set<Long> onShiftNow = shifts.onShiftAmong(ids);
        List<AgentNow> rows = new ArrayList<>();
        for (UserRef agent : agents) {
            boolean onShift = onShiftNow.contains(agent.id());
            List<ScheduledShift> own = published.getOrDefault(agent.id(), List.of());
            List<AttendanceEntry> mine = entries.getOrDefault(agent.id(), List.of());
            ScheduledShift current = null;
            ScheduledShift next = null;
            List<ShiftAttendance> today = new ArrayList<>();
            for (ScheduledShift s : own) {
                if (s.covers(now)) {
                    current = s;
                }
                if (next == null && s.start().isAfter(now)) {
                    next = s;
                }
                if (s.end().isAfter(dayStart) && !s.start().isAfter(now)) {
                    today.add(ShiftAttendance.of(s, mine, onShift, now, grace));
                }
            }
            AttendanceEntry change = last.get(agent.id());
            rows.add(new AgentNow(agent.id(), agent.displayName(), StaffAccess.lineOf(agent.roles()), current, onShift,
                    change == null ? null : change.at(), change == null ? null : change.source(), today, next));
        }
        return rows;
    }
}
