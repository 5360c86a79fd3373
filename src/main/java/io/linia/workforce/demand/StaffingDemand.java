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
    private final ArrivalHistory imported;
    private final StaffingSettingsStore settings;

    StaffingDemand(TicketArrivals arrivals, RoutingDirectory routing, WorkforcePlanning planning, PlanningCalendar calendar,
                   DemandProperties properties, ArrivalHistory imported, StaffingSettingsStore settings) {
        this.arrivals = arrivals;
        this.routing = routing;
        this.planning = planning;
        this.calendar = calendar;
        this.properties = properties;
        this.imported = imported;
        this.settings = settings;
    }

    /** The settings in force: the planners' over the defaults. */
    public StaffingSettings settings() {
        return settings.current();
    }

    /** Today in the planning zone. */
    public LocalDate today() {
        return calendar.today();
    }

    public DemandProperties properties() {
        return properties;
    }

    public ZoneId zone() {
        return calendar.current().zone();
    }

    /**
     * Tickets that arrived per wall-clock hour on the dates from {@code from} to {@code toInclusive}: the desk's
     * own tickets plus the imported history ({@link ArrivalHistory}) of the same hours.
     */
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
        for (Map.Entry<Instant, Double> hour : imported.perHour(a, b).entrySet()) {
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
        HourlySeries history = sinceFirstArrivals(actual(trainedUntil.minusWeeks(properties.historyWeeks()), trainedUntil.minusDays(1)));
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

    /**
     * The history from the first day with arrivals on: days before the desk (or its imported history) began are no
     * evidence of quiet days, and the model would learn a fall from them. A history without any arrivals stays whole.
     */
    private static HourlySeries sinceFirstArrivals(HourlySeries history) {
        for (int h = 0; h < history.hours(); h++) {
            if (history.value(h) > 0) {
                int day = h - h % 24;
                return day == 0 ? history : history.slice(day, history.hours());
            }
        }
        return history;
    }

    /** The forecast of the dates from {@code from} (today or later) on, learnt from the weeks before today. */
    public Forecast forecast(LocalDate from, LocalDate toInclusive) {
        LocalDate today = calendar.today();
        return forecast(today, from.isBefore(today) ? today : from, toInclusive);
    }

    /**
     * The queues staffed on every shift, with their shares of the arrivals in the history before today. A group's
     * share is measured on the desk's own tickets (tickets that reached the group per ticket created); while the
     * history holds fewer than {@link StaffingSettings#shareMinTickets()} of them (a new desk, or one whose history is
     * imported counts, which carry no escalations), the second line's default share is split evenly over the groups.
     */
    public List<ShiftStaffingQueue> queues() {
        return queueShares().queues();
    }

    /** The queues and whether their shares were measured or defaulted. */
    public QueueShares queueShares() {
        StaffingSettings in = settings.current();
        LocalDate today = calendar.today();
        ZoneId zone = zone();
        Instant to = today.atStartOfDay(zone).toInstant();
        Instant from = today.minusWeeks(properties.historyWeeks()).atStartOfDay(zone).toInstant();
        long created = arrivals.created(from, to);
        Map<Long, Long> reached = arrivals.reachedSecondLine(from, to);
        List<GroupRef> groups = routing.activeGroups();
        boolean measured = created > 0 && created >= in.shareMinTickets();
        List<ShiftStaffingQueue> queues = new ArrayList<>();
        queues.add(new ShiftStaffingQueue(Line.FIRST, RosterNeed.WHOLE_LINE, 1.0, in.firstLineMinimum()));
        for (GroupRef group : groups) {
            double share = measured ? Math.min(1.0, (double) reached.getOrDefault(group.id(), 0L) / created)
                    : in.secondLineSharePercent() / 100 / groups.size();
            queues.add(new ShiftStaffingQueue(Line.SECOND, group.id(), share, in.secondLineMinimum()));
        }
        return new QueueShares(queues, measured, created);
    }

    /**
     * The queues of {@link #queues()}.
     *
     * @param measured whether the groups' shares come from the history (false: the default share)
     * @param tickets  the desk's own tickets in the history
     */
    public record QueueShares(List<ShiftStaffingQueue> queues, boolean measured, long tickets) {
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
        return ShiftStaffingNeeds.of(forecast.expected(), zone(), planned, queues(), settings.current().toShiftStaffingSettings());
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
