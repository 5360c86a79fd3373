package io.linia.intake.internal.mail;
import java.time.Instant;
import java.util.List;
public record ParsedMail(String messageId, List<String> inReplyTo, List<String> references, String fromAddress, String fromName,
        String replyToAddress, String subject, Instant sentAt, String text, String html, List<MailAttachment> attachments,
        List<SkippedAttachment> skipped, Automation automation, String automationReason, List<String> bouncedMessageIds,
        String bounceDiagnostic) {}
