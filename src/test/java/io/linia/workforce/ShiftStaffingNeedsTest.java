package io.linia.workforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.linia.tickets.Line;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShiftStaffingNeedsTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);
    private static final StaffingTarget EIGHTY_IN_AN_HOUR = new StaffingTarget(0.8, Duration.ofMinutes(60), 0.3);
    private static final ShiftStaffingSettings SETTINGS = ShiftStaffingSettings.of(Duration.ofMinutes(20), Duration.ofMinutes(45), EIGHTY_IN_AN_HOUR)
            .withCarryClosedHours(false);
    private static final ShiftSlot MORNING = RosterDesk.slot(MONDAY, RosterDesk.MORNING, LocalTime.of(9, 0), LocalTime.of(15, 0), DayKind.WEEKDAY);
    private static final ShiftSlot EVENING = RosterDesk.slot(MONDAY, RosterDesk.EVENING, LocalTime.of(15, 0), LocalTime.of(21, 0), DayKind.WEEKDAY);
    private static final ShiftStaffingQueue GENERAL_L1 = new ShiftStaffingQueue(Line.FIRST, RosterDesk.GENERAL, 1.0, 0);
    private static final ShiftStaffingQueue PAYMENTS_L2 = new ShiftStaffingQueue(Line.SECOND, RosterDesk.PAYMENTS, 0.2, 1);

    /** A day from midnight: 10 tickets an hour, except {@code busy} at 11:00. */
    private static HourlySeries day(double busy) {
        double[] hours = new double[24];
        Arrays.fill(hours, 10);
        hours[11] = busy;
        return HourlySeries.of(MONDAY.atStartOfDay(), hours);
    }

    @Test
    void aShiftIsStaffedForItsBusiestHourByErlangCWithTheLinesHandlingTimeAndShrinkage() {
        List<ShiftStaffing> needs = ShiftStaffingNeeds.of(day(60), RosterDesk.ZONE, List.of(MORNING), List.of(GENERAL_L1), SETTINGS);

        ShiftStaffing morning = needs.get(0);
        StaffingNeed atPeak = ErlangC.need(60, Duration.ofMinutes(20), EIGHTY_IN_AN_HOUR);
        assertThat(morning.peakHour()).isEqualTo(LocalDateTime.of(MONDAY, LocalTime.of(11, 0)));
        assertThat(morning.peakArrivalsPerHour()).isEqualTo(60);
        assertThat(morning.agents()).isEqualTo(atPeak.agents());
        assertThat(morning.required()).isEqualTo(atPeak.scheduled());
        assertThat(morning.arrivals()).isCloseTo(5 * 10 + 60, within(1e-9));
        assertThat(morning.peak().serviceLevel()).isGreaterThanOrEqualTo(0.8);
        // every hour meets the target with the peak's agents, so the shift as a whole does too
        assertThat(morning.serviceLevel()).isGreaterThanOrEqualTo(morning.peak().serviceLevel());
        // fewer agents would miss the target at the peak
        assertThat(ErlangC.performance(60, Duration.ofMinutes(20), morning.agents() - 1, Duration.ofMinutes(60)).serviceLevel()).isLessThan(0.8);
    }

    @Test
    void aQueueGetsItsShareOfTheArrivalsWithItsLinesHandlingTimeAndNeverLessThanItsFloor() {
        List<ShiftStaffing> needs = ShiftStaffingNeeds.of(day(60), RosterDesk.ZONE, List.of(MORNING), List.of(GENERAL_L1, PAYMENTS_L2), SETTINGS);

        ShiftStaffing payments = needs.get(1);
        assertThat(payments.line()).isEqualTo(Line.SECOND);
        assertThat(payments.groupId()).isEqualTo(RosterDesk.PAYMENTS);
        assertThat(payments.peakArrivalsPerHour()).isCloseTo(12, within(1e-9));
        StaffingNeed direct = ErlangC.need(12, Duration.ofMinutes(45), EIGHTY_IN_AN_HOUR);
        assertThat(payments.agents()).isEqualTo(direct.agents());
        assertThat(payments.required()).isEqualTo(Math.max(1, direct.scheduled()));
        assertThat(payments.toRosterNeed()).isEqualTo(new RosterNeed(MONDAY, RosterDesk.MORNING, Line.SECOND, RosterDesk.PAYMENTS, payments.required()));

        HourlySeries quiet = HourlySeries.of(MONDAY.atStartOfDay(), new double[24]);
        ShiftStaffing empty = ShiftStaffingNeeds.of(quiet, RosterDesk.ZONE, List.of(MORNING), List.of(PAYMENTS_L2), SETTINGS).get(0);
        assertThat(empty.agents()).isZero();
        assertThat(empty.required()).isEqualTo(1);
        assertThat(empty.serviceLevel()).isEqualTo(1.0);
    }

    @Test
    void theShiftsServiceLevelNeedsNoMoreAgentsThanThePeakHourAndFewerWhenOneHourStandsOut() {
        HourlySeries spike = day(120);
        // a tight target (80 % within 5 minutes), so that the peak hour needs more than the fewest stable agents
        ShiftStaffingSettings tight = new ShiftStaffingSettings(SETTINGS.handlingTime(), new StaffingTarget(0.8, Duration.ofMinutes(5), 0.3),
                ShiftStaffingAggregation.PEAK_HOUR, false);
        ShiftStaffing peak = ShiftStaffingNeeds.of(spike, RosterDesk.ZONE, List.of(MORNING), List.of(GENERAL_L1), tight).get(0);
        ShiftStaffing overShift = ShiftStaffingNeeds.of(spike, RosterDesk.ZONE, List.of(MORNING), List.of(GENERAL_L1),
                tight.withAggregation(ShiftStaffingAggregation.SHIFT_SERVICE_LEVEL)).get(0);

        assertThat(overShift.agents()).isLessThan(peak.agents());
        assertThat(overShift.serviceLevel()).isGreaterThanOrEqualTo(0.8);
        // the fewest such agents, and each more than the traffic of the peak hour (120/h × 20 min = 40 Erlangs)
        assertThat(overShift.agents()).isGreaterThan(40);
        assertThat(overShift.peak().serviceLevel()).isLessThan(0.8);

        // with every hour alike the two agree
        HourlySeries flat = day(10);
        ShiftStaffing flatPeak = ShiftStaffingNeeds.of(flat, RosterDesk.ZONE, List.of(MORNING), List.of(GENERAL_L1), tight).get(0);
        ShiftStaffing flatShift = ShiftStaffingNeeds.of(flat, RosterDesk.ZONE, List.of(MORNING), List.of(GENERAL_L1),
                tight.withAggregation(ShiftStaffingAggregation.SHIFT_SERVICE_LEVEL)).get(0);
        assertThat(flatShift.agents()).isEqualTo(flatPeak.agents());
    }

    @Test
    void theTicketsOfTheNightAreWorkForTheMorningShiftSpreadOverItsHours() {
        double[] week = new double[48];
        Arrays.fill(week, 6);
        HourlySeries twoDays = HourlySeries.of(MONDAY.atStartOfDay(), week);
        ShiftSlot tuesdayMorning = RosterDesk.slot(MONDAY.plusDays(1), RosterDesk.MORNING, LocalTime.of(9, 0), LocalTime.of(15, 0), DayKind.WEEKDAY);
        ShiftStaffingSettings carrying = SETTINGS.withCarryClosedHours(true);

        List<ShiftStaffing> needs = ShiftStaffingNeeds.of(twoDays, RosterDesk.ZONE, List.of(tuesdayMorning, MORNING, EVENING),
                List.of(GENERAL_L1), carrying);

        assertThat(needs).extracting(n -> n.slot().date()).containsExactly(MONDAY, MONDAY, MONDAY.plusDays(1));
        // Monday morning: the 9 hours since the forecast began (00–09); the evening follows it directly: none
        assertThat(needs.get(0).carried()).isCloseTo(9 * 6, within(1e-9));
        assertThat(needs.get(1).carried()).isZero();
        // Tuesday morning: Monday 21:00 to Tuesday 09:00, 12 hours
        ShiftStaffing tuesday = needs.get(2);
        assertThat(tuesday.carried()).isCloseTo(12 * 6, within(1e-9));
        assertThat(tuesday.arrivals()).isCloseTo(6 * 6 + 72, within(1e-9));
        assertThat(tuesday.peakArrivalsPerHour()).isCloseTo(6 + 72 / 6.0, within(1e-9));
        assertThat(tuesday.agents()).isEqualTo(ErlangC.need(18, Duration.ofMinutes(20), EIGHTY_IN_AN_HOUR).agents());
        assertThat(tuesday.agents()).isGreaterThan(needs.get(1).agents());
    }

    @Test
    void aShiftStartingOrEndingInsideAnHourCountsThatHoursArrivalsInProportion() {
        ShiftSlot halfPast = RosterDesk.slot(MONDAY, 7, LocalTime.of(9, 30), LocalTime.of(12, 15), DayKind.WEEKDAY);

        ShiftStaffing need = ShiftStaffingNeeds.of(day(60), RosterDesk.ZONE, List.of(halfPast), List.of(GENERAL_L1), SETTINGS).get(0);

        // 09:30–10 half of 10, 10–11 all 10, 11–12 all 60, 12–12:15 a quarter of 10
        assertThat(need.arrivals()).isCloseTo(5 + 10 + 60 + 2.5, within(1e-9));
        assertThat(need.peakArrivalsPerHour()).isEqualTo(60);
    }

    @Test
    void aShiftOutsideTheForecastOrSettingsWithoutALinesHandlingTimeAreRefusedByName() {
        ShiftSlot tuesday = RosterDesk.slot(MONDAY.plusDays(1), RosterDesk.MORNING, LocalTime.of(9, 0), LocalTime.of(15, 0), DayKind.WEEKDAY);
        assertThatThrownBy(() -> ShiftStaffingNeeds.of(day(10), RosterDesk.ZONE, List.of(tuesday), List.of(GENERAL_L1), SETTINGS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("forecast:");
        assertThatThrownBy(() -> new ShiftStaffingSettings(Map.of(Line.FIRST, Duration.ofMinutes(10)), EIGHTY_IN_AN_HOUR,
                ShiftStaffingAggregation.PEAK_HOUR, true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("handlingTime:");
        assertThatThrownBy(() -> new ShiftStaffingQueue(Line.FIRST, 1, 1.5, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("share:");
    }

    @Test
    void theForecastOfTheSyntheticDeskBecomesANeedPerShiftThatTheRosterTakes() {
        HourlySeries history = SyntheticArrivals.desk(8, 1).counts();
        Forecast forecast = ArrivalForecast.standard().forecastWeeks(history, 2);
        LocalDate from = forecast.expected().start().toLocalDate();
        RosterDesk desk = RosterDesk.generate(20, from, 2, 1);

        List<ShiftStaffing> needs = ShiftStaffingNeeds.of(forecast.expected(), RosterDesk.ZONE, desk.slots(), List.of(GENERAL_L1, PAYMENTS_L2),
                ShiftStaffingSettings.of(Duration.ofMinutes(15), Duration.ofMinutes(40), EIGHTY_IN_AN_HOUR));

        assertThat(needs).hasSize(desk.slots().size() * 2);
        assertThat(needs).allSatisfy(n -> {
            assertThat(n.serviceLevel()).isGreaterThanOrEqualTo(0.8);
            assertThat(n.required()).isGreaterThanOrEqualTo(n.agents());
        });
        // the synthetic desk is busier on weekdays than at weekends
        double weekday = needs.stream().filter(n -> n.line() == Line.FIRST && n.slot().dayKind() == DayKind.WEEKDAY).mapToInt(ShiftStaffing::required).average().orElseThrow();
        double weekend = needs.stream().filter(n -> n.line() == Line.FIRST && n.slot().dayKind() == DayKind.WEEKEND_OR_HOLIDAY).mapToInt(ShiftStaffing::required).average().orElseThrow();
        assertThat(weekday).isGreaterThan(weekend);
    }
}
