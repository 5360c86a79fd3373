package io.linia.routing;

/** One training example: a text, the category a person gave it, and how much it counts (1 normal, 2 a correction). */
public record LabelledText(String text, long categoryId, double weight) {
}
