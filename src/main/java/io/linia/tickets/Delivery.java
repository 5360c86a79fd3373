package io.linia.tickets;

/**
 * How far a reply that goes out by e-mail has got: queued in the outbox, waiting for another try
 * after a failure, handed to the mail server, refused for good, or bounced back by the recipient's
 * server. Messages that are not sent by mail have none.
 */
public enum Delivery {
    QUEUED, RETRYING, SENT, FAILED, BOUNCED;

    public boolean troubled() {
        return this == RETRYING || this == FAILED || this == BOUNCED;
    }
}
