package io.linia.knowledge.web;

import io.linia.accounts.Actor;
import io.linia.knowledge.ArticleSuggestions;
import io.linia.tickets.TicketAction;
import io.linia.tickets.TicketService;
import io.linia.tickets.TicketView;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The article suggestions on the agent's ticket page, loaded by htmx after the page: the top
 * articles for the ticket's text, each with "answer with this article".
 */
@Controller
class TicketSuggestionsController {

    private final ArticleSuggestions suggestions;
    private final TicketService tickets;

    TicketSuggestionsController(ArticleSuggestions suggestions, TicketService tickets) {
        this.suggestions = suggestions;
        this.tickets = tickets;
    }

    @GetMapping("/agent/tickets/{number}/suggestions")
    String panel(Actor actor, @PathVariable String number, Model model) {
        TicketView ticket = tickets.get(actor, number);
        model.addAttribute("number", ticket.number());
        model.addAttribute("hits", suggestions.forTicket(actor, ticket.number()));
        model.addAttribute("answerable", ticket.allows(TicketAction.ANSWER) || ticket.allows(TicketAction.REPLY));
        return "knowledge/ticket-suggestions :: panel";
    }
}
