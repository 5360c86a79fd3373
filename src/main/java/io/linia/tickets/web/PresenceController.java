package io.linia.tickets.web;

import io.linia.accounts.Actor;
import io.linia.tickets.TicketPresence;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The collision notice on the ticket page: reported every 2 s by htmx, answered with who else is there. */
@Controller
class PresenceController {

    private final TicketPresence presence;

    PresenceController(TicketPresence presence) {
        this.presence = presence;
    }

    @PostMapping("/agent/tickets/{number}/presence")
    String report(Actor actor, @PathVariable String number, @RequestParam(defaultValue = "false") boolean typing, Model model) {
        model.addAttribute("others", presence.report(actor, number, typing));
        return "tickets/presence :: others";
    }
}
