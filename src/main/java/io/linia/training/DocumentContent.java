package io.linia.training;

/** A study document's bytes, to send to its reader. */
public record DocumentContent(String name, String contentType, byte[] content) {
}
