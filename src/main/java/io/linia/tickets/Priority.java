package io.linia.tickets;

/** How urgent a ticket is. */
public enum Priority {
    LOW, NORMAL, HIGH, URGENT
}
