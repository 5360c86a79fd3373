package io.linia.intake.internal.mail;

/**
 * A file carried by a mail. {@code contentId} is without angle brackets (or null); {@code inline}
 * parts are referenced from the HTML as {@code cid:<contentId>}.
 */
public record MailAttachment(String fileName, String contentType, String contentId, boolean inline, byte[] content) {

    public long size() {
        return content.length;
    }
}
