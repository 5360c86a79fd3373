package io.linia.workforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErlangCTest {

    private static final Duration THREE_MINUTES = Duration.ofMinutes(3);

    /**
     * Call Centre Helper, "Erlang C Formula – Made Simple With an Easy Worked Example": 100 calls per half
     * hour (200/h), handling time 180 s, 80 % answered within 20 s, 30 % shrinkage → traffic 10 Erlangs,
     * 14 agents on the phones (waiting probability 17.4 %, service level 88.8 %, average wait 7.8 s,
     * occupancy 71.4 %), 20 agents to roster after shrinkage.
     */
    @Test
    void callCentreHelperWorkedExampleNeedsFourteenOnThePhonesAndTwentyRostered() {
        StaffingNeed need = ErlangC.need(200, THREE_MINUTES, new StaffingTarget(0.8, Duration.ofSeconds(20), 0.3));

        assertThat(need.agents()).isEqualTo(14);
        assertThat(need.scheduled()).isEqualTo(20);
        QueuePerformance p = need.performance();
        assertThat(p.traffic()).isCloseTo(10.0, within(1e-12));
        assertThat(p.waitingProbability()).isCloseTo(0.174, within(0.0005));
        assertThat(p.serviceLevel()).isCloseTo(0.888, within(0.0005));
        assertThat(p.averageWaitSeconds()).isCloseTo(7.8, within(0.05));
        assertThat(p.occupancy()).isCloseTo(0.714, within(0.0005));
    }

    /**
     * The same example below its answer, as the search steps up from the fewest stable agents: 13 agents
     * answer 79.6 %, just short of 80 % (values of the formula above, to 3 places).
     */
    @ParameterizedTest
    @CsvSource({"11, 0.682, 0.390", "12, 0.449, 0.640", "13, 0.285, 0.796"})
    void callCentreHelperWorkedExampleSteps(int agents, double waiting, double serviceLevel) {
        QueuePerformance p = ErlangC.performance(200, THREE_MINUTES, agents, Duration.ofSeconds(20));

        assertThat(p.waitingProbability()).isCloseTo(waiting, within(0.0005));
        assertThat(p.serviceLevel()).isCloseTo(serviceLevel, within(0.0005));
    }

    /**
     * Issue 6's textbook example: 100 contacts per hour, handling time 3 min, 80 % within 20 s → 8 agents,
     * service level 88.0 %, waiting probability 16.7 %; 7 agents would answer only 74.0 %.
     */
    @Test
    void issueSixTextbookExampleNeedsEightAgents() {
        StaffingNeed need = ErlangC.need(100, THREE_MINUTES, new StaffingTarget(0.8, Duration.ofSeconds(20), 0));

        assertThat(need.agents()).isEqualTo(8);
        assertThat(need.scheduled()).isEqualTo(8);
        assertThat(need.performance().serviceLevel()).isCloseTo(0.880, within(0.0005));
        assertThat(need.performance().waitingProbability()).isCloseTo(0.167, within(0.0005));
        assertThat(ErlangC.performance(100, THREE_MINUTES, 7, Duration.ofSeconds(20)).serviceLevel()).isCloseTo(0.740, within(0.0005));
    }

    /** The recursion against the textbook sum of Aᵏ/k! in exact decimal arithmetic, where the sum is still feasible. */
    @ParameterizedTest
    @CsvSource({"1, 0.5", "5, 3.2", "14, 10", "30, 24.5", "60, 51.7", "120, 108.3"})
    void recursionAgreesWithTheFactorialFormula(int agents, double traffic) {
        MathContext mc = MathContext.DECIMAL128;
        BigDecimal a = BigDecimal.valueOf(traffic);
        BigDecimal term = BigDecimal.ONE;
        BigDecimal sum = BigDecimal.ZERO;
        for (int k = 0; k < agents; k++) {
            sum = sum.add(term, mc);
            term = term.multiply(a, mc).divide(BigDecimal.valueOf(k + 1), mc);
        }
        // term = Aᴺ/N!;  C = term·N/(N−A) / (sum + term·N/(N−A))
        BigDecimal top = term.multiply(BigDecimal.valueOf(agents), mc).divide(BigDecimal.valueOf(agents).subtract(a), mc);
        double expected = top.divide(sum.add(top, mc), mc).doubleValue();

        double hoursPerTicket = 0.25;
        QueuePerformance p = ErlangC.performance(traffic / hoursPerTicket, Duration.ofMinutes(15), agents, Duration.ZERO);

        assertThat(p.waitingProbability()).isCloseTo(expected, within(1e-12));
        assertThat(p.serviceLevel()).isCloseTo(1 - expected, within(1e-12));
    }

    /**
     * A ticket desk: 40 tickets an hour, 15 minutes each, 80 % answered within an hour. The wait target is
     * four handling times long, so the fewest agents that keep the queue from growing (11 for 10 Erlangs)
     * already answer 98.8 %: a long target must not break the arithmetic (e^(−4) and no factorials).
     */
    @Test
    void longWaitTargetOfATicketDeskNeedsOnlyTheStableMinimum() {
        StaffingNeed need = ErlangC.need(40, Duration.ofMinutes(15), new StaffingTarget(0.8, Duration.ofMinutes(60), 0.25));

        assertThat(need.agents()).isEqualTo(11);
        assertThat(need.scheduled()).isEqualTo(15);
        assertThat(need.performance().serviceLevel()).isCloseTo(1 - 0.6821 * Math.exp(-4), within(0.0005));
        assertThat(need.performance().averageWait()).get().satisfies(w -> assertThat(w.toMinutes()).isEqualTo(10));
    }

    @Test
    void nothingArrivingNeedsNobody() {
        StaffingNeed need = ErlangC.need(0, THREE_MINUTES, new StaffingTarget(0.8, Duration.ofSeconds(20), 0.3));

        assertThat(need.agents()).isZero();
        assertThat(need.scheduled()).isZero();
        assertThat(need.performance().serviceLevel()).isEqualTo(1);
        assertThat(need.performance().averageWait()).contains(Duration.ZERO);
        assertThat(ErlangC.performance(0, THREE_MINUTES, 3, Duration.ZERO).waitingProbability()).isZero();
    }

    @Test
    void aTrickleStillNeedsOneAgent() {
        StaffingNeed need = ErlangC.need(0.01, Duration.ofMinutes(10), new StaffingTarget(0.9, Duration.ofMinutes(30), 0));

        assertThat(need.agents()).isEqualTo(1);
        assertThat(need.performance().serviceLevel()).isGreaterThan(0.99);
    }

    @Test
    void tooFewAgentsMakeAQueueWithoutEnd() {
        QueuePerformance p = ErlangC.performance(200, THREE_MINUTES, 10, Duration.ofSeconds(20));

        assertThat(p.stable()).isFalse();
        assertThat(p.waitingProbability()).isEqualTo(1);
        assertThat(p.serviceLevel()).isZero();
        assertThat(p.averageWait()).isEmpty();
        assertThat(ErlangC.performance(200, THREE_MINUTES, 0, Duration.ofSeconds(20)).stable()).isFalse();
    }

    /**
     * A million tickets an hour at 3 minutes is 50,000 Erlangs: far past where Aᴺ/N! overflows (N ≈ 170).
     * The answer is finite, meets the target, one agent fewer would not, and it is near the square-root
     * staffing rule N ≈ A + β√A (Halfin–Whitt) with β between 0 and 3.
     */
    @Test
    void hugeLoadsStayFiniteAndMinimal() {
        StaffingTarget target = new StaffingTarget(0.8, Duration.ofSeconds(20), 0);
        StaffingNeed need = ErlangC.need(1_000_000, THREE_MINUTES, target);

        double traffic = 50_000;
        assertThat(need.agents()).isGreaterThan((int) traffic).isLessThan((int) (traffic + 3 * Math.sqrt(traffic)));
        assertThat(need.performance().serviceLevel()).isBetween(0.8, 1.0);
        assertThat(ErlangC.performance(1_000_000, THREE_MINUTES, need.agents() - 1, Duration.ofSeconds(20)).serviceLevel())
                .isLessThan(0.8);
        assertThat(need.performance().waitingProbability()).isBetween(0.0, 1.0);
    }

    @ParameterizedTest
    @CsvSource({"0, 14", "0.1, 16", "0.3, 20", "0.5, 28", "0.75, 56", "0.9, 140"})
    void shrinkageScalesTheRosterNotTheAgentsOnTheQueue(double shrinkage, int scheduled) {
        StaffingNeed need = ErlangC.need(200, THREE_MINUTES, new StaffingTarget(0.8, Duration.ofSeconds(20), shrinkage));

        assertThat(need.agents()).isEqualTo(14);
        assertThat(need.scheduled()).isEqualTo(scheduled);
    }

    @Test
    void moreAgentsNeverServeWorse() {
        double previousLevel = 0;
        double previousWait = Double.POSITIVE_INFINITY;
        for (int agents = 1; agents <= 40; agents++) {
            QueuePerformance p = ErlangC.performance(200, THREE_MINUTES, agents, Duration.ofSeconds(20));
            assertThat(p.serviceLevel()).isGreaterThanOrEqualTo(previousLevel);
            assertThat(p.averageWaitSeconds()).isLessThanOrEqualTo(previousWait);
            previousLevel = p.serviceLevel();
            previousWait = p.averageWaitSeconds();
        }
        assertThat(previousLevel).isGreaterThan(0.9999);
    }

    @Test
    void refusesWhatIsNotAQueue() {
        assertThatThrownBy(() -> ErlangC.need(-1, THREE_MINUTES, new StaffingTarget(0.8, Duration.ofSeconds(20), 0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("arrivals");
        assertThatThrownBy(() -> ErlangC.need(Double.NaN, THREE_MINUTES, new StaffingTarget(0.8, Duration.ofSeconds(20), 0)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ErlangC.performance(10, Duration.ZERO, 2, Duration.ofSeconds(20)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("handling time");
        assertThatThrownBy(() -> ErlangC.performance(10, THREE_MINUTES, -1, Duration.ofSeconds(20)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("agents");
        assertThatThrownBy(() -> ErlangC.need(1e12, THREE_MINUTES, new StaffingTarget(0.8, Duration.ofSeconds(20), 0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Erlangs");
        assertThatThrownBy(() -> new StaffingTarget(1, Duration.ofSeconds(20), 0)).hasMessageContaining("service level");
        assertThatThrownBy(() -> new StaffingTarget(0, Duration.ofSeconds(20), 0)).hasMessageContaining("service level");
        assertThatThrownBy(() -> new StaffingTarget(0.8, Duration.ofSeconds(-1), 0)).hasMessageContaining("wait");
        assertThatThrownBy(() -> new StaffingTarget(0.8, Duration.ofSeconds(20), 1)).hasMessageContaining("shrinkage");
        assertThatThrownBy(() -> new StaffingTarget(0.8, Duration.ofSeconds(20), -0.1)).hasMessageContaining("shrinkage");
    }
}
