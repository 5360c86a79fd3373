package io.linia.workforce.demand;

import io.linia.accounts.Actor;
import io.linia.routing.GroupRef;
import io.linia.routing.RoutingDirectory;
import io.linia.tickets.Line;
import io.linia.workforce.RosterNeed;
import io.linia.workforce.ShiftStaffing;
import io.linia.workforce.schedule.RosterView;
import io.linia.workforce.schedule.Rosters;
import io.linia.workforce.schedule.ScheduledShift;
import io.linia.workforce.staff.PeriodView;
import io.linia.workforce.staff.PlanningPeriods;
import io.linia.workforce.staff.StaffAccess;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * The staffing page's figures for a planning period: per shift and queue the forecast arrivals, the agents
 * Erlang C asks for, the agents to roster after shrinkage, and the agents the period's roster puts there
 * (the first line's need is met by any first-line agent on the shift; a group's by the agents on its
 * second-line seats). Shifts before today are not forecast (the staffing need looks forward).
 */
@Service
public class StaffingCheck {

    private final StaffingDemand demand;
    private final PlanningPeriods periods;
    private final Rosters rosters;
    private final RoutingDirectory routing;

    StaffingCheck(StaffingDemand demand, PlanningPeriods periods, Rosters rosters, RoutingDirectory routing) {
        this.demand = demand;
        this.periods = periods;
        this.rosters = rosters;
        this.routing = routing;
    }

    /**
     * One shift and queue.
     *
     * @param group     the queue's group, or null for the whole first line
     * @param scheduled agents the roster puts on the queue's seats; null without a roster
     */
    public record Row(LocalDate date, long templateId, Instant start, Instant end, Line line, long groupId, GroupRef group,
                      double arrivals, double peakArrivalsPerHour, int agents, int required, double serviceLevel, Integer scheduled) {

        /** Scheduled minus required (negative: short); null without a roster. */
        public Integer difference() {
            return scheduled == null ? null : scheduled - required;
        }
    }

    /**
     * @param roster   whether the period has a roster the viewer may see
     * @param measured whether the groups' shares come from the history
     */
    public record Report(PeriodView period, List<Row> rows, boolean roster, boolean published, StaffingSettings settings,
                         boolean measured, long historyTickets, LocalDate from) {
    }

    /** The planning zone's id. */
    public String zone() {
        return demand.zone().getId();
    }

    /** @throws io.linia.shared.DomainException forbidden unless a planner; not found for an unknown period */
    public Report of(Actor actor, long periodId) {
        StaffAccess.requirePlanner(actor);
        PeriodView period = periods.get(actor, periodId);
        Optional<RosterView> roster = rosters.ofPeriod(actor, periodId);
        Map<Long, GroupRef> groups = routing.activeGroups().stream().collect(Collectors.toMap(GroupRef::id, g -> g, (a, b) -> a));
        StaffingDemand.QueueShares shares = demand.queueShares();
        List<ShiftStaffing> staffing = demand.staffing(period.firstDay(), period.lastDay());
        List<ScheduledShift> shifts = roster.map(RosterView::shifts).orElse(List.of());
        List<Row> rows = staffing.stream().map(s -> new Row(s.slot().date(), s.slot().templateId(), s.slot().start(), s.slot().end(),
                s.line(), s.groupId(), s.groupId() == RosterNeed.WHOLE_LINE ? null : groups.get(s.groupId()), s.arrivals(),
                s.peakArrivalsPerHour(), s.agents(), s.required(), s.serviceLevel(),
                roster.isPresent() ? scheduled(shifts, s) : null)).toList();
        LocalDate today = demand.today();
        return new Report(period, rows, roster.isPresent(), roster.map(RosterView::published).orElse(false), demand.settings(),
                shares.measured(), shares.tickets(), period.firstDay().isBefore(today) ? today : period.firstDay());
    }

    private static int scheduled(List<ScheduledShift> shifts, ShiftStaffing s) {
        Function<ScheduledShift, Boolean> onQueue = s.line() == Line.FIRST && s.groupId() == RosterNeed.WHOLE_LINE
                ? x -> x.line() == Line.FIRST
                : x -> x.line() == s.line() && x.groupId() != null && x.groupId() == s.groupId();
        return (int) shifts.stream().filter(x -> x.date().equals(s.slot().date()) && x.templateId() == s.slot().templateId())
                .filter(onQueue::apply).count();
    }
}
