package io.linia.training;

import java.time.Instant;

/** One version of a programme and how many enrolments started with it. */
public record VersionView(long id, int number, Instant createdAt, String createdBy, long enrolments) {
}
