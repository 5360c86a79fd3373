package io.linia.knowledge;

/** Many articles were added at once (an import, the demo base): worth teaching the categoriser again. */
public record ArticlesAdded(int count) {
}
