package io.linia.intake.internal.mail;

import java.time.Instant;
import java.util.List;

/**
 * One inbound mail, decoded. Ids are without angle brackets; addresses lower-cased; {@code text}
 * is never null ({@code text/plain} preferred, else text from the HTML); {@code html} is sanitised
 * or null when the mail has no HTML part (or it is too large to show).
 */
public record ParsedMail(
        String messageId,
        List<String> inReplyTo,
        List<String> references,
        String fromAddress,
        String fromName,
        String replyToAddress,
        String subject,
        Instant sentAt,
        String text,
        String html,
        List<MailAttachment> attachments,
        List<SkippedAttachment> skipped,
        Automation automation,
        String automationReason,
        List<String> bouncedMessageIds,
        String bounceDiagnostic) {

    public ParsedMail {
        inReplyTo = List.copyOf(inReplyTo);
        references = List.copyOf(references);
        attachments = List.copyOf(attachments);
        skipped = List.copyOf(skipped);
        bouncedMessageIds = List.copyOf(bouncedMessageIds);
    }

    public boolean automatic() {
        return automation != Automation.NONE;
    }
}
