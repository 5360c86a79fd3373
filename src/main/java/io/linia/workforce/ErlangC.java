package io.linia.workforce;

import java.time.Duration;
import java.util.Objects;

/**
 * Erlang C staffing: tickets arriving at random (Poisson) to a pool of agents, each handled in an
 * exponentially distributed time, waiting in one queue (M/M/N). With traffic A = λ·h Erlangs and N &gt; A agents:
 * <pre>
 *   Erlang B  B(0) = 1,  B(n) = A·B(n−1) / (n + A·B(n−1))
 *   Erlang C  C = N·B(N) / (N − A·(1 − B(N)))                        chance to wait
 *   service level within t   SL = 1 − C · e^(−(N − A)·t / h)
 *   average wait             ASA = C · h / (N − A)
 * </pre>
 * The recursion replaces the textbook's Aᴺ/N! terms, which overflow a double from N ≈ 170 and lose
 * precision long before: every B(n) lies in (0, 1], so it works for any desk (and any queue up to a
 * million Erlangs) in O(N).
 */
public final class ErlangC {

    /** Larger loads are refused: far beyond any desk, and the search is linear in it. */
    public static final double MAX_TRAFFIC = 1_000_000;

    private ErlangC() {
    }

    /** Offered load in Erlangs. */
    public static double traffic(double arrivalsPerHour, Duration handlingTime) {
        Objects.requireNonNull(handlingTime, "handlingTime");
        if (!(arrivalsPerHour >= 0) || Double.isInfinite(arrivalsPerHour)) {
            throw new IllegalArgumentException("arrivals per hour must be a finite number, not negative: " + arrivalsPerHour);
        }
        if (handlingTime.isNegative() || handlingTime.isZero()) {
            throw new IllegalArgumentException("the handling time must be positive: " + handlingTime);
        }
        double traffic = arrivalsPerHour * seconds(handlingTime) / 3600;
        if (traffic > MAX_TRAFFIC) {
            throw new IllegalArgumentException("a load of " + traffic + " Erlangs is beyond " + MAX_TRAFFIC);
        }
        return traffic;
    }

    /** Erlang B, the blocking probability of N servers and no queue, by the recursion above. */
    public static double erlangB(int agents, double traffic) {
        double b = 1;
        for (int n = 1; n <= agents; n++) {
            b = traffic * b / (n + traffic * b);
        }
        return b;
    }

    /** The queue with {@code agents} on it: the inverse of {@link #need}. */
    public static QueuePerformance performance(double arrivalsPerHour, Duration handlingTime, int agents, Duration answerWithin) {
        if (agents < 0) {
            throw new IllegalArgumentException("agents must not be negative: " + agents);
        }
        Objects.requireNonNull(answerWithin, "answerWithin");
        double traffic = traffic(arrivalsPerHour, handlingTime);
        return performance(traffic, seconds(handlingTime), agents, erlangB(agents, traffic), seconds(answerWithin));
    }

    /**
     * The fewest agents that answer {@code target.serviceLevel()} of the tickets within {@code target.answerWithin()}
     * (0 when nothing arrives, at least 1 otherwise), and the roster that leaves that many after shrinkage.
     */
    public static StaffingNeed need(double arrivalsPerHour, Duration handlingTime, StaffingTarget target) {
        Objects.requireNonNull(target, "target");
        double traffic = traffic(arrivalsPerHour, handlingTime);
        double h = seconds(handlingTime);
        double t = seconds(target.answerWithin());
        if (traffic == 0) {
            return new StaffingNeed(0, 0, performance(0, h, 0, 1, t));
        }
        // the fewest agents that keep the queue from growing without end, then upwards one at a time
        int agents = (int) Math.floor(traffic) + 1;
        double b = erlangB(agents, traffic);
        QueuePerformance performance = performance(traffic, h, agents, b, t);
        while (performance.serviceLevel() < target.serviceLevel()) {
            agents++;
            b = traffic * b / (agents + traffic * b);
            performance = performance(traffic, h, agents, b, t);
        }
        int scheduled = (int) Math.ceil(agents / (1 - target.shrinkage()) - 1e-9);
        return new StaffingNeed(agents, scheduled, performance);
    }

    private static QueuePerformance performance(double traffic, double handlingSeconds, int agents, double erlangB, double targetSeconds) {
        if (traffic == 0) {
            return new QueuePerformance(agents, 0, 0, 1, 0, 0);
        }
        if (agents <= traffic) {
            return new QueuePerformance(agents, traffic, 1, 0, Double.POSITIVE_INFINITY, 1);
        }
        double c = agents * erlangB / (agents - traffic * (1 - erlangB));
        double spare = agents - traffic;
        double serviceLevel = 1 - c * Math.exp(-spare * targetSeconds / handlingSeconds);
        return new QueuePerformance(agents, traffic, c, Math.max(0, serviceLevel), c * handlingSeconds / spare, traffic / agents);
    }

    private static double seconds(Duration d) {
        return d.getSeconds() + d.getNano() / 1e9;
    }
}
