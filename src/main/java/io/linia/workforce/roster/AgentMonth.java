package io.linia.workforce.roster;

import java.time.YearMonth;

/**
 * An agent's month as far as it lies in the period (a problem fact), with the contract's minimum of shifts
 * pro rata to the days of the month in the period: round(minimum × days in period / days in month).
 */
public record AgentMonth(Agent agent, YearMonth month, int minimum) {
}
