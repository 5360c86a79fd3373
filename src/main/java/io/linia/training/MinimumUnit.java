package io.linia.training;

/** What the minimum of a shadowing or supervised stage counts. */
public enum MinimumUnit {
    TICKETS, HOURS
}
