/**
 * The roster solver (item 5), private to the workforce module: the Timefold model ({@link io.linia.workforce.roster.RosterSolution},
 * the planning entity {@link io.linia.workforce.roster.Seat}, the facts {@link io.linia.workforce.roster.Agent},
 * {@link io.linia.workforce.roster.Shift} and friends), the constraints ({@link io.linia.workforce.roster.RosterConstraints}),
 * the mapping from and to the public records ({@link io.linia.workforce.roster.RosterModel}), the explanation, and the
 * background solving service ({@link io.linia.workforce.roster.TimefoldRosterSolving}).
 *
 * <p>Model: the planning entity is a seat (shift × queue × index up to the need, plus optional seats beyond it) whose
 * one variable is the agent, which may stay unassigned. The other way round (an agent's shift list, or one entity per
 * agent and shift with a boolean) would make the need a count to be met by grouping, leaving the shortfall implicit and
 * needing a list variable or agents × shifts entities (60 × 48 = 2,880 booleans for 4 weeks, most false); a seat makes
 * the need the entities themselves: an empty required seat is exactly one unit of shortfall on one queue of one shift,
 * which the medium score counts and the explanation shows, and a pin is a seat with its agent fixed.
 */
package io.linia.workforce.roster;
