package io.linia.tickets;

import java.util.Optional;

/**
 * Who checks an agent's outgoing work before it reaches the customer: a module that knows (training: a trainee in
 * the supervised stage, on a ticket of their programme's queue) names the supervisor; empty means the agent acts on
 * their own. Asked before every answer, question to the customer, reply, solving reply and pass to the second line;
 * with a supervisor the command is held as a draft ({@link TicketDrafts}) and nothing else happens to the ticket.
 */
public interface TicketSupervision {

    Optional<Supervisor> supervisorFor(long agentId, TicketSummary ticket);

    record Supervisor(long id, String name) {
    }
}
