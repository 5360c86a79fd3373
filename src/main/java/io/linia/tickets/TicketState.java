package io.linia.tickets;

/** The states of the two-line lifecycle; WAITING_FOR_CUSTOMER stops the clock until the customer answers. */
public enum TicketState {
    NEW, OPEN, WAITING_FOR_CUSTOMER, SOLVED, CLOSED
}
