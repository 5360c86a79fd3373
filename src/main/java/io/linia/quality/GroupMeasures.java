package io.linia.quality;

import java.util.List;

/**
 * A group's measures over a period, week by week, and each of its agents' within the group over the period
 * ({@link QualityMeasures#group}).
 */
public record GroupMeasures(Measures total, List<WeekMeasures> weeks, List<Measures> agents) {
}
