/**
 * The people side of workforce planning: shift templates, agents' profiles and contracts, planning
 * periods and the agents' availability sheets, and {@link io.linia.workforce.WorkforcePlanning} built
 * from them. Its services, commands and views form the named interface {@code staff}, which the demo
 * data uses to seed contracts, a period and some availability the way a team lead and agents would.
 */
@org.springframework.modulith.NamedInterface("staff")
package io.linia.workforce.staff;
