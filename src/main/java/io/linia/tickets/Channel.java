package io.linia.tickets;

/** Where a ticket came from. */
public enum Channel {
    WEB, EMAIL, API
}
