/**
 * Intake: the e-mail channel. Reads support mailboxes over IMAP (on a schedule and on IDLE), turns
 * each mail into a ticket or a message on its ticket (threading by Message-IDs, then by the number in
 * the subject), keeps what it cannot read in a quarantine, ignores auto-replies and bounces, and
 * sends acknowledgements, replies, questions and solved notices through a persistent outbox.
 * Public API: {@link io.linia.intake.MailChannel} for administration pages and tests.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Intake")
package io.linia.intake;
