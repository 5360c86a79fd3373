/**
 * Tickets: the ticket aggregate, its messages, two-line lifecycle and history. Public API:
 * {@link io.linia.tickets.TicketService}, the command and view records beside it, and the events
 * ({@link io.linia.tickets.TicketCreated}, {@link io.linia.tickets.TicketEscalated}, …) that later
 * modules (mail, SLA, analytics) listen to. {@link io.linia.tickets.AgentWork} reads one agent's ticket work (steps after a
 * cursor, tickets open now) for training's shadowing; it grants no access itself.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Tickets")
package io.linia.tickets;
