package io.linia.sla;

import java.util.List;

/**
 * The targets that have ended, read back in the order they were recorded: what a report that counts "SLA met %" from
 * {@link SlaTargetFinished} events reads to rebuild itself (the same facts the events carried).
 */
public interface SlaOutcomes {

    /** A page of ended targets and the position to read the next page after (-1: none left). */
    record Page(List<SlaTargetFinished> outcomes, long last) {
    }

    /** Up to {@code limit} ended targets recorded after position {@code after} (0: from the beginning). */
    Page finishedAfter(long after, int limit);
}
