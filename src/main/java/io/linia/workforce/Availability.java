package io.linia.workforce;

/** What an agent says about one shift of one date for the next planning period. */
public enum Availability {
    /** cannot work it (a lecture, an exam): the roster never puts them there */
    UNAVAILABLE,
    /** could work it */
    AVAILABLE,
    /** would like to work it: the roster honours it where it can */
    PREFERRED
}
