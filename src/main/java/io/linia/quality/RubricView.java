package io.linia.quality;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** A version of the review rubric; {@code current} is the one new reviews use. */
public record RubricView(long id, int version, Instant createdAt, boolean current, List<Criterion> criteria) {

    /** A criterion: weight 1–100, scored 0 (no), 1 (partly), 2 (yes), or not applicable when {@code allowsNotApplicable}. */
    public record Criterion(long id, String code, String nameRu, String nameEn, int weight, int position,
                            boolean allowsNotApplicable) {

        public String name(Locale locale) {
            return locale != null && "en".equals(locale.getLanguage()) ? nameEn : nameRu;
        }
    }

    public int totalWeight() {
        return criteria.stream().mapToInt(Criterion::weight).sum();
    }
}
