package io.linia.intake.internal.mail; public record SkippedAttachment(String fileName, String contentType, long size) {}
