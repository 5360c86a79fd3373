package io.linia.routing;

/**
 * Suggests a category and second-line group for a ticket's text, from a model trained on the
 * categories people gave past tickets (and articles). Training runs in the background.
 */
public interface TicketCategoriser {

    /** Never throws, whatever the text; {@link Categorisation#none()} while there is no model yet. */
    Categorisation categorise(String subject, String body);

    CategoriserStatus status();

    /** Starts a retraining in the background and returns at once; does nothing while one is running. */
    void retrainNow();
}
