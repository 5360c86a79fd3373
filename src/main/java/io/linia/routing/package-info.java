/**
 * Routing: second-line support groups, ticket categories and automatic categorisation (later also
 * assignment, calendars and SLA). Public API: {@link io.linia.routing.RoutingDirectory},
 * {@link io.linia.routing.GroupRef}, {@link io.linia.routing.CategoryRef},
 * {@link io.linia.routing.TicketCategoriser} and {@link io.linia.routing.CategorisationExamples}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Routing")
package io.linia.routing;
