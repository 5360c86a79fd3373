package io.linia.shared;
public final class QuotedText { public record Split(String visible, String quoted) {} public static Split split(String text) { return new Split(text, ""); } }
