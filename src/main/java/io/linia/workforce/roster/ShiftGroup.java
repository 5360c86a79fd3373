package io.linia.workforce.roster;

/** A group with a need on a shift (a problem fact): someone certified for it should be on the shift. */
public record ShiftGroup(Shift shift, long groupId) {
}
