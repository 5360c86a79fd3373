package io.linia.quality;

import java.time.LocalDate;

/** One week's measures in a trend: the week starting Monday {@code week} (in {@code linia.quality.zone}), cut to the period. */
public record WeekMeasures(LocalDate week, Measures measures) {
}
