package io.linia.knowledge.evaluation;

import io.linia.routing.CategorisationExamples;
import io.linia.routing.LabelledText;
import java.util.List;
import java.util.function.Consumer;

/**
 * The "past tickets" the categoriser learns from during an evaluation: the other folds' cases,
 * each labelled with its gold category, as a person would have categorised them. Registered only
 * in the Linia the evaluate command starts (see {@link EvaluationCommand}); the evaluation sets
 * the tickets of the current fold, then retrains through the categoriser's own training path.
 * Empty by default, so the cold setting learns from the knowledge base's articles alone.
 */
final class EvaluationPastTickets implements CategorisationExamples {

    private volatile List<LabelledText> tickets = List.of();

    /** The tickets of the next training; an empty list for none. */
    void set(List<LabelledText> pastTickets) {
        this.tickets = List.copyOf(pastTickets);
    }

    @Override
    public void forEach(Consumer<LabelledText> sink) {
        tickets.forEach(sink);
    }
}
