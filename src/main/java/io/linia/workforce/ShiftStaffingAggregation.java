package io.linia.workforce;

/**
 * How a shift's hours become one number of agents: everybody on a shift works all of its hours, while
 * the arrivals change from hour to hour.
 */
public enum ShiftStaffingAggregation {
    /**
     * Staff the shift for its busiest hour. Erlang C's need never falls as arrivals rise (at a fixed
     * handling time), so the peak hour's need is the fewest agents that meet the target in every hour of
     * the shift. The default: the promise holds hour by hour.
     */
    PEAK_HOUR,
    /**
     * The fewest agents (more than the traffic of every hour, so that no hour's queue grows without end)
     * whose service level over the whole shift, each hour weighted by its arrivals, meets the target. Cheaper
     * than {@link #PEAK_HOUR} when one hour stands out; that hour then misses the target while quieter ones
     * beat it.
     */
    SHIFT_SERVICE_LEVEL
}
