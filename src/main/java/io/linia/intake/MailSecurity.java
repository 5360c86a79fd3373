package io.linia.intake;

/** How Linia talks to an IMAP server: plain, upgraded with STARTTLS, or TLS from the first byte (imaps). */
public enum MailSecurity {
    PLAIN, STARTTLS, TLS
}
