/**
 * Analytics: the tickets' flows counted per hour x channel x category x line x group (rollups kept from the
 * tickets module's events, rebuilt on demand from the tickets' histories) and the series the dashboards chart,
 * served under {@code /api/v1/analytics}. Reads the tickets only through {@link io.linia.tickets.TicketTimelines}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Analytics")
package io.linia.analytics;
