package io.linia.knowledge;

/** Who may read an article: everyone (the portal's help pages) or staff only. */
public enum Audience {
    PUBLIC, INTERNAL
}
