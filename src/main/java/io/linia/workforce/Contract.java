package io.linia.workforce;

/**
 * An agent's terms: the monthly salary covers {@code minShiftsPerMonth} shifts; each shift beyond them
 * is paid at {@code extraShiftRate}; never more than {@code maxShiftsPerWeek} shifts in a week.
 */
public record Contract(Money monthlySalary, int minShiftsPerMonth, Money extraShiftRate, int maxShiftsPerWeek) {
}
