package io.linia.tickets;

/** Who a message is for: customer messages and public replies are seen by the customer, notes only by staff. */
public enum MessageKind {
    CUSTOMER, PUBLIC_REPLY, INTERNAL_NOTE
}
