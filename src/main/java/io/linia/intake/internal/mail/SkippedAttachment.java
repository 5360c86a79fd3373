package io.linia.intake.internal.mail;

/** An attachment left out because the message's attachments exceeded the size limit. */
public record SkippedAttachment(String fileName, String contentType, long size) {
}
