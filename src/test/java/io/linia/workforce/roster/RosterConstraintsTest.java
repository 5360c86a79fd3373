package io.linia.workforce.roster;

import ai.timefold.solver.test.api.score.stream.ConstraintVerifier;
import io.linia.tickets.Line;
import io.linia.workforce.DayKind;
import io.linia.workforce.RosterDesk;
import io.linia.workforce.RosterRule;
import io.linia.workforce.ShiftSlot;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** One rule at a time, on hand-built facts and seats (Timefold's ConstraintVerifier). */
class RosterConstraintsTest {

    private static final Duration REST = Duration.ofHours(11);
    private static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);

    private final ConstraintVerifier<RosterConstraints, RosterSolution> verifier =
            ConstraintVerifier.build(new RosterConstraints(), RosterSolution.class, Seat.class);

    private static Shift shift(int index, LocalDate date, long template) {
        ShiftSlot slot = template == RosterDesk.WEEKEND
                ? RosterDesk.slot(date, template, LocalTime.of(10, 0), LocalTime.of(18, 0), DayKind.WEEKEND_OR_HOLIDAY)
                : template == RosterDesk.MORNING
                ? RosterDesk.slot(date, template, LocalTime.of(9, 0), LocalTime.of(15, 0), DayKind.WEEKDAY)
                : RosterDesk.slot(date, template, LocalTime.of(15, 0), LocalTime.of(21, 0), DayKind.WEEKDAY);
        return new Shift(index, slot, REST);
    }

    private static Agent agent(long id, Set<Shift> unavailable, Set<Shift> preferred) {
        return new Agent(id, "Agent " + id, Line.FIRST, Set.of(RosterDesk.GENERAL), Set.of(), 4, 12, unavailable, preferred);
    }

    private static Agent agent(long id) {
        return agent(id, Set.of(), Set.of());
    }

    private static Seat seat(long id, Shift shift, Agent agent) {
        Seat seat = Seat.required(id, shift, Line.FIRST, RosterDesk.GENERAL);
        seat.setAgent(agent);
        return seat;
    }

    private static Seat optional(long id, Shift shift, Agent agent) {
        Seat seat = Seat.optional(id, shift);
        seat.setAgent(agent);
        return seat;
    }

    @Test
    void anAgentOnAShiftTheyMarkedUnavailableBreaksAHardRule() {
        Shift monday = shift(0, MONDAY, RosterDesk.MORNING);
        Shift tuesday = shift(1, MONDAY.plusDays(1), RosterDesk.MORNING);
        Agent busy = agent(1, Set.of(monday), Set.of());

        verifier.verifyThat(RosterConstraints::unavailableShift)
                .given(busy, monday, tuesday, seat(1, monday, busy), seat(2, tuesday, busy))
                .penalizesBy(1);
        verifier.verifyThat(RosterConstraints::unavailableShift)
                .given(busy, monday, tuesday, seat(1, monday, busy))
                .justifiesWithExactly(new Justifications.AgentShift(1, MONDAY, RosterDesk.MORNING));
        verifier.verifyThat(RosterConstraints::unavailableShift)
                .given(busy, tuesday, seat(2, tuesday, busy), seat(3, monday, null))
                .penalizesBy(0);
    }

    @Test
    void anAgentOnTheSeatOfAQueueTheyDoNotWorkBreaksAHardRuleButAnyoneMayTakeAnOptionalSeat() {
        Shift monday = shift(0, MONDAY, RosterDesk.MORNING);
        Agent general = agent(1);
        Agent secondLine = new Agent(2, "L2", Line.SECOND, Set.of(RosterDesk.PAYMENTS), Set.of(RosterDesk.PAYMENTS), 4, 12, Set.of(), Set.of());
        Seat paymentsSeat = Seat.required(10, monday, Line.SECOND, RosterDesk.PAYMENTS);
        paymentsSeat.setAgent(general);
        Seat generalSeat = seat(11, monday, secondLine);

        verifier.verifyThat(RosterConstraints::outsideQueue)
                .given(general, secondLine, monday, paymentsSeat, generalSeat)
                .penalizesBy(2);
        verifier.verifyThat(RosterConstraints::outsideQueue)
                .given(general, secondLine, monday, seat(12, monday, general), optional(13, monday, secondLine))
                .penalizesBy(0);
    }

    @Test
    void twoSeatsOfOneShiftOrOfShiftsThatOverlapForOneAgentBreakAHardRule() {
        Shift morning = shift(0, MONDAY, RosterDesk.MORNING);
        Shift evening = shift(1, MONDAY, RosterDesk.EVENING);
        Shift long9to18 = new Shift(2, RosterDesk.slot(MONDAY, 9, LocalTime.of(10, 0), LocalTime.of(18, 0), DayKind.WEEKDAY), REST);
        Agent a = agent(1);

        verifier.verifyThat(RosterConstraints::overlappingShifts)
                .given(a, morning, seat(1, morning, a), optional(2, morning, a))
                .penalizesBy(1);
        verifier.verifyThat(RosterConstraints::overlappingShifts)
                .given(a, morning, evening, long9to18, seat(1, morning, a), seat(2, long9to18, a))
                .penalizesBy(1);
        // back to back (15:00 end, 15:00 start) is not an overlap; the rest rule deals with it
        verifier.verifyThat(RosterConstraints::overlappingShifts)
                .given(a, morning, evening, seat(1, morning, a), seat(2, evening, a))
                .penalizesBy(0);
    }

    @Test
    void lessThanTheMinimumRestBetweenTwoShiftsBreaksAHardRule() {
        Shift morning = shift(0, MONDAY, RosterDesk.MORNING);
        Shift evening = shift(1, MONDAY, RosterDesk.EVENING);
        Shift tuesdayMorning = shift(2, MONDAY.plusDays(1), RosterDesk.MORNING);
        Shift fridayEvening = shift(3, MONDAY.plusDays(4), RosterDesk.EVENING);
        Shift saturday = shift(4, MONDAY.plusDays(5), RosterDesk.WEEKEND);
        Agent a = agent(1);
        Agent b = agent(2);

        // 9–15 then 15–21 on one day: no rest at all
        verifier.verifyThat(RosterConstraints::minimumRest)
                .given(a, b, morning, evening, seat(1, morning, a), seat(2, evening, a), seat(3, tuesdayMorning, b))
                .penalizesBy(1);
        verifier.verifyThat(RosterConstraints::minimumRest)
                .given(a, morning, evening, seat(1, morning, a), seat(2, evening, a))
                .justifiesWithExactly(new Justifications.ShiftPair(1, MONDAY, RosterDesk.MORNING, MONDAY, RosterDesk.EVENING, 0));
        // 21:00 to 09:00 next day is 12 h; Friday 21:00 to Saturday 10:00 is 13 h
        verifier.verifyThat(RosterConstraints::minimumRest)
                .given(a, evening, tuesdayMorning, fridayEvening, saturday,
                        seat(1, evening, a), seat(2, tuesdayMorning, a), seat(3, fridayEvening, a), seat(4, saturday, a))
                .penalizesBy(0);
        // overlapping seats are the overlap rule's, not this one's
        verifier.verifyThat(RosterConstraints::minimumRest)
                .given(a, morning, seat(1, morning, a), optional(2, morning, a))
                .penalizesBy(0);
    }

    @Test
    void aRestOfThirteenHoursIsTooShortWhenTheDeskAsksForFourteen() {
        Duration fourteen = Duration.ofHours(14);
        Shift fridayEvening = new Shift(0, RosterDesk.slot(MONDAY.plusDays(4), RosterDesk.EVENING, LocalTime.of(15, 0), LocalTime.of(21, 0), DayKind.WEEKDAY), fourteen);
        Shift saturday = new Shift(1, RosterDesk.slot(MONDAY.plusDays(5), RosterDesk.WEEKEND, LocalTime.of(10, 0), LocalTime.of(18, 0), DayKind.WEEKEND_OR_HOLIDAY), fourteen);
        Agent a = agent(1);

        verifier.verifyThat(RosterConstraints::minimumRest)
                .given(a, fridayEvening, saturday, seat(1, fridayEvening, a), seat(2, saturday, a))
                .justifiesWithExactly(new Justifications.ShiftPair(1, MONDAY.plusDays(4), RosterDesk.EVENING, MONDAY.plusDays(5), RosterDesk.WEEKEND, 13 * 60));
    }

    @Test
    void shiftsBeyondTheContractsWeeklyMaximumBreakAHardRulePerShiftTooMany() {
        Agent a = new Agent(1, "A", Line.FIRST, Set.of(RosterDesk.GENERAL), Set.of(), 3, 12, Set.of(), Set.of());
        Shift[] week1 = new Shift[5];
        for (int i = 0; i < 5; i++) {
            week1[i] = shift(i, MONDAY.plusDays(i), RosterDesk.MORNING);
        }
        Shift nextMonday = shift(5, MONDAY.plusWeeks(1), RosterDesk.MORNING);

        verifier.verifyThat(RosterConstraints::maxShiftsPerWeek)
                .given(a, seat(1, week1[0], a), seat(2, week1[1], a), seat(3, week1[2], a), seat(4, week1[3], a),
                        seat(5, week1[4], a), seat(6, nextMonday, a))
                .penalizesBy(2);
        verifier.verifyThat(RosterConstraints::maxShiftsPerWeek)
                .given(a, seat(1, week1[0], a), seat(2, week1[1], a), seat(3, week1[2], a), seat(6, nextMonday, a))
                .penalizesBy(0);
        verifier.verifyThat(RosterConstraints::maxShiftsPerWeek)
                .given(a, seat(1, week1[0], a), seat(2, week1[1], a), seat(3, week1[2], a), seat(4, week1[3], a))
                .justifiesWithExactly(new Justifications.AgentWeek(1, MONDAY, 4, 3));
    }

    @Test
    void everyEmptySeatOfTheNeedCostsOneMediumAndAnEmptyOptionalSeatNothing() {
        Shift monday = shift(0, MONDAY, RosterDesk.MORNING);
        Agent a = agent(1);

        verifier.verifyThat(RosterConstraints::requiredCoverage)
                .given(a, monday, seat(1, monday, a), seat(2, monday, null), seat(3, monday, null), optional(4, monday, null))
                .penalizesBy(2);
        verifier.verifyThat(RosterConstraints::requiredCoverage)
                .given(a, monday, seat(1, monday, a), optional(4, monday, null))
                .penalizesBy(0);
    }

    @Test
    void aPreferredShiftNotGivenIsPenalisedOnceAndAGivenOneNot() {
        Shift monday = shift(0, MONDAY, RosterDesk.MORNING);
        Shift tuesday = shift(1, MONDAY.plusDays(1), RosterDesk.MORNING);
        Agent a = agent(1, Set.of(), Set.of(monday, tuesday));
        Agent b = agent(2);

        verifier.verifyThat(RosterConstraints::preferredShift)
                .given(a, b, monday, tuesday, new Preference(a, monday), new Preference(a, tuesday),
                        optional(1, monday, a), seat(2, tuesday, b))
                .penalizesBy(1);
        verifier.verifyThat(RosterConstraints::preferredShift)
                .given(a, b, monday, tuesday, new Preference(a, monday), new Preference(a, tuesday),
                        optional(1, monday, a), seat(2, tuesday, b))
                .justifiesWithExactly(new Justifications.AgentShift(1, MONDAY.plusDays(1), RosterDesk.MORNING));
        verifier.verifyThat(RosterConstraints::preferredShift)
                .given(a, monday, new Preference(a, monday), seat(1, monday, a))
                .penalizesBy(0);
    }

    @Test
    void weekendShiftsCostTheSquareOfEachAgentsCountSoThatAnEvenSpreadIsCheapest() {
        Shift sat1 = shift(0, MONDAY.plusDays(5), RosterDesk.WEEKEND);
        Shift sun1 = shift(1, MONDAY.plusDays(6), RosterDesk.WEEKEND);
        Shift sat2 = shift(2, MONDAY.plusDays(12), RosterDesk.WEEKEND);
        Shift sun2 = shift(3, MONDAY.plusDays(13), RosterDesk.WEEKEND);
        Shift weekday = shift(4, MONDAY, RosterDesk.MORNING);
        Agent a = agent(1);
        Agent b = agent(2);

        // uneven: 3 and 1 → 9 + 1 = 10
        verifier.verifyThat(RosterConstraints::weekendFairness)
                .given(a, b, seat(1, sat1, a), seat(2, sun1, a), seat(3, sat2, a), seat(4, sun2, b), seat(5, weekday, b))
                .penalizesBy(10);
        // even: 2 and 2 → 4 + 4 = 8
        verifier.verifyThat(RosterConstraints::weekendFairness)
                .given(a, b, seat(1, sat1, a), seat(2, sun1, b), seat(3, sat2, a), seat(4, sun2, b))
                .penalizesBy(8);
        verifier.verifyThat(RosterConstraints::weekendFairness)
                .given(a, b, seat(1, sat1, a), seat(2, sun1, b), seat(3, sat2, a), seat(4, sun2, b))
                .justifiesWith(new Justifications.WeekendShifts(1, 2), new Justifications.WeekendShifts(2, 2));
    }

    @Test
    void shiftsMissingToTheMonthsMinimumArePenalisedOneByOneAlsoForAnAgentWithNoShiftAtAll() {
        Agent a = agent(1);
        Agent idle = agent(2);
        YearMonth march = YearMonth.of(2026, 3);
        AgentMonth aMarch = new AgentMonth(a, march, 5);
        AgentMonth idleMarch = new AgentMonth(idle, march, 3);
        Shift s0 = shift(0, MONDAY, RosterDesk.MORNING);
        Shift s1 = shift(1, MONDAY.plusDays(1), RosterDesk.MORNING);
        Shift aprilShift = shift(2, LocalDate.of(2026, 4, 1), RosterDesk.MORNING);

        // a: 2 of 5 in March (the April shift counts for April) → 3; idle: 0 of 3 → 3
        verifier.verifyThat(RosterConstraints::minimumShifts)
                .given(a, idle, aMarch, idleMarch, seat(1, s0, a), seat(2, s1, a), seat(3, aprilShift, a))
                .penalizesBy(6);
        verifier.verifyThat(RosterConstraints::minimumShifts)
                .given(a, idle, aMarch, idleMarch, seat(1, s0, a), seat(2, s1, a))
                .justifiesWithExactly(new Justifications.AgentMonthShifts(1, march, 2, 5), new Justifications.AgentMonthShifts(2, march, 0, 3));
        verifier.verifyThat(RosterConstraints::minimumShifts)
                .given(a, new AgentMonth(a, march, 2), seat(1, s0, a), seat(2, s1, a))
                .penalizesBy(0);
    }

    @Test
    void extraShiftsBeyondTheMinimumCostTheirSquareSoThatTheySpreadEvenly() {
        Agent a = agent(1);
        Agent b = agent(2);
        YearMonth march = YearMonth.of(2026, 3);
        Shift[] s = new Shift[4];
        for (int i = 0; i < 4; i++) {
            s[i] = shift(i, MONDAY.plusDays(i), RosterDesk.MORNING);
        }

        // a: 4 against 1 → 3 extra → 9; b: 0 against 1 → none
        verifier.verifyThat(RosterConstraints::extraShifts)
                .given(a, b, new AgentMonth(a, march, 1), new AgentMonth(b, march, 1),
                        seat(1, s[0], a), seat(2, s[1], a), seat(3, s[2], a), seat(4, s[3], a))
                .penalizesBy(9);
        // 2 and 2 against 1 each → 1 + 1
        verifier.verifyThat(RosterConstraints::extraShifts)
                .given(a, b, new AgentMonth(a, march, 1), new AgentMonth(b, march, 1),
                        seat(1, s[0], a), seat(2, s[1], a), seat(3, s[2], b), seat(4, s[3], b))
                .penalizesBy(2);
    }

    @Test
    void aShiftWithoutAnyoneCertifiedForAGroupWithANeedIsPenalisedPerGroup() {
        Shift monday = shift(0, MONDAY, RosterDesk.MORNING);
        Shift tuesday = shift(1, MONDAY.plusDays(1), RosterDesk.MORNING);
        Agent plain = agent(1);
        Agent certified = new Agent(2, "Senior", Line.FIRST, Set.of(RosterDesk.GENERAL), Set.of(RosterDesk.GENERAL), 4, 12, Set.of(), Set.of());

        verifier.verifyThat(RosterConstraints::certifiedCoverage)
                .given(plain, certified, monday, tuesday,
                        new ShiftGroup(monday, RosterDesk.GENERAL), new ShiftGroup(monday, RosterDesk.PAYMENTS), new ShiftGroup(tuesday, RosterDesk.GENERAL),
                        seat(1, monday, certified), seat(2, tuesday, plain), seat(3, tuesday, null))
                .penalizesBy(2);
        verifier.verifyThat(RosterConstraints::certifiedCoverage)
                .given(plain, certified, monday, new ShiftGroup(monday, RosterDesk.GENERAL), seat(1, monday, plain), optional(2, monday, certified))
                .penalizesBy(0);
    }

    @Test
    void theWeightsAreTheRulesOwn() {
        Shift monday = shift(0, MONDAY, RosterDesk.MORNING);
        Agent a = agent(1, Set.of(monday), Set.of());
        Agent b = agent(2, Set.of(), Set.of(monday));

        verifier.verifyThat()
                .given(a, b, monday, new Preference(b, monday), new AgentMonth(a, YearMonth.of(2026, 3), 0),
                        new AgentMonth(b, YearMonth.of(2026, 3), 0), seat(1, monday, a), seat(2, monday, null))
                .scores(ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore.of(
                        -RosterRule.UNAVAILABLE_SHIFT.weight(),
                        -RosterRule.REQUIRED_COVERAGE.weight(),
                        -RosterRule.PREFERRED_SHIFT.weight() - RosterRule.EXTRA_SHIFTS.weight() - 0));
    }
}
