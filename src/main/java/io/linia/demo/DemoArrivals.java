package io.linia.demo;

import io.linia.accounts.UserDirectory;
import io.linia.accounts.UserRef;
import io.linia.workforce.demand.ArrivalBatch;
import io.linia.workforce.demand.ArrivalHistory;
import io.linia.workforce.staff.PlanningCalendar;
import io.linia.workforce.staff.ShiftCalendar;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo desk's arrival history ({@code linia.demo.arrivals.*}): {@code weeks} weeks up to yesterday of
 * hourly counts at the reference desk's scale, stored as one imported batch labelled as demo, so that the
 * forecast and staffing pages have something to learn from on a fresh start. Working days bring 8,500 to
 * 10,000 tickets (Monday the busiest), weekends about 7,000, holidays of the business calendar about 6,000;
 * most arrive in business hours (10:00–18:00), few at night. Random noise from a fixed seed: the same start
 * date gives the same history. Seeded once, while no demo batch exists (deleting it on the arrivals page and
 * restarting seeds a fresh one up to the new yesterday).
 */
@Component
@Order(31)
class DemoArrivals implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoArrivals.class);

    /** Share of a working day's tickets per hour 0..23: quiet nights, the morning rush, business hours, the evening. */
    private static final double[] WORKDAY = {
            0.012, 0.008, 0.006, 0.005, 0.005, 0.007, 0.012, 0.024, 0.045, 0.066, 0.078, 0.080,
            0.076, 0.074, 0.076, 0.074, 0.070, 0.064, 0.054, 0.044, 0.036, 0.029, 0.022, 0.017};
    /** Weekends and holidays: a late start and a flatter day. */
    private static final double[] WEEKEND = {
            0.018, 0.012, 0.009, 0.007, 0.007, 0.008, 0.012, 0.020, 0.032, 0.046, 0.060, 0.068,
            0.072, 0.072, 0.070, 0.068, 0.066, 0.062, 0.058, 0.054, 0.049, 0.045, 0.037, 0.028};

    private final ArrivalHistory history;
    private final PlanningCalendar calendar;
    private final UserDirectory users;
    private final boolean enabled;
    private final int weeks;
    private final long seed;

    DemoArrivals(ArrivalHistory history, PlanningCalendar calendar, UserDirectory users,
                 @Value("${linia.demo.enabled:true}") boolean demo, @Value("${linia.demo.arrivals.enabled:true}") boolean arrivals,
                 @Value("${linia.demo.arrivals.weeks:8}") int weeks, @Value("${linia.demo.arrivals.seed:2026}") long seed) {
        this.history = history;
        this.calendar = calendar;
        this.users = users;
        this.enabled = demo && arrivals;
        if (weeks < 1 || weeks > 104) {
            throw new IllegalArgumentException("linia.demo.arrivals.weeks: 1 to 104, not " + weeks);
        }
        this.weeks = weeks;
        this.seed = seed;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled || history.batches().stream().anyMatch(ArrivalBatch::demo)) {
            return;
        }
        // only on the demo desk itself, as the demo's contracts and period
        boolean demoDesk = users.userByLogin("l2web").map(UserRef::email).filter("maria.sokolova@linia.local"::equals).isPresent();
        if (!demoDesk) {
            return;
        }
        ShiftCalendar shifts = calendar.current();
        LocalDate last = calendar.today().minusDays(1);
        LocalDate first = last.minusWeeks(weeks).plusDays(1);
        double[] hourly = hourly(first, last, date -> shifts.holiday(date).isPresent(), seed);
        ZoneId zone = shifts.zone();
        ArrivalBatch batch = history.seedDemo("Демо: история обращений, " + weeks + " нед. (linia.demo.arrivals)", zone,
                first.atStartOfDay(), hourly);
        log.info("Demo arrival history {}–{}: {} tickets in batch {}", first, last, Math.round(batch.total()), batch.id());
    }

    /** Whole tickets per hour of the days from {@code first} to {@code last}. */
    static double[] hourly(LocalDate first, LocalDate last, java.util.function.Predicate<LocalDate> holiday, long seed) {
        Random random = new Random(seed ^ first.toEpochDay());
        int days = (int) (last.toEpochDay() - first.toEpochDay()) + 1;
        double[] hourly = new double[days * 24];
        for (int d = 0; d < days; d++) {
            LocalDate date = first.plusDays(d);
            boolean weekend = date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
            double total = holiday.test(date) ? 6000 : switch (date.getDayOfWeek()) {
                case MONDAY -> 9800;
                case TUESDAY -> 9400;
                case WEDNESDAY, THURSDAY -> 9100;
                case FRIDAY -> 8600;
                case SATURDAY -> 7300;
                case SUNDAY -> 7000;
            };
            total *= 1 + 0.03 * random.nextGaussian();
            double[] profile = weekend || holiday.test(date) ? WEEKEND : WORKDAY;
            double sum = java.util.Arrays.stream(profile).sum();
            for (int h = 0; h < 24; h++) {
                double expected = total * profile[h] / sum;
                // noise a little above Poisson's (1.5 × the square root of the mean), never below none
                hourly[d * 24 + h] = Math.max(0, Math.round(expected + Math.sqrt(expected) * 1.5 * random.nextGaussian()));
            }
        }
        return hourly;
    }
}
