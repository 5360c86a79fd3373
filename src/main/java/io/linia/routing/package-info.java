/**
 * Routing: second-line support groups, ticket categories, automatic categorisation, business calendars
 * and the rules of assignment (mode per group, certification). The SLA clocks live in the {@code sla}
 * module, which depends on tickets (tickets depend on routing). Public API: {@link io.linia.routing.RoutingDirectory},
 * {@link io.linia.routing.GroupRef}, {@link io.linia.routing.CategoryRef}, {@link io.linia.routing.TicketCategoriser},
 * {@link io.linia.routing.CategorisationExamples}, {@link io.linia.routing.BusinessCalendars},
 * {@link io.linia.routing.BusinessCalendar} and {@link io.linia.routing.AssignmentRules}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Routing")
package io.linia.routing;
