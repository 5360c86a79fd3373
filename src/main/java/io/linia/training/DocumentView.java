package io.linia.training;

import java.time.Instant;

/** An uploaded study document (its content is read separately). */
public record DocumentView(long id, String name, String contentType, long sizeBytes, Instant uploadedAt, String uploadedBy) {
}
