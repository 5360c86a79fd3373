package io.linia.workforce.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.linia.tickets.Line;
import io.linia.workforce.AgentProfile;
import io.linia.workforce.Contract;
import io.linia.workforce.DayKind;
import io.linia.workforce.Money;
import io.linia.workforce.RosterDesk;
import io.linia.workforce.RosterNeed;
import io.linia.workforce.RosterPin;
import io.linia.workforce.RosterProblem;
import io.linia.workforce.RosterSettings;
import io.linia.workforce.ShiftSlot;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RosterModelTest {

    private static final LocalDate MON = LocalDate.of(2026, 3, 2);
    private static final ShiftSlot M1 = RosterDesk.slot(MON, RosterDesk.MORNING, LocalTime.of(9, 0), LocalTime.of(15, 0), DayKind.WEEKDAY);
    private static final ShiftSlot E1 = RosterDesk.slot(MON, RosterDesk.EVENING, LocalTime.of(15, 0), LocalTime.of(21, 0), DayKind.WEEKDAY);

    private static AgentProfile agent(long id, Line line, long group, int min) {
        return new AgentProfile(id, "Agent " + id, line, Set.of(group), Set.of(),
                new Contract(Money.of("30000", "RUB"), min, Money.of("2500", "RUB"), 4));
    }

    private static RosterProblem problem(List<AgentProfile> agents, List<RosterNeed> needs, List<RosterPin> pins, RosterSettings settings) {
        return new RosterProblem(MON, MON.plusDays(6), agents, List.of(M1, E1), List.of(), needs, pins, settings);
    }

    @Test
    void eachNeedBecomesThatManySeatsOfItsQueueAndEveryShiftGetsTheOptionalSeats() {
        RosterSolution s = RosterModel.of(problem(List.of(agent(1, Line.FIRST, 10, 0)),
                List.of(new RosterNeed(MON, RosterDesk.MORNING, Line.FIRST, 10, 3), new RosterNeed(MON, RosterDesk.MORNING, Line.SECOND, 20, 1)),
                List.of(), RosterSettings.defaults().withOptionalSeatsPerShift(2))).solution();

        assertThat(s.getSeats()).filteredOn(seat -> !seat.isOptional()).extracting(Seat::getLine, Seat::getGroupId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Line.FIRST, 10L), org.assertj.core.groups.Tuple.tuple(Line.FIRST, 10L),
                        org.assertj.core.groups.Tuple.tuple(Line.FIRST, 10L), org.assertj.core.groups.Tuple.tuple(Line.SECOND, 20L));
        assertThat(s.getSeats()).filteredOn(Seat::isOptional).hasSize(4);
        assertThat(s.getSeats()).extracting(Seat::getId).doesNotHaveDuplicates();
        assertThat(s.getSeats()).allSatisfy(seat -> assertThat(seat.getAgent()).isNull());
        assertThat(s.getShiftGroups()).extracting(ShiftGroup::groupId).containsExactly(10L, 20L);
    }

    @Test
    void aPinTakesASeatOfTheAgentsOwnQueueOrElseOneOfItsOwnBeyondTheNeed() {
        AgentProfile first = agent(1, Line.FIRST, 10, 0);
        AgentProfile second = agent(2, Line.SECOND, 20, 0);
        RosterSolution s = RosterModel.of(problem(List.of(first, second),
                List.of(new RosterNeed(MON, RosterDesk.MORNING, Line.FIRST, 10, 2)),
                List.of(new RosterPin(1, MON, RosterDesk.MORNING), new RosterPin(2, MON, RosterDesk.MORNING)),
                RosterSettings.defaults().withOptionalSeatsPerShift(1))).solution();

        assertThat(s.getSeats()).filteredOn(Seat::isPinned).hasSize(2).allSatisfy(seat -> assertThat(seat.getShift().slot()).isEqualTo(M1));
        assertThat(s.getSeats()).filteredOn(seat -> seat.isPinned() && !seat.isOptional()).singleElement()
                .satisfies(seat -> assertThat(seat.getAgent().userId()).isEqualTo(1));
        assertThat(s.getSeats()).filteredOn(seat -> seat.isPinned() && seat.isOptional()).singleElement()
                .satisfies(seat -> assertThat(seat.getAgent().userId()).isEqualTo(2));
        // the need's seats stay 2, the optional seats 1 per shift beside the pinned extra
        assertThat(s.getSeats()).filteredOn(seat -> !seat.isOptional()).hasSize(2);
        assertThat(s.getSeats()).filteredOn(seat -> seat.isOptional() && !seat.isPinned()).hasSize(2);
    }

    @Test
    void theSamePinGivenTwiceTakesOneSeat() {
        RosterSolution s = RosterModel.of(problem(List.of(agent(1, Line.FIRST, 10, 0)),
                List.of(new RosterNeed(MON, RosterDesk.MORNING, Line.FIRST, 10, 2)),
                List.of(new RosterPin(1, MON, RosterDesk.MORNING), new RosterPin(1, MON, RosterDesk.MORNING)),
                RosterSettings.defaults().withOptionalSeatsPerShift(0))).solution();

        assertThat(s.getSeats()).filteredOn(Seat::isPinned).hasSize(1);
        assertThat(s.getSeats()).hasSize(2);
    }

    @Test
    void theMonthlyMinimumIsProRataToTheDaysOfEachMonthInThePeriod() {
        LocalDate from = LocalDate.of(2026, 3, 16);
        LocalDate to = LocalDate.of(2026, 4, 12);
        ShiftSlot slot = RosterDesk.slot(from, RosterDesk.MORNING, LocalTime.of(9, 0), LocalTime.of(15, 0), DayKind.WEEKDAY);
        RosterProblem p = new RosterProblem(from, to, List.of(agent(1, Line.FIRST, 10, 12)), List.of(slot), List.of(), List.of(), List.of(),
                RosterSettings.defaults());

        // March: 16 of 31 days → 6.2 → 6; April: 12 of 30 → 4.8 → 5
        assertThat(RosterModel.of(p).solution().getAgentMonths()).extracting(AgentMonth::month, AgentMonth::minimum)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(YearMonth.of(2026, 3), 6), org.assertj.core.groups.Tuple.tuple(YearMonth.of(2026, 4), 5));
    }

    @Test
    void withoutASettingTheOptionalSeatsCoverTheMinimumsTheNeedLeavesWithHalfAgainForChoice() {
        // 10 agents × round(12 × 7/31) = 3 → 30 minimum shifts; need 2 × 1 = 2; (30 − 2) × 1.5 / 2 shifts = 21
        List<AgentProfile> agents = java.util.stream.LongStream.rangeClosed(1, 10).mapToObj(i -> agent(i, Line.FIRST, 10, 12)).toList();
        RosterSolution s = RosterModel.of(problem(agents, List.of(new RosterNeed(MON, RosterDesk.MORNING, Line.FIRST, 10, 1),
                new RosterNeed(MON, RosterDesk.EVENING, Line.FIRST, 10, 1)), List.of(), RosterSettings.defaults())).solution();
        assertThat(s.getSeats()).filteredOn(Seat::isOptional).hasSize(2 * 21);

        // a need beyond the minimums still leaves one optional seat per shift
        RosterSolution busy = RosterModel.of(problem(agents.subList(0, 1), List.of(new RosterNeed(MON, RosterDesk.MORNING, Line.FIRST, 10, 9)),
                List.of(), RosterSettings.defaults())).solution();
        assertThat(busy.getSeats()).filteredOn(Seat::isOptional).hasSize(2);
    }

    @Test
    void availabilityBecomesEachAgentsUnavailableAndPreferredShiftsIgnoringOtherPeoplesAndOtherPeriods() {
        RosterProblem p = new RosterProblem(MON, MON.plusDays(6), List.of(agent(1, Line.FIRST, 10, 0)), List.of(M1, E1),
                List.of(new io.linia.workforce.AvailabilityEntry(1, MON, RosterDesk.MORNING, io.linia.workforce.Availability.UNAVAILABLE),
                        new io.linia.workforce.AvailabilityEntry(1, MON, RosterDesk.EVENING, io.linia.workforce.Availability.PREFERRED),
                        new io.linia.workforce.AvailabilityEntry(1, MON.plusDays(9), RosterDesk.EVENING, io.linia.workforce.Availability.PREFERRED),
                        new io.linia.workforce.AvailabilityEntry(99, MON, RosterDesk.EVENING, io.linia.workforce.Availability.UNAVAILABLE)),
                List.of(), List.of(), RosterSettings.defaults());
        RosterSolution s = RosterModel.of(p).solution();
        Agent agent = s.getAgents().get(0);
        Shift morning = s.getShifts().get(0);
        Shift evening = s.getShifts().get(1);

        assertThat(agent.isUnavailable(morning)).isTrue();
        assertThat(agent.isUnavailable(evening)).isFalse();
        assertThat(s.getPreferences()).containsExactly(new Preference(agent, evening));
    }

    @Test
    void aProblemIsCheckedOnConstructionNamingTheComponentAtFault() {
        List<AgentProfile> one = List.of(agent(1, Line.FIRST, 10, 0));
        RosterSettings settings = RosterSettings.defaults();
        assertThatThrownBy(() -> new RosterProblem(MON, MON.plusDays(42), one, List.of(), List.of(), List.of(), List.of(), settings))
                .hasMessageStartingWith("toInclusive:");
        assertThatThrownBy(() -> new RosterProblem(MON, MON.minusDays(1), one, List.of(), List.of(), List.of(), List.of(), settings))
                .hasMessageStartingWith("toInclusive:");
        assertThatThrownBy(() -> new RosterProblem(MON.plusDays(1), MON.plusDays(6), one, List.of(M1), List.of(), List.of(), List.of(), settings))
                .hasMessageStartingWith("slots:");
        assertThatThrownBy(() -> new RosterProblem(MON, MON.plusDays(6), List.of(one.get(0), one.get(0)), List.of(M1), List.of(), List.of(), List.of(), settings))
                .hasMessageStartingWith("agents:");
        assertThatThrownBy(() -> new RosterProblem(MON, MON.plusDays(6), one, List.of(M1), List.of(),
                List.of(new RosterNeed(MON, RosterDesk.EVENING, Line.FIRST, 10, 1)), List.of(), settings))
                .hasMessageStartingWith("needs:");
        assertThatThrownBy(() -> new RosterProblem(MON, MON.plusDays(6), one, List.of(M1), List.of(), List.of(),
                List.of(new RosterPin(7, MON, RosterDesk.MORNING)), settings))
                .hasMessageStartingWith("pins:");
        assertThatThrownBy(() -> settings.withMinimumRest(java.time.Duration.ofHours(-1))).hasMessageStartingWith("minimumRest:");
        assertThatThrownBy(() -> settings.withTimeLimit(java.time.Duration.ZERO)).hasMessageStartingWith("timeLimit:");
        assertThatThrownBy(() -> settings.withOptionalSeatsPerShift(-1)).hasMessageStartingWith("optionalSeatsPerShift:");
        assertThatThrownBy(() -> new RosterNeed(MON, 1, Line.FIRST, 10, -1)).hasMessageStartingWith("required:");
    }
}
