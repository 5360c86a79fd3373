package io.linia.workforce;

import java.time.Duration;
import java.util.Optional;

/**
 * What a queue looks like with a given number of agents on it, by Erlang C (arrivals at random, handling
 * times exponential, nobody gives up). With no more agents than the traffic the queue grows without end:
 * {@link #stable()} is false, every ticket waits, the service level is 0 and the wait unbounded.
 *
 * @param agents             agents answering the queue at the same time
 * @param traffic            offered load in Erlangs: arrivals per hour × handling time in hours
 * @param waitingProbability chance that a ticket waits at all (Erlang C)
 * @param serviceLevel       share answered within the target wait
 * @param averageWaitSeconds mean wait over all tickets (ASA), {@code +∞} when not stable
 * @param occupancy          share of the agents' time spent handling, at most 1
 */
public record QueuePerformance(int agents, double traffic, double waitingProbability, double serviceLevel,
                               double averageWaitSeconds, double occupancy) {

    public boolean stable() {
        return traffic == 0 || agents > traffic;
    }

    /** The mean wait, rounded to the millisecond; empty when the queue is not stable. */
    public Optional<Duration> averageWait() {
        return Double.isFinite(averageWaitSeconds) ? Optional.of(Duration.ofMillis(Math.round(averageWaitSeconds * 1000)))
                : Optional.empty();
    }
}
