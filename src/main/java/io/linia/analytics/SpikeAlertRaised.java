package io.linia.analytics;

import java.time.Instant;
import java.util.List;

/**
 * Analytics found a spike in the inflow of a category or a channel and opened an alert (once per spike: not again
 * while it lasts). Published in the transaction that opened it; the mail channel sends each team lead told one
 * mail about it.
 *
 * @param dimension {@code CATEGORY} or {@code CHANNEL}
 * @param labelRu   the category's or channel's name in Russian
 * @param labelEn   and in English
 * @param count     tickets in the window when it opened
 * @param usual     the usual number for that window of the week
 * @param samples   some of the spike's tickets, newest first
 * @param words     the words new in the spike's tickets, most telling first
 * @param leadIds   the team leads told (user ids)
 */
public record SpikeAlertRaised(long alertId, String dimension, String labelRu, String labelEn, Instant openedAt, long count,
                               double usual, List<Sample> samples, List<String> words, List<Long> leadIds) {

    public record Sample(long ticketId, String ticketNumber, String subject) {
    }

    public SpikeAlertRaised {
        samples = List.copyOf(samples);
        words = List.copyOf(words);
        leadIds = List.copyOf(leadIds);
    }
}
