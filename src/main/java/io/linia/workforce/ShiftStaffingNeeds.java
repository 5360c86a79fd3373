package io.linia.workforce;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Item 4: agents needed per shift and queue (line × group), by Erlang C from the hourly arrival forecast.
 *
 * <p>For each shift and queue: the queue's arrivals in each wall-clock hour of the shift are the forecast's
 * times the queue's share; with {@link ShiftStaffingSettings#carryClosedHours()} the tickets that arrived
 * since the previous shift ended (the night) are work for this one, spread evenly over its hours as extra
 * arrivals per hour. The hours become one number of agents by the settings' {@link ShiftStaffingAggregation}
 * (the peak hour by default), with the line's handling time and the target service level; shrinkage turns
 * agents on the queue into agents on the roster, and the queue's floor applies last. A shift starting or
 * ending inside an hour counts that hour's arrivals in proportion to the minutes it covers. Pure computation.
 */
public final class ShiftStaffingNeeds {

    private ShiftStaffingNeeds() {
    }

    /**
     * @param forecast expected arrivals per wall-clock hour of {@code zone}, covering every hour of every slot
     * @param zone     the zone of the forecast's hours (the business calendar's)
     * @param slots    the shifts, any order
     * @param queues   the queues to staff on every shift
     * @return one need per slot and queue, slots by start, queues in the given order
     * @throws IllegalArgumentException when a slot ends before it starts or lies outside the forecast
     */
    public static List<ShiftStaffing> of(HourlySeries forecast, ZoneId zone, List<ShiftSlot> slots, List<ShiftStaffingQueue> queues,
                                         ShiftStaffingSettings settings) {
        Objects.requireNonNull(forecast, "forecast");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(settings, "settings");
        List<ShiftSlot> sorted = new ArrayList<>(slots);
        sorted.sort(Comparator.comparing(ShiftSlot::start).thenComparing(ShiftSlot::templateId));
        List<ShiftStaffing> result = new ArrayList<>(sorted.size() * queues.size());
        LocalDateTime previousEnd = null;
        for (ShiftSlot slot : sorted) {
            LocalDateTime start = LocalDateTime.ofInstant(slot.start(), zone);
            LocalDateTime end = LocalDateTime.ofInstant(slot.end(), zone);
            if (!end.isAfter(start)) {
                throw new IllegalArgumentException("slots: the shift of " + slot.date() + " (template " + slot.templateId()
                        + ") ends at " + end + ", not after its start " + start);
            }
            Hours hours = Hours.of(forecast, start, end, slot);
            double closed = 0;
            if (settings.carryClosedHours()) {
                LocalDateTime closedFrom = previousEnd != null ? previousEnd : forecast.start();
                closed = arrivalsBetween(forecast, closedFrom, start);
            }
            previousEnd = previousEnd == null || end.isAfter(previousEnd) ? end : previousEnd;
            for (ShiftStaffingQueue queue : queues) {
                result.add(staff(slot, queue, hours, closed * queue.share(), settings));
            }
        }
        return List.copyOf(result);
    }

    private static ShiftStaffing staff(ShiftSlot slot, ShiftStaffingQueue queue, Hours hours, double carried, ShiftStaffingSettings settings) {
        Duration handling = settings.handlingTime().get(queue.line());
        StaffingTarget target = settings.target();
        double carriedPerHour = carried / hours.length();
        double[] rates = new double[hours.count()];
        double arrivals = carried;
        int peak = 0;
        for (int i = 0; i < rates.length; i++) {
            rates[i] = hours.arrivals[i] * queue.share() + carriedPerHour;
            arrivals += hours.arrivals[i] * queue.share() * hours.weights[i];
            if (rates[i] > rates[peak]) {
                peak = i;
            }
        }
        int agents;
        if (arrivals == 0) {
            agents = 0;
        } else if (settings.aggregation() == ShiftStaffingAggregation.PEAK_HOUR) {
            agents = ErlangC.need(rates[peak], handling, target).agents();
        } else {
            agents = (int) Math.floor(ErlangC.traffic(rates[peak], handling)) + 1;
            while (serviceLevel(rates, hours.weights, handling, agents, target.answerWithin()) < target.serviceLevel()) {
                agents++;
            }
        }
        int scheduled = (int) Math.ceil(agents / (1 - target.shrinkage()) - 1e-9);
        return new ShiftStaffing(slot, queue.line(), queue.groupId(), arrivals, carried, hours.start.plusHours(peak), rates[peak],
                agents, Math.max(scheduled, queue.minimumScheduled()), serviceLevel(rates, hours.weights, handling, agents, target.answerWithin()),
                ErlangC.performance(rates[peak], handling, agents, target.answerWithin()));
    }

    /** Share answered within the target over the shift: each hour's service level weighted by its arrivals. */
    private static double serviceLevel(double[] rates, double[] weights, Duration handling, int agents, Duration within) {
        double answered = 0;
        double all = 0;
        for (int i = 0; i < rates.length; i++) {
            double arrivals = rates[i] * weights[i];
            if (arrivals > 0) {
                answered += arrivals * ErlangC.performance(rates[i], handling, agents, within).serviceLevel();
                all += arrivals;
            }
        }
        return all == 0 ? 1 : answered / all;
    }

    /** Forecast arrivals in [from, to), partial hours in proportion; hours outside the forecast count as none. */
    private static double arrivalsBetween(HourlySeries forecast, LocalDateTime from, LocalDateTime to) {
        double sum = 0;
        for (LocalDateTime h = from.truncatedTo(ChronoUnit.HOURS); h.isBefore(to); h = h.plusHours(1)) {
            long index = ChronoUnit.HOURS.between(forecast.start(), h);
            if (index >= 0 && index < forecast.hours()) {
                sum += forecast.value((int) index) * overlap(h, from, to);
            }
        }
        return sum;
    }

    /** Share of the hour starting at {@code hour} that lies within [from, to). */
    private static double overlap(LocalDateTime hour, LocalDateTime from, LocalDateTime to) {
        LocalDateTime a = hour.isBefore(from) ? from : hour;
        LocalDateTime hourEnd = hour.plusHours(1);
        LocalDateTime b = hourEnd.isAfter(to) ? to : hourEnd;
        return Math.max(0, ChronoUnit.SECONDS.between(a, b)) / 3600.0;
    }

    /** The wall-clock hours a shift touches, their forecast arrivals and the share of each it covers. */
    private record Hours(LocalDateTime start, double[] arrivals, double[] weights) {

        static Hours of(HourlySeries forecast, LocalDateTime from, LocalDateTime to, ShiftSlot slot) {
            LocalDateTime first = from.truncatedTo(ChronoUnit.HOURS);
            int count = (int) ChronoUnit.HOURS.between(first, to.minusNanos(1)) + 1;
            double[] arrivals = new double[count];
            double[] weights = new double[count];
            for (int i = 0; i < count; i++) {
                LocalDateTime h = first.plusHours(i);
                long index = ChronoUnit.HOURS.between(forecast.start(), h);
                if (index < 0 || index >= forecast.hours()) {
                    throw new IllegalArgumentException("forecast: it covers " + forecast.start() + " to " + forecast.end()
                            + ", not the hour " + h + " of the shift of " + slot.date() + " (template " + slot.templateId() + ")");
                }
                arrivals[i] = forecast.value((int) index);
                weights[i] = overlap(h, from, to);
            }
            return new Hours(first, arrivals, weights);
        }

        int count() {
            return arrivals.length;
        }

        /** The shift's length in hours. */
        double length() {
            double sum = 0;
            for (double w : weights) {
                sum += w;
            }
            return sum;
        }
    }
}
