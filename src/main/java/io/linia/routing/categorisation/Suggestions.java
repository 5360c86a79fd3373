package io.linia.routing.categorisation;

import io.linia.routing.Categorisation;
import io.linia.routing.Categorisation.Candidate;
import io.linia.routing.CategoryRef;
import java.util.List;
import java.util.function.LongFunction;

/** From the model's candidates to a suggestion: only active categories, the best one with its default group. */
final class Suggestions {

    static final int CANDIDATES = 5;

    private Suggestions() {
    }

    static Categorisation of(List<Candidate> candidates, LongFunction<CategoryRef> categories, double confidentAt) {
        List<Candidate> active = candidates.stream()
                .filter(c -> {
                    CategoryRef category = categories.apply(c.categoryId());
                    return category != null && category.active();
                })
                .limit(CANDIDATES).toList();
        if (active.isEmpty()) {
            return Categorisation.none();
        }
        Candidate best = active.get(0);
        return new Categorisation(best.categoryId(), categories.apply(best.categoryId()).defaultGroupId(),
                best.probability(), best.probability() >= confidentAt, active);
    }
}
