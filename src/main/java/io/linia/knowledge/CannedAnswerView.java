package io.linia.knowledge;

import java.time.Instant;

/** A canned answer as stored: the body still holds its {@code {{placeholders}}}. */
public record CannedAnswerView(long id, String name, String body, Long groupId, Long setCategoryId, CannedAction action,
                               boolean active, Instant updatedAt, long version) {
}
