package io.linia.recovery;

import java.time.Instant;

/**
 * What the directory did: the action recorded under {@code id}, for the mailbox, and until when a
 * reset link is valid (null for an unblock).
 */
public record DirectoryActionResult(long id, Kind kind, String address, Instant at, Instant expiresAt) {

    public enum Kind { RESET_LINK, UNBLOCK }
}
