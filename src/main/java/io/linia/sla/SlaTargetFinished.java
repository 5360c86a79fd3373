package io.linia.sla;

import io.linia.tickets.Line;
import java.time.Instant;

/**
 * A ticket's target came to its end — reached (an answer, the solution) or no longer applying (the stint in that
 * queue ended) — {@code met} unless it was breached or due before {@code finishedAt}. One event per target and stint,
 * published in the transaction that ended it, so reports can count "SLA met %" per target, line, group and period
 * from the targets' own outcomes instead of re-deriving them.
 *
 * @param line    the line the stint was in
 * @param groupId the second-line group of the stint (null on the first line)
 */
public record SlaTargetFinished(long ticketId, SlaTarget target, Line line, Long groupId, boolean met, Instant startedAt,
                                Instant finishedAt) {
}
