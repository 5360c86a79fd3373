package io.linia.routing;

import java.util.List;

/**
 * A suggestion for one text: the most probable active category, its default group, the model's
 * probability for it ({@code confidence}, 0–1), whether that reaches
 * {@code linia.categorisation.confident-at}, and the best candidates, most probable first.
 */
public record Categorisation(Long categoryId, Long groupId, double confidence, boolean confident,
                             List<Candidate> candidates) {

    public Categorisation {
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
    }

    public record Candidate(long categoryId, double probability) {
    }

    /** No suggestion: no model yet, or nothing in the text the model knows. */
    public static Categorisation none() {
        return new Categorisation(null, null, 0.0, false, List.of());
    }

    /** Whether there is a category at all (not a bean property: the JSON stays the record's components). */
    public boolean hasSuggestion() {
        return categoryId != null;
    }
}
