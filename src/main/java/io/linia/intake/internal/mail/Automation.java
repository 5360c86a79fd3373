package io.linia.intake.internal.mail;

/** Whether a mail was written by a person or by a machine answering another mail. */
public enum Automation {
    NONE,
    /** Out-of-office and other automatic answers: kept, but never a ticket and never acknowledged. */
    AUTO_REPLY,
    /** A delivery failure report about a mail Linia (or someone) sent. */
    BOUNCE
}
