package io.linia.recovery.scoring;

import java.util.List;

/**
 * The result of comparing the answers with the directory.
 *
 * @param score          0..100
 * @param recommendation what the score suggests under the configured thresholds
 * @param items          one explanation per kind of evidence, in {@link EvidenceKind} order
 */
public record EvidenceScore(int score, Recommendation recommendation, List<EvidenceItem> items) {

    public EvidenceScore {
        items = List.copyOf(items);
    }

    public EvidenceItem item(EvidenceKind kind) {
        return items.stream().filter(i -> i.kind() == kind).findFirst().orElseThrow();
    }
}
