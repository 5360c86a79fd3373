package io.linia.intake.internal.mail;

/** The raw message cannot be read as a mail at all; the message says why, for the quarantine list. */
public class UnparseableMailException extends Exception {

    public UnparseableMailException(String reason) {
        super(reason);
    }

    public UnparseableMailException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
