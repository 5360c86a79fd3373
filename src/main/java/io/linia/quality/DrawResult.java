package io.linia.quality;

import java.time.LocalDate;
import java.util.List;

/** What a draw of the weekly samples did: the week, the seed it used, the samples it made (agents drawn before are skipped). */
public record DrawResult(LocalDate weekStart, long seed, List<SampleView> samples) {
}
