package io.linia.tickets;

/** Why the first line closed a ticket without an answer. */
public enum CloseReason {
    SOLVED_BY_CUSTOMER, DUPLICATE, SPAM, NOT_OUR_SERVICE, NO_REPLY, OTHER
}
