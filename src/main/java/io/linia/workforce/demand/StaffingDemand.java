package io.linia.workforce.demand;

import io.linia.routing.GroupRef;
import io.linia.routing.RoutingDirectory;
import io.linia.tickets.Line;
import io.linia.tickets.TicketArrivals;
import io.linia.workforce.ArrivalForecast;
import io.linia.workforce.Forecast;
import io.linia.workforce.HourlySeries;
import io.linia.workforce.RosterNeed;
import io.linia.workforce.ShiftSlot;
import io.linia.workforce.ShiftStaffing;
import io.linia.workforce.ShiftStaffingNeeds;
import io.linia.workforce.ShiftStaffingQueue;
import io.linia.workforce.WorkforcePlanning;
import io.linia.workforce.staff.PlanningCalendar;
import io.linia.workforce.staff.ShiftCalendar;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Service;

/**
 * Items 3 and 4 from the desk's own tickets: arrivals per wall-clock hour (the planning calendar's zone),
 * the forecast of the coming weeks learnt from the last {@link DemandProperties#historyWeeks()} weeks
 * (holidays of the business calendar treated as Sundays), and the agents each queue needs on each shift
 * by Erlang C ({@link ShiftStaffingNeeds}).
 *
 * <p>The queues: the first line as a whole ({@link RosterNeed#WHOLE_LINE}: every ticket reaches it, share
 * 1) and each active group's second line, with the share of the tickets that reached that group in the
 * same history (escalations and moves into it, per ticket created).
 */
@Service
public class StaffingDemand {

    private final TicketArrivals arrivals;
    private final RoutingDirectory routing;
    private final WorkforcePlanning planning;
    private final PlanningCalendar calendar;
    private final DemandProperties properties;

    StaffingDemand(TicketArrivals arrivals, RoutingDirectory routing, WorkforcePlanning planning, PlanningCalendar calendar,
                   DemandProperties properties) {
        this.arrivals = arrivals;
        this.routing = routing;
        this.planning = planning;
        this.calendar = calendar;
        this.properties = properties;
    }

    public DemandProperties properties() {
        return properties;
    }

    public ZoneId zone() {
        return calendar.current().zone();
    }

    /** Tickets that arrived per wall-clock hour on the dates from {@code from} to {@code toInclusive}. */
    public HourlySeries actual(LocalDate from, LocalDate toInclusive) {
        requireOrder(from, toInclusive);
        ZoneId zone = zone();
        LocalDateTime start = from.atStartOfDay();
        int hours = (int) ChronoUnit.HOURS.between(start, toInclusive.plusDays(1).atStartOfDay());
        double[] values = new double[hours];
        Instant a = start.atZone(zone).toInstant();
        Instant b = toInclusive.plusDays(1).atStartOfDay(zone).toInstant();
        for (Map.Entry<Instant, Long> hour : arrivals.createdPerHour(a, b).entrySet()) {
            LocalDateTime local = LocalDateTime.ofInstant(hour.getKey(), zone).truncatedTo(ChronoUnit.HOURS);
            int index = (int) ChronoUnit.HOURS.between(start, local);
            if (index >= 0 && index < hours) {
                values[index] += hour.getValue();
            }
        }
        return HourlySeries.of(start, values);
    }

    /**
     * The forecast per wall-clock hour of the dates from {@code from} to {@code toInclusive}, learnt from the
     * history weeks before {@code trainedUntil} (exclusive): today for planning, an earlier day to see how the
     * forecast would have done on weeks that are now known.
     */
    public Forecast forecast(LocalDate trainedUntil, LocalDate from, LocalDate toInclusive) {
        requireOrder(from, toInclusive);
        if (from.isBefore(trainedUntil)) {
            throw new IllegalArgumentException("from: the forecast starts on or after " + trainedUntil + ", not " + from);
        }
        HourlySeries history = actual(trainedUntil.minusWeeks(properties.historyWeeks()), trainedUntil.minusDays(1));
        ShiftCalendar shiftCalendar = calendar.current();
        ArrivalForecast model = ArrivalForecast.withHolidays(date -> shiftCalendar.holiday(date).isPresent());
        int skip = (int) ChronoUnit.HOURS.between(trainedUntil.atStartOfDay(), from.atStartOfDay());
        int hours = (int) ChronoUnit.HOURS.between(from.atStartOfDay(), toInclusive.plusDays(1).atStartOfDay());
        Forecast whole = model.forecast(history, skip + hours);
        double[] values = new double[hours];
        for (int i = 0; i < hours; i++) {
            values[i] = whole.expected().value(skip + i);
        }
        return new Forecast(HourlySeries.of(from.atStartOfDay(), values), whole.basis(), whole.detail());
    }

    /** The forecast of the dates from {@code from} (today or later) on, learnt from the weeks before today. */
    public Forecast forecast(LocalDate from, LocalDate toInclusive) {
        LocalDate today = calendar.today();
        return forecast(today, from.isBefore(today) ? today : from, toInclusive);
    }

    /** The queues staffed on every shift, with their shares of the arrivals in the history before today. */
    public List<ShiftStaffingQueue> queues() {
        LocalDate today = calendar.today();
        ZoneId zone = zone();
        Instant to = today.atStartOfDay(zone).toInstant();
        Instant from = today.minusWeeks(properties.historyWeeks()).atStartOfDay(zone).toInstant();
        long created = arrivals.created(from, to);
        Map<Long, Long> reached = arrivals.reachedSecondLine(from, to);
        List<ShiftStaffingQueue> queues = new ArrayList<>();
        queues.add(new ShiftStaffingQueue(Line.FIRST, RosterNeed.WHOLE_LINE, 1.0, properties.firstLineMinimum()));
        for (GroupRef group : routing.activeGroups()) {
            double share = created == 0 ? 0 : Math.min(1.0, (double) reached.getOrDefault(group.id(), 0L) / created);
            queues.add(new ShiftStaffingQueue(Line.SECOND, group.id(), share, properties.secondLineMinimum()));
        }
        return queues;
    }

    /** Agents each queue needs on each shift of the dates from {@code from} to {@code toInclusive} (from today on: earlier dates are forecast as of today). */
    public List<ShiftStaffing> staffing(LocalDate from, LocalDate toInclusive) {
        List<ShiftSlot> slots = planning.slots(from, toInclusive);
        if (slots.isEmpty()) {
            return List.of();
        }
        LocalDate today = calendar.today();
        LocalDate first = from.isBefore(today) ? today : from;
        List<ShiftSlot> planned = slots.stream().filter(s -> !s.date().isBefore(first)).toList();
        if (planned.isEmpty()) {
            return List.of();
        }
        Forecast forecast = forecast(today, first, toInclusive);
        return ShiftStaffingNeeds.of(forecast.expected(), zone(), planned, queues(), properties.settings());
    }

    /** The roster's need: {@link #staffing} as seats per shift and queue (queues needing nobody left out). */
    public List<RosterNeed> needs(LocalDate from, LocalDate toInclusive) {
        return staffing(from, toInclusive).stream().map(ShiftStaffing::toRosterNeed).filter(n -> n.required() > 0).toList();
    }

    private static void requireOrder(LocalDate from, LocalDate toInclusive) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(toInclusive, "toInclusive");
        if (toInclusive.isBefore(from)) {
            throw new IllegalArgumentException("toInclusive: " + toInclusive + " is before " + from);
        }
    }
}
