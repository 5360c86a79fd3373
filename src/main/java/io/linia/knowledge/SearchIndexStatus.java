package io.linia.knowledge;

import java.time.Instant;

/** Where a rebuild of the search index stands; {@code indexed} is -1 while it runs. */
public record SearchIndexStatus(boolean running, long total, long done, Instant startedAt, Instant finishedAt,
                                String lastError, long indexed) {

    public int percent() {
        return total <= 0 ? (running ? 0 : 100) : (int) Math.min(100, done * 100 / total);
    }
}
