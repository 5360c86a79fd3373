package io.linia.tickets;

/** The bytes of one attachment, for download by someone allowed to see its ticket. */
public record AttachmentContent(long id, String fileName, String contentType, byte[] content) {
}
