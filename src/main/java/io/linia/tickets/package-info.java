/**
 * Tickets: the ticket aggregate, its messages, two-line lifecycle and history. Public API:
 * {@link io.linia.tickets.TicketService}, the command and view records beside it, and the events
 * ({@link io.linia.tickets.TicketCreated}, {@link io.linia.tickets.TicketEscalated}, …) that later
 * modules (mail, SLA, analytics) listen to.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Tickets")
package io.linia.tickets;
