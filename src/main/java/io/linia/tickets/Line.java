package io.linia.tickets;

/** First line takes every ticket first; second line is the specialised groups. */
public enum Line {
    FIRST, SECOND
}
