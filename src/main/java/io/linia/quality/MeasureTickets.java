package io.linia.quality;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The tickets behind one number of the {@link Measures}: the facts of {@code by}/{@code key} (within group
 * {@code groupId} when given) in [from, to) that count in {@code measure}, in time order.
 *
 * @param facts     how many facts count in it
 * @param total     the number itself: the facts' contributions summed (equal to the table's figure)
 * @param rows      the first {@code limit} facts
 * @param truncated whether more facts count than {@code rows} holds
 */
public record MeasureTickets(MeasureScope by, String key, Long groupId, Measure measure, Instant from, Instant to, long facts,
                             long total, List<Row> rows, boolean truncated) {

    /**
     * One fact: a ticket, the agent (0: no person — an SLA target that ended in a stint Linia itself ended), where it
     * was (line, group, category; 0 = none), its moment, what it adds to the number, and its figures.
     *
     * @param ratingAverage  the average of the fact's 1–5 ratings (null without any)
     * @param reviewAverage  the average of the fact's review percents (null without any)
     */
    public record Row(long ticketId, String number, String subject, long agentId, String line, long groupId, long categoryId,
                      Instant at, long counts, Long handlingMs, Long firstResponseMs, int slaTargets, int slaMet,
                      boolean escalated, boolean escalationCorrected, boolean resolved, boolean reopened, boolean repeated,
                      int ratingRequests, int ratingsFive, BigDecimal ratingAverage, int ratingsTwo, int ratingsTwoGood,
                      int reviews, BigDecimal reviewAverage, int trainerCorrections) {
    }
}
