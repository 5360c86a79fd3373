/**
 * Routing: second-line support groups and ticket categories (later also categorisation,
 * assignment, calendars and SLA). Public API: {@link io.linia.routing.RoutingDirectory},
 * {@link io.linia.routing.GroupRef}, {@link io.linia.routing.CategoryRef}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Routing")
package io.linia.routing;
