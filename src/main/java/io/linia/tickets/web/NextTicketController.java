package io.linia.tickets.web;

import io.linia.accounts.Actor;
import io.linia.shared.DomainException;
import io.linia.tickets.NextTicket;
import io.linia.tickets.TicketAssignment;
import io.linia.web.Refusals;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The queue page's "Next ticket" button: take the oldest waiting ticket and open it. */
@Controller
class NextTicketController {

    private final TicketAssignment assignment;
    private final Refusals refusals;

    NextTicketController(TicketAssignment assignment, Refusals refusals) {
        this.assignment = assignment;
        this.refusals = refusals;
    }

    @PostMapping("/agent/next")
    String next(Actor actor, @RequestHeader(value = "Referer", required = false) String referer, RedirectAttributes redirect) {
        try {
            NextTicket ticket = assignment.next(actor);
            return "redirect:/agent/tickets/" + ticket.number();
        } catch (DomainException e) {
            if (e.kind() != DomainException.Kind.NOT_FOUND) {
                throw e;
            }
            redirect.addFlashAttribute("problem", refusals.explain(e));
            return "redirect:" + backTo(referer);
        }
    }

    /** Back to the queue the button was pressed on (only a path of ours). */
    private static String backTo(String referer) {
        if (referer != null) {
            int at = referer.indexOf("/agent/");
            if (at >= 0) {
                String path = referer.substring(at);
                if (path.matches("/agent/[A-Za-z0-9/_-]*")) {
                    return path;
                }
            }
        }
        // not "/agent": it redirects once more, and the message would be spent on that redirect
        return "/agent/mine";
    }
}
