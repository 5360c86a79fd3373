package io.linia.workforce.roster;

/** An agent's wish to work a shift (a problem fact). */
public record Preference(Agent agent, Shift shift) {
}
