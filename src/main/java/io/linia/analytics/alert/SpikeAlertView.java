package io.linia.analytics.alert;

import java.time.Instant;
import java.util.List;

/**
 * A spike alert as the dashboard, the wall-board and the API show it.
 *
 * @param count   tickets in the window when it opened
 * @param usual   the usual number for that window of the week then
 * @param z       how many spreads above the usual it was
 * @param peak    the most tickets in a window while it was open
 * @param last    tickets in the window at the last evaluation
 */
public record SpikeAlertView(long id, String dimension, String key, String label, Instant openedAt, Instant closedAt,
                             long count, double usual, double z, int weeks, long peak, long last, Instant evaluatedAt,
                             List<Sample> samples, List<String> words) {

    public record Sample(long ticketId, String number, String subject) {
    }

    public boolean open() {
        return closedAt == null;
    }
}
