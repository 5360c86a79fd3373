package io.linia.knowledge;

/** A canned answer filled in for one ticket: {@code text} has no placeholders left. */
public record RenderedCannedAnswer(long id, String name, String text, CannedAction action, Long setCategoryId) {
}
