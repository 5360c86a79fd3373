package io.linia.accounts;

import java.time.Instant;

/** An API token as listed to its owner; the secret itself is shown once, at creation. */
public record ApiTokenRef(long id, String name, Instant createdAt, Instant lastUsedAt) {
}
