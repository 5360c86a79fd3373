package io.linia.intake.internal.mail; public record MailAttachment(String fileName, String contentType, String contentId, boolean inline, byte[] content) {}
