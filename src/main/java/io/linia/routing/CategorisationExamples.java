package io.linia.routing;

import java.time.Instant;
import java.util.function.Consumer;

/**
 * A source of texts with known categories the categoriser learns from; modules (tickets,
 * knowledge) provide beans. Called on a background thread at training time; implementations
 * stream (page by page), so that a million examples never sit in memory at once.
 */
public interface CategorisationExamples {

    void forEach(Consumer<LabelledText> sink);

    /** How many times people chose another category than the suggested one after {@code since}. */
    default long correctionsSince(Instant since) {
        return 0;
    }
}
