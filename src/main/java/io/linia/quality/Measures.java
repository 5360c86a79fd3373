package io.linia.quality;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The derived measures of one agent, group, line or category ({@code by}, {@code key}: the id, or FIRST/SECOND) over
 * [{@code from}, {@code to}). Every figure is summed from quality's facts, which are derived from the tickets' recorded
 * history and quality's own rows (see {@link QualityMeasures} for the rules). A fact counts in the period holding its
 * moment: a handling's end, a first response, an SLA target's end. Ratings, reviews, repeat contacts and corrections
 * count with the handling they are about (so a March solve rated in April counts in March). Percentages have two
 * decimals (half up) and are null when their base is 0; times are milliseconds; medians and p90s are nearest-rank
 * (the smallest value with at least 50 % / 90 % of the values at or below it) and null when there are none.
 *
 * @param handled                 handlings: stints in a line's queue ended by the agent (answer, close, solve,
 *                                escalation, return to the first line)
 * @param handlingMedianMs        median handling time: from the ticket entering the line's queue (creation, escalation,
 *                                return, reopen) to the handling's end, less the time it waited for the customer
 * @param handlingP90Ms           90th percentile of the same
 * @param firstResponses          tickets whose first public response (answer, question, reply or solve) falls here
 * @param firstResponseMedianMs   median time from a ticket's creation to its first response
 * @param firstResponseP90Ms      90th percentile of the same
 * @param slaTargets              SLA targets that ended (reached or no longer applying), on the handling of their stint
 * @param slaMet                  of those, met
 * @param slaMetPercent           slaMet / slaTargets
 * @param firstLineHandled        handlings on the first line
 * @param escalated               first-line handlings that ended with an escalation to the second line
 * @param escalationPercent       escalated / firstLineHandled
 * @param escalationUsualPercent  the level it is judged against: for an agent, the escalation rate of their group's
 *                                first-line handlings (the group of most of their first-line handlings here); for a
 *                                group or category, the whole first line's; for the first line, its own; else null
 * @param escalationFlag          escalationPercent against the usual level ± {@code linia.quality.measures.escalation-band}
 * @param escalationsCorrected    escalations the second line corrected: returned to the first line, or re-categorised
 *                                by a second-line person, before the ticket was escalated again (counted on the L1
 *                                agent who escalated)
 * @param escalationsCorrectedPercent escalationsCorrected / escalated
 * @param resolved                handlings that ended with an answer, a solve or a close
 * @param reopened                resolutions the customer reopened (the next state change was the reopen)
 * @param reopenPercent           reopened / resolved
 * @param repeated                resolutions with a repeat contact against them (a new ticket of the customer in the
 *                                category within the repeat window, or a reopen: quality_repeat_contact)
 * @param repeatPercent           repeated / resolved (100 − this is first-contact resolution)
 * @param ratingRequests          rating requests sent with the resolutions
 * @param ratingsFive             ratings on the 1–5 scale
 * @param csatAverage             their average score (1–5)
 * @param ratingsTwo              ratings on the good/bad scale
 * @param csatGoodPercent         good / ratingsTwo
 * @param csatResponsePercent     (ratingsFive + ratingsTwo) / ratingRequests
 * @param reviews                 answer reviews of the handlings (a dispute's re-scoring replaces the disputed score)
 * @param reviewAverage           average effective percent of those reviews
 * @param trainerCorrections      trainers' corrections of the handlings: supervised drafts the trainer edited or rejected ({@link TrainerCorrections})
 */
public record Measures(MeasureScope by, String key, Instant from, Instant to,
                       long handled, Long handlingMedianMs, Long handlingP90Ms,
                       long firstResponses, Long firstResponseMedianMs, Long firstResponseP90Ms,
                       long slaTargets, long slaMet, BigDecimal slaMetPercent,
                       long firstLineHandled, long escalated, BigDecimal escalationPercent, BigDecimal escalationUsualPercent,
                       EscalationFlag escalationFlag, long escalationsCorrected, BigDecimal escalationsCorrectedPercent,
                       long resolved, long reopened, BigDecimal reopenPercent, long repeated, BigDecimal repeatPercent,
                       long ratingRequests, long ratingsFive, BigDecimal csatAverage, long ratingsTwo, BigDecimal csatGoodPercent,
                       BigDecimal csatResponsePercent, long reviews, BigDecimal reviewAverage, long trainerCorrections) {
}
