package io.linia.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The demo's arrival history: the reference desk's scale and pattern, the same every time for the same dates. */
class DemoArrivalsTest {

    static final LocalDate FIRST = LocalDate.of(2026, 9, 28);
    static final LocalDate LAST = LocalDate.of(2026, 11, 22);
    static final LocalDate HOLIDAY = LocalDate.of(2026, 11, 4);

    @Test
    void eightWeeksAtTheReferenceDesksScaleWithWeekendsAndHolidaysLowerAndBusinessHoursBusy() {
        double[] hourly = DemoArrivals.hourly(FIRST, LAST, HOLIDAY::equals, 2026);

        assertThat(hourly).hasSize(56 * 24);
        for (int d = 0; d < 56; d++) {
            LocalDate date = FIRST.plusDays(d);
            double day = 0;
            double business = 0;
            for (int h = 0; h < 24; h++) {
                double v = hourly[d * 24 + h];
                assertThat(v).isEqualTo(Math.rint(v)).isNotNegative();
                day += v;
                business += h >= 10 && h < 18 ? v : 0;
            }
            if (date.equals(HOLIDAY)) {
                assertThat(day).as("%s, a holiday", date).isBetween(5_000.0, 7_000.0);
            } else if (date.getDayOfWeek().getValue() >= 6) {
                assertThat(day).as("%s, a weekend", date).isBetween(6_300.0, 8_000.0);
            } else {
                assertThat(day).as("%s, a working day", date).isBetween(7_800.0, 10_700.0);
                assertThat(business / day).as("%s in business hours", date).isGreaterThan(0.55);
            }
        }
        assertThat(DemoArrivals.hourly(FIRST, LAST, HOLIDAY::equals, 2026)).containsExactly(hourly);
        assertThat(DemoArrivals.hourly(FIRST, LAST, HOLIDAY::equals, 7)).isNotEqualTo(hourly);
    }
}
