package io.linia.quality;

import java.util.List;

/** The measures of one agent, group, line or category over a period and week by week ({@link QualityMeasures#withTrend}). */
public record MeasuresWithTrend(Measures total, List<WeekMeasures> weeks) {
}
