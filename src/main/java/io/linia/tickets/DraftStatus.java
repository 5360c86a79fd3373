package io.linia.tickets;

/** Where a held draft is: waiting for its supervisor, approved as written, approved with the supervisor's edit, rejected. */
public enum DraftStatus {
    PENDING, APPROVED, EDITED, REJECTED;

    public boolean decided() {
        return this != PENDING;
    }
}
