package io.linia.intake;

import java.util.Locale;

/**
 * A seam for other modules to add a paragraph to the solved notice mail (e.g. the quality module's rating links):
 * called when the mail is composed, in the customer's language; an empty string adds nothing. Implementations must
 * not fail the mail: what they cannot write they leave out.
 */
public interface SolvedMailAddition {

    String solvedMailText(long ticketId, Locale locale);
}
